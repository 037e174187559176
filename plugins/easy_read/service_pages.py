"""The easy-read page of one service, made from its structured fields.

The provider's own `easy_read.summary` and `easy_read.points` replace the
generated summary and the generated "What happens" points; every other section
always comes from the structured fields, so it stays as up to date as the
standard page. A provider's standard text (its summary, who can use it, cost
details, notes) is used only where it already meets every easy-read rule.
"""

import re
from pathlib import Path

from . import words
from .page_model import EasyReadPage, PageBuilder, Point, Section


def easy_read_address(service_url):
    """services/x/ -> services/x/easy-read/ and its file."""
    url = service_url if service_url.endswith("/") else service_url.rsplit(".", 1)[0] + "/"
    return url + "easy-read/", url + "easy-read/index.html"


def build_service_page(service, checker, display_path, category_words):
    url, save_as = easy_read_address(service.url)
    builder = PageBuilder(checker, display_path, url)
    page = EasyReadPage(title=service.name, url=url, save_as=save_as, standard_url=service.url, source=display_path)
    provider = service.easy_read or {}
    lines = _EasyReadLines(service.source_path) if provider else None

    def generated(sentence, picture, section, **extra):
        where = f"generated: {section}"
        return Point(text=builder.text(sentence, where), picture=builder.picture(picture, where), **extra)

    def plain(text, picture, instead=None):
        """A point of the provider's standard text, if it is easy read; if
        the page is then too hard to read, it goes, or becomes the generated
        point `instead` ((sentence, picture, section))."""
        point = Point(picture=picture)

        def leave_out():
            if instead is not None:
                replacement = generated(*instead)
                point.text, point.picture = replacement.text, replacement.picture
                return
            for section in page.sections:
                section.points[:] = [other for other in section.points if other is not point]
            page.sections[:] = [section for section in page.sections if section.points]

        point.text = builder.if_plain(text, leave_out)
        if point.text:
            return point
        return generated(*instead) if instead is not None else None

    category_points = [generated(*_category_words(term, category_words), "what happens") for term in service.categories]

    if provider.get("summary"):
        page.summary = builder.text(provider["summary"], "easy_read.summary", lines.summary())
    else:
        fallback = category_points[0].text if category_points else ""

        def summary_instead():
            page.summary = fallback

        page.summary = builder.if_plain(service.summary, summary_instead) or fallback

    if service.closed:
        page.notices.append(generated("This service has stopped for now.", "stop", "notice"))
    if service.review_overdue:
        page.notices.append(generated("The service last checked this page over a year ago.", "calendar", "notice"))
        page.notices.append(generated("Contact them to check it before you go.", "phone", "notice"))

    who = [generated(words.age_sentence(service.age_min, service.age_max), "birthday", "who it is for")]
    needs = words.needs_sentence([term.id for term in service.needs], service.all_needs)
    if needs:
        who.append(generated(needs, "people", "who it is for"))
    who.append(plain(service.who_can_use, "people"))
    who += [plain(criterion, "check") for criterion in service.criteria]
    if service.diagnosis_needed:
        who.append(generated("You need a diagnosis to use it. A diagnosis is when a doctor names a need.", "doctor", "who it is for"))
    else:
        who.append(generated("You do not need a diagnosis to use it.", "doctor", "who it is for"))
    if service.ehcp_needed:
        who.append(generated("You need an Education, Health and Care plan to use it.", "plan", "who it is for"))
        who.append(generated("This plan says what help a child must get.", "plan", "who it is for"))
    else:
        who.append(generated("You do not need an Education, Health and Care plan.", "plan", "who it is for"))

    if provider.get("points"):
        what = []
        for index, item in enumerate(provider["points"]):
            where = f"easy_read.points[{index + 1}]"
            line = lines.point(index)
            text = builder.text(item.get("text") or "", f"{where}.text", line)
            what.append(Point(text=text, picture=builder.picture(item.get("picture"), f"{where}.picture", line)))
    else:
        what = category_points

    if service.free:
        cost = [generated("It is free.", "free", "how much it costs")]
    else:
        cost = [generated("You have to pay for it.", "money", "how much it costs")]
        cost.append(plain(service.cost_details, "money",
                          instead=("Ask them how much it costs.", "question", "how much it costs")))

    help_points = [
        generated("You can contact them yourself.", "ask", "how to get help") if service.self_referral
        else generated("You need someone to ask them for you.", "ask", "how to get help")
    ]
    help_points += [
        generated(words.REFERRAL_WORDS[label], "help", "how to get help")
        for label in service.referral_labels if label in words.REFERRAL_WORDS
    ]
    help_points += _contact_points(service.contact, generated)

    where_points = []
    for location in service.locations:
        where_points.append(generated("You can go here:", "place", "where and when",
                                      lines=[location.name, *location.address, location.postcode]))
    if not service.locations:
        where_points.append(generated("Ask them where it happens.", "place", "where and when"))
    for time in service.opening_times:
        where_points.append(generated(words.opening_sentence(time.days_text, time.opens, time.closes), "clock", "where and when"))
        where_points.append(plain(time.notes, "calendar"))
    if not service.opening_times:
        where_points.append(generated("Ask them when it is open.", "clock", "where and when"))

    access = []
    for feature in service.accessibility:
        if feature.value == "yes" and feature.id in words.FEATURE_WORDS:
            access.append(generated(*words.FEATURE_WORDS[feature.id], "getting in"))
        elif feature.value == "no" and feature.id == "step_free_access":
            access.append(generated(*words.STEPS_NO, "getting in"))
    access.append(plain(service.accessibility_details, "info"))
    languages = words.languages_sentence(service.languages)
    if languages:
        access.append(generated(languages, "talk", "getting in"))
    access.append(generated("Ask them about anything else you need.", "question", "getting in"))

    # A provider's point that says exactly what a generated one says ("It is
    # free.") is shown once, in its own section.
    generated_texts = {point.text.casefold() for point in [*who, *cost, *help_points, *where_points, *access] if point}
    if provider.get("points"):
        what = [point for point in what if point.text.casefold() not in generated_texts]
    for key, points in (("who", who), ("what", what), ("cost", cost), ("help", help_points),
                        ("where", where_points), ("access", access)):
        points = [point for point in points if point is not None]
        if points:
            page.sections.append(Section(words.HEADINGS[key], points))
    return builder.finish_page(page)


def _category_words(term, category_words):
    if term.id in category_words:
        return tuple(category_words[term.id])
    sentence, picture = words.CATEGORY_FALLBACK
    return sentence.format(label=term.label.lower()), picture


def _contact_points(contact, generated):
    """Ways to get in touch: the words, then the number or address as a link."""
    def linked(before, link_text, href, picture):
        point = generated(f"{before} {link_text}.", picture, "how to get help",
                          link_href=href, link_text=link_text, after=".")
        point.text = before
        return point

    points = []
    if contact.phone:
        points.append(linked("Phone them on", contact.phone, contact.phone_href, "phone"))
    if contact.textphone:
        points.append(linked("Use a textphone on", contact.textphone, contact.textphone_href, "phone"))
    if contact.email:
        points.append(linked("Email them at", contact.email, contact.email_href, "email"))
    if contact.website and contact.website.startswith(("https://", "http://")):
        points.append(linked("Look at", "their website", contact.website, "website"))
    return points


class _EasyReadLines:
    """Line numbers of a provider's easy_read section, found only when asked."""

    TEXT = re.compile(r"^\s*(?:-\s+)?text:")
    SUMMARY = re.compile(r"^\s+summary:")

    def __init__(self, source_path):
        self.source_path = source_path
        self._lines = None

    def _section(self):
        if self._lines is None:
            try:
                lines = Path(self.source_path).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                lines = []
            start = next((i for i, line in enumerate(lines) if line.startswith("easy_read:")), len(lines))
            end = next((i for i in range(start + 1, len(lines)) if lines[i][:1].isalpha()), len(lines))
            self._lines = [(number + 1, lines[number]) for number in range(start, end)]
        return self._lines

    def summary(self):
        return next((number for number, line in self._section() if self.SUMMARY.match(line)), None)

    def point(self, index):
        texts = [number for number, line in self._section() if self.TEXT.match(line)]
        return texts[index] if index < len(texts) else None
