"""Easy-read pages in Chromium: no axe-core violations, text at least 19px in a
sans-serif and never italic, each picture on the left of its words on a
desktop screen and a phone, decorative pictures hidden from screen readers,
and the links between each page and its easy-read version."""

import pytest
from playwright.sync_api import expect

from .axe_check import assert_no_axe_violations

EASY_READ_PAGES = {
    "generated-service": "/services/brambleside-school/easy-read/",
    "provider-written-service": "/services/riverside-speech-dropin/easy-read/",
    "closed-service": "/services/fenwick-riding-therapy/easy-read/",
    "home": "/easy-read/",
    "what-is-the-local-offer": "/what-is-the-local-offer/easy-read/",
    "coproduction": "/coproduction/easy-read/",
    "feedback": "/feedback/easy-read/",
}
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 375, "height": 812},
}

viewports = pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
easy_read_pages = pytest.mark.parametrize("path", EASY_READ_PAGES.values(), ids=EASY_READ_PAGES.keys())

# Every element inside the easy-read column that has words of its own, with
# its computed font size, family and style.
TEXT_STYLES = """() => {
  const found = [];
  for (const element of document.querySelectorAll('.app-easy-read, .app-easy-read *')) {
    const words = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent.trim()).join(' ').trim();
    if (!words || element.closest('.govuk-visually-hidden')) continue;
    const style = getComputedStyle(element);
    found.push({
      tag: element.tagName.toLowerCase(), words: words.slice(0, 40),
      size: parseFloat(style.fontSize), family: style.fontFamily, style: style.fontStyle,
      decoration: style.textDecorationLine, link: !!element.closest('a'),
    });
  }
  return found;
}"""

# For every point: where its picture and its words are on the screen.
POINT_BOXES = """() => [...document.querySelectorAll('.app-easy-read__point')].map((point) => {
  const picture = point.querySelector('.app-easy-read__picture').getBoundingClientRect();
  const words = point.querySelector('.app-easy-read__words').getBoundingClientRect();
  return {
    text: point.innerText.trim().slice(0, 40),
    picture: {left: picture.left, right: picture.right, top: picture.top, bottom: picture.bottom, width: picture.width},
    words: {left: words.left, right: words.right, top: words.top, bottom: words.bottom},
    loaded: point.querySelector('.app-easy-read__picture').naturalWidth > 0,
  };
})"""


def open_page(page, path, viewport):
    page.set_viewport_size(viewport)
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path} answered {response and response.status}"


@viewports
@easy_read_pages
def test_easy_read_pages_have_no_axe_violations(page, path, viewport):
    open_page(page, path, viewport)
    assert_no_axe_violations(page)


def test_the_pictures_page_has_no_axe_violations(page):
    open_page(page, "/easy-read/pictures/", VIEWPORTS["desktop"])
    assert_no_axe_violations(page)


@viewports
@easy_read_pages
def test_text_is_at_least_19px_sans_serif_and_never_italic(page, path, viewport):
    open_page(page, path, viewport)
    styles = page.evaluate(TEXT_STYLES)
    assert len(styles) >= 5, styles
    small = [style for style in styles if style["size"] < 19]
    assert small == [], f"text under 19px on {path}: {small}"
    assert [s for s in styles if "sans-serif" not in s["family"]] == []
    assert [s for s in styles if s["style"] != "normal"] == []
    # Links are underlined so they can be told apart; nothing else is.
    assert [s for s in styles if "underline" in s["decoration"] and not s["link"]] == []
    assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.app-easy-read__text')).fontSize)") == 20


@viewports
@easy_read_pages
def test_each_picture_is_on_the_left_of_its_words(page, path, viewport):
    open_page(page, path, viewport)
    points = page.evaluate(POINT_BOXES)
    assert len(points) >= 3
    for point in points:
        picture, words = point["picture"], point["words"]
        assert picture["right"] <= words["left"], f"picture not left of the words: {point}"
        # Side by side on the same row: they overlap from top to bottom.
        assert picture["top"] < words["bottom"] and words["top"] < picture["bottom"], point
        assert picture["width"] >= 64, point
        assert point["loaded"], f"picture did not load: {point}"


def test_pictures_beside_words_are_hidden_from_screen_readers(page):
    open_page(page, EASY_READ_PAGES["provider-written-service"], VIEWPORTS["desktop"])
    main = page.get_by_role("main")
    assert page.locator(".app-easy-read__picture").count() >= 10
    expect(main.locator(".app-easy-read").get_by_role("img")).to_have_count(0)
    # Where a picture stands alone it is read out.
    open_page(page, "/easy-read/pictures/", VIEWPORTS["desktop"])
    expect(page.get_by_role("img", name="A person talking")).to_be_visible()


def test_a_service_and_its_easy_read_page_link_both_ways(page):
    open_page(page, "/services/riverside-speech-dropin/", VIEWPORTS["desktop"])
    page.get_by_role("link", name="Easy read version").click()
    expect(page).to_have_url("/services/riverside-speech-dropin/easy-read/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Speech and Language Drop-in")
    page.get_by_role("link", name="Standard version").click()
    expect(page).to_have_url("/services/riverside-speech-dropin/")


@pytest.mark.parametrize("standard, easy_read", [
    ("/", "/easy-read/"),
    ("/what-is-the-local-offer/", "/what-is-the-local-offer/easy-read/"),
    ("/coproduction/", "/coproduction/easy-read/"),
    ("/feedback/", "/feedback/easy-read/"),
])
def test_a_content_page_and_its_easy_read_twin_link_both_ways(page, standard, easy_read):
    open_page(page, standard, VIEWPORTS["desktop"])
    page.get_by_role("link", name="Easy read version").click()
    expect(page).to_have_url(easy_read)
    page.get_by_role("link", name="Standard version").click()
    expect(page).to_have_url(standard)


# --- Listen to this page -------------------------------------------------------------

# Replaces window.speechSynthesis before the page's scripts run with a recorder:
# it keeps every utterance in order and plays onstart, then onend a moment
# later, as a real voice would (or when the test says, with __stepByStep).
# `window.__spoken` is what it was asked to say.
STUB_SPEECH = """(() => {
  window.__spoken = [];
  window.__calls = [];
  const speech = {
    paused: false, speaking: false, queue: [],
    getVoices: () => [
      {name: 'Remote', lang: 'en-GB', localService: false},
      {name: 'Device', lang: 'en-GB', localService: true},
    ],
    speak(utterance) {
      window.__spoken.push({text: utterance.text, voice: utterance.voice && utterance.voice.name, lang: utterance.lang});
      window.__calls.push('speak');
      this.queue.push(utterance);
      if (this.queue.length === 1) this.next();
    },
    next() {
      const utterance = this.queue[0];
      if (!utterance) return;
      this.speaking = true;
      utterance.onstart && utterance.onstart();
      if (!window.__stepByStep) setTimeout(() => this.finish(utterance), 30);
    },
    // With window.__stepByStep, the test ends each sentence itself.
    endSentence() { if (this.queue[0]) this.finish(this.queue[0]); },
    finish(utterance) {
      if (this.paused) { setTimeout(() => this.finish(utterance), 20); return; }
      if (this.queue[0] !== utterance) return;
      this.queue.shift();
      this.speaking = false;
      utterance.onend && utterance.onend();
      this.next();
    },
    pause() { window.__calls.push('pause'); this.paused = true; },
    resume() { window.__calls.push('resume'); this.paused = false; },
    cancel() { window.__calls.push('cancel'); this.queue = []; this.speaking = false; },
  };
  Object.defineProperty(window, 'speechSynthesis', {value: speech, configurable: true});
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
})();"""

# The main content's HTML without the control (whose status line says what it did).
MAIN_WITHOUT_CONTROL = """() => {
  const main = document.querySelector('main').cloneNode(true);
  main.querySelector('.app-listen').remove();
  return main.innerHTML;
}"""

LISTEN_PAGES = {
    "easy-read-service": "/services/riverside-speech-dropin/easy-read/",
    "service": "/services/riverside-speech-dropin/",
    "easy-read-home": "/easy-read/",
}


@pytest.mark.parametrize("path", LISTEN_PAGES.values(), ids=LISTEN_PAGES.keys())
def test_listen_reads_the_main_content_in_order_through_speech_synthesis(page, path):
    page.add_init_script(STUB_SPEECH)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_page(page, path, VIEWPORTS["desktop"])
    listen = page.get_by_role("button", name="Listen to this page")
    expect(listen).to_be_visible()
    original = page.evaluate(MAIN_WITHOUT_CONTROL)
    requests.clear()
    listen.click()
    expect(page.get_by_role("button", name="Stop")).to_be_visible()
    page.wait_for_function("() => document.querySelector('[data-listen-action=start]').hidden === false", timeout=20000)
    spoken = page.evaluate("() => window.__spoken")
    texts = [item["text"] for item in spoken]
    # The page's own words, in page order, one sentence each, in the device's British voice.
    heading = page.locator("h1").inner_text().strip()
    # On an easy-read page the caption "Easy read" comes first.
    assert heading in texts[:2] and texts.index(heading) == len([t for t in texts[:texts.index(heading)] if t == "Easy read"])
    assert all(item["voice"] == "Device" and item["lang"] == "en-GB" for item in spoken)
    assert len(texts) >= 10
    main_text = " ".join(page.locator("main").inner_text().split())
    positions = [main_text.find(text.split(" ")[0]) for text in texts[:5]]
    assert all(position >= 0 for position in positions), texts[:5]
    assert "Listen to this page" not in texts and "Is this page useful?" not in texts
    # Done: the page is as it was, and nothing was sent anywhere.
    assert page.evaluate(MAIN_WITHOUT_CONTROL) == original
    assert requests == []


def test_listen_highlights_the_sentence_being_read_pauses_carries_on_and_stops(page):
    page.add_init_script(STUB_SPEECH)
    page.add_init_script("window.__stepByStep = true;")
    open_page(page, LISTEN_PAGES["easy-read-service"], VIEWPORTS["desktop"])
    original = page.evaluate(MAIN_WITHOUT_CONTROL)
    page.get_by_role("button", name="Listen to this page").click()
    reading = page.locator(".app-listen__sentence--reading")
    expect(reading).to_have_text("Easy read")
    expect(reading).to_have_css("background-color", "rgb(255, 221, 0)")
    page.evaluate("() => speechSynthesis.endSentence()")
    expect(reading).to_have_text("Speech and Language Drop-in")
    page.evaluate("() => speechSynthesis.endSentence()")
    expect(reading).to_have_text("You can talk to someone about how your child talks.")
    assert page.evaluate("() => window.__spoken.map((item) => item.text)") == [
        "Easy read", "Speech and Language Drop-in", "You can talk to someone about how your child talks.",
    ]
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="Carry on")).to_be_focused()
    expect(page.get_by_role("status")).to_have_text("Paused.")
    expect(page.get_by_role("button", name="Pause")).to_be_hidden()
    page.get_by_role("button", name="Carry on").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    page.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Listen to this page")).to_be_focused()
    expect(page.get_by_role("status")).to_have_text("Stopped.")
    assert page.evaluate("() => window.__calls.filter((call) => call !== 'speak')") == ["cancel", "pause", "resume", "cancel"]
    expect(page.locator(".app-listen__sentence")).to_have_count(0)
    assert page.evaluate(MAIN_WITHOUT_CONTROL) == original
    page.evaluate("() => speechSynthesis.endSentence()")
    assert len(page.evaluate("() => window.__spoken")) == 3  # nothing more after Stop


def test_listen_is_not_shown_where_the_browser_cannot_speak(page):
    page.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"
                         "Object.defineProperty(window, 'speechSynthesis', {value: undefined});")
    page.add_init_script("delete Window.prototype.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    open_page(page, LISTEN_PAGES["easy-read-service"], VIEWPORTS["desktop"])
    page.wait_for_load_state("load")
    expect(page.locator(".app-listen")).to_be_hidden()
    assert page.locator(".app-listen").evaluate("(control) => getComputedStyle(control).display") == "none"
