"""The easy-read page of one service, made from its structured fields.

Every fact in the fields a family acts on is said, in short sentences: who it
is for (age, needs, where you live, who can use it, each rule, whether a
diagnosis or an Education, Health and Care plan is needed), what happens,
what it costs (or, for a grant or allowance, that it gives money, how much
and how to ask), how to get help (and how long you usually wait), where and when (each group of days with its
own note), getting in (each accessibility answer: yes, no or not known) and
how to contact them. Nothing is said that the fields do not say: "It is free."
only when `cost.free` is yes.

Each sentence is made for one idea (ideas.py), which gives its picture. The
provider's own `easy_read.summary` and `easy_read.points` replace the
generated summary and "What happens" points. A provider's standard text (who
can use it, a rule, a note, cost or access details) is shown where it already
meets every easy-read rule; where it does not, a sentence says the fact is
there and to ask about it.
"""

import re

from localoffer.service_directory.model import EasyRead
from localoffer.service_directory.words import REFERRAL_LABELS

from . import money, words
from .ideas import FEATURE_IDEAS, NEGATIVE, POSITIVE, picture_of
from .page_model import EasyReadPage, PageBuilder, Point, Section

REFERRAL_CODES = {label: code for code, label in REFERRAL_LABELS.items()}
TAG = re.compile(r"<[^>]+>")


def easy_read_address(service_url):
    """services/x/ -> services/x/easy-read/ and its file."""
    url = service_url if service_url.endswith("/") else service_url.rsplit(".", 1)[0] + "/"
    return url + "easy-read/", url + "easy-read/index.html"


def build_service_page(service, checker, display_path, category_words, place="the area", money_categories=()):
    url, save_as = easy_read_address(service.url)
    builder = PageBuilder(checker, display_path, url, _field_line(service.record))
    page = EasyReadPage(title=service.name, url=url, save_as=save_as, standard_url=service.url, source=display_path)
    say = _Sayer(builder, page)
    provider = service.easy_read or EasyRead()

    what = _category_points(say, service, category_words)
    if provider.summary:
        page.summary = builder.text(provider.summary, "easy_read.summary")
    else:
        fallback = what[0].text if what else ""

        def summary_instead():
            page.summary = fallback

        page.summary = builder.if_plain(service.summary, summary_instead) or fallback

    if service.closed:
        page.notices.append(say("This service has stopped for now.", "closed", "status"))
    if service.review_overdue:
        page.notices.append(say("The service last checked this page over a year ago.", "not_checked", "last_reviewed"))
        page.notices.append(say("Ask them if it is still right before you go.", "ask", "last_reviewed"))

    if provider.points:
        what = [_provider_point(builder, item, index) for index, item in enumerate(provider.points)]
    gives_money = money.gives_money(service, money_categories)  # the field that shows it, or None
    sections = [
        ("who", _who(say, service, place)),
        ("what", what),
        ("money" if gives_money else "cost", _cost(say, service, gives_money)),
        ("help", _help(say, service)),
        ("where", _where_and_when(say, service)),
        ("access", _access(say, service)),
    ]
    # A provider's point that says exactly what a generated one says ("It is
    # free.") is shown once, in its own section.
    generated = {point.text.casefold() for key, points in sections if key != "what" for point in points if point}
    for key, points in sections:
        points = [point for point in points if point is not None]
        if key == "what" and provider.points:
            points = [point for point in points if point.text.casefold() not in generated]
        if points:
            page.sections.append(Section(words.HEADINGS[key], points))
    return builder.finish_page(page)


def _field_line(record):
    """The line of a field named as a finding names it (`easy_read.points[2].text`),
    from the lines the record keeps; None for a part of the page that is not a field."""
    def line(where):
        return None if where in ("page", "summary") else record.line_of(where)
    return line


class _Sayer:
    """Makes the points of one page: generated sentences, and a provider's words where they are easy read."""

    def __init__(self, builder, page):
        self.builder, self.page = builder, page

    def __call__(self, sentence, idea, where, polarity="", picture=None, **extra):
        """A generated sentence for `idea`, made from the field `where`."""
        picture = picture or picture_of(idea)
        return Point(text=self.builder.text(sentence, where), picture=self.builder.picture(picture, where),
                     idea=idea, polarity=polarity, where=where, **extra)

    def own(self, text, idea, where, instead=None, before=""):
        """The provider's `text` (after the generated `before`, in the same
        point) if it is easy read; else the sentence `instead`, which says the
        fact is there (or nothing, if `instead` is None). If the page is then
        too hard to read, the provider's words give way to `instead` too."""
        if not text or not text.strip():
            return None
        point = Point(picture=picture_of(idea), idea=idea, where=where)

        def joined(words_shown):
            return f"{before} {words_shown}".strip()

        def leave_out():
            if instead is not None:
                point.text = joined(self.builder.text(instead, where))
                return
            for section in self.page.sections:
                section.points[:] = [other for other in section.points if other is not point]
            self.page.sections[:] = [section for section in self.page.sections if section.points]

        shown = self.builder.if_plain(_ended(text), leave_out)
        if shown:
            point.text = joined(shown)
        elif instead is not None:
            point.text = joined(self.builder.text(instead, where))
        else:
            return None
        return point


def _ended(text):
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?:" else text + "."


def _category_points(say, service, category_words):
    """One sentence for each category with its own words; the others together."""
    points, others = [], []
    for index, term in enumerate(service.categories):
        if term.id in category_words:
            sentence, picture = category_words[term.id]
            points.append(say(sentence, f"category:{term.id}", f"service.categories[{index}]", picture=picture))
        else:
            others.append(term.label.lower())
    if others:
        points.append(say(words.CATEGORY_FALLBACK[0].format(label=words.listed(others)), "category", "service.categories"))
    return points


def _provider_point(builder, item, index):
    where = f"easy_read.points[{index}]"
    text = builder.text(item.text, f"{where}.text")
    return Point(text=text, picture=builder.picture(item.picture, f"{where}.picture"), where=f"{where}.text")


def _who(say, service, place):
    points = [say(words.age_sentence(service.age_min, service.age_max), "age", "service.age_range")]
    needs = words.needs_sentence([term.id for term in service.needs], service.all_needs)
    if needs:
        points.append(say(needs, "needs", "service.needs"))
    sentence, lines = words.area_words([term.label for term in service.areas], service.all_areas, place)
    points.append(say(sentence, "area", "service.areas", lines=lines))
    points.append(say.own(service.who_can_use, "who", "eligibility.who_can_use", instead=words.WHO_NOT_EASY_READ))
    points += [say.own(criterion, "rule", f"eligibility.criteria[{index}]", instead=words.RULE_NOT_EASY_READ)
               for index, criterion in enumerate(service.criteria)]
    if service.diagnosis_needed:
        points.append(say("You need a diagnosis to use it. A diagnosis is when a doctor names a need.",
                          "diagnosis_needed", "eligibility.diagnosis_needed", POSITIVE))
    else:
        points.append(say("You do not need a diagnosis to use it.", "not_needed", "eligibility.diagnosis_needed", NEGATIVE))
    if service.ehcp_needed:
        points.append(say("You need an Education, Health and Care plan to use it.", "ehcp", "eligibility.ehcp_needed", POSITIVE))
        points.append(say("This plan says what help a child must get.", "ehcp", "eligibility.ehcp_needed"))
    else:
        points.append(say("You do not need an Education, Health and Care plan.", "not_needed", "eligibility.ehcp_needed", NEGATIVE))
    return points


def _cost(say, service, gives_money):
    points = []
    if gives_money:
        points.append(say(words.GIVES_MONEY, "gives_money", gives_money))
        amount, where = money.money_given(service, TAG.sub(" ", service.description_html or ""))
        if amount:
            points.append(say(words.MONEY_AMOUNT_SENTENCE.format(amount=amount), "gives_money", where))
        points.append(say(words.ASK_FOR_MONEY, "gives_money", "service.how_to_access.referral"))
    if service.free:
        points.append(say("It is free.", "free", "service.cost.free", POSITIVE))
        details = say.own(service.cost_details, "free", "service.cost.details")
        if details is not None:
            points.append(details)
        elif money.amounts(service.cost_details):
            points.append(say(words.SOME_THINGS_COST, "charge", "service.cost.details"))
            points.append(say(words.ASK_WHAT_COSTS, "ask", "service.cost.details"))
        return points
    points.append(say("You have to pay for it.", "charge", "service.cost.free", NEGATIVE))
    # Details such as "Free for children under 5." get the picture for free.
    idea = "free" if money.says_free(service.cost_details) else "charge"
    details = say.own(service.cost_details, idea, "service.cost.details")
    if details is not None:
        points.append(details)
        return points
    prices = money.amounts(service.cost_details)[:3]
    if prices:
        points.append(say(words.PRICES_SENTENCE.format(prices=words.listed(prices)), "charge", "service.cost.details"))
    points.append(say(words.ASK_COST, "ask", "service.cost.details"))
    return points


def _help(say, service):
    points = []
    if service.self_referral:
        points.append(say("You can contact them yourself.", "self_referral", "service.how_to_access.referral", POSITIVE))
    else:
        points.append(say("You need someone to ask them for you.", "referral", "service.how_to_access.referral", NEGATIVE))
    for index, label in enumerate(service.referral_labels):
        code = REFERRAL_CODES.get(label)
        if code in words.REFERRAL_WORDS:
            sentence, idea = words.REFERRAL_WORDS[code]
            points.append(say(sentence, idea, f"service.how_to_access.referral[{index}]"))
    return points + _waiting_points(say, service.waiting_time) + _contact_points(say, service.contact)


def _waiting_points(say, waiting):
    """How long families usually wait, then the provider's words about it if they are easy read."""
    if waiting is None:
        return []
    points = [say(words.wait_sentence(waiting.weeks), "waiting", "service.waiting_time.weeks")]
    details = say.own(waiting.details, "waiting", "service.waiting_time.details", instead=words.WAIT_DETAILS_NOT_EASY_READ)
    return points + ([details] if details is not None else [])


def _contact_points(say, contact):
    """Ways to get in touch: the words, then the number or address as a link."""
    def linked(before, link_text, href, idea, where):
        point = say(f"{before} {link_text}.", idea, where, link_href=href, link_text=link_text, after=".")
        point.text = before
        return point

    points = []
    if contact.phone:
        points.append(linked("Phone them on", contact.phone, contact.phone_href, "phone", "contact.phone"))
    if contact.textphone:
        points.append(linked("Use a textphone on", contact.textphone, contact.textphone_href, "textphone", "contact.textphone"))
    if contact.email:
        points.append(linked("Email them at", contact.email, contact.email_href, "email", "contact.email"))
    if contact.website and contact.website.startswith(("https://", "http://")):
        points.append(linked("Look at", "their website", contact.website, "website", "contact.website"))
    return points


def _where_and_when(say, service):
    points = [
        say("You can go here:", "place", f"locations[{index}]", lines=[location.name, *location.address, location.postcode])
        for index, location in enumerate(service.locations)
    ]
    if not service.locations:
        points.append(say("Ask them where it happens.", "ask", "locations"))
    for index, time in enumerate(service.opening_times):
        where = f"service.opening_times[{index}]"
        sentence = say.builder.text(words.opening_sentence(time.days_text, time.opens, time.closes), where)
        # The note belongs to these days, so it is said in the same point.
        if time.notes and time.notes.strip():
            point = say.own(time.notes, "opening", f"{where}.notes", instead=words.NOTE_NOT_EASY_READ, before=sentence)
        else:
            point = Point(text=sentence, picture=picture_of("opening"), idea="opening", where=where)
        points.append(point)
    if not service.opening_times:
        points.append(say("Ask them when it is open.", "ask", "service.opening_times"))
    return points


def _access(say, service):
    points, missing, unknown = [], [], []
    for feature in service.accessibility:
        where = f"accessibility.{feature.id}"
        if feature.id not in words.FEATURE_WORDS:
            continue
        if feature.value == "yes":
            points.append(say(words.FEATURE_WORDS[feature.id], FEATURE_IDEAS[feature.id], where, POSITIVE))
        elif feature.value == "no" and feature.id == "step_free_access":
            points.append(say(words.STEPS_NO, "steps", where, NEGATIVE))
        elif feature.value == "no":
            missing.append(words.FEATURE_THINGS[feature.id])
        else:
            unknown.append(words.FEATURE_THINGS[feature.id])
    if missing:
        points.append(say(words.ACCESS_MISSING, "access_missing", "accessibility", NEGATIVE, lines=missing))
    if unknown:
        points.append(say(words.ACCESS_UNKNOWN, "ask", "accessibility", lines=unknown))
    points.append(say.own(service.accessibility_details, "access_details", "accessibility.details",
                          instead=words.ACCESS_DETAILS_NOT_EASY_READ))
    languages = words.languages_sentence(service.languages)
    if languages:
        points.append(say(languages, "languages", "service.languages"))
    if not unknown:
        points.append(say("Ask them about anything else you need.", "ask", "accessibility"))
    return points
