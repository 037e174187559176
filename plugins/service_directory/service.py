"""A service as the site shows it, made from its ServiceRecord (model.py).

`Service` is a Pelican content object, so its address comes from the
SERVICE_URL and SERVICE_SAVE_AS settings and other plugins (sitemaps, search)
see it like a page. Its attributes are the template contract in
plugins/README.md: plain text for everything a provider wrote, `*_html` only
for Markdown this project rendered and sanitised. `.record` is the model
itself; the other attributes are the record's parts, or words made from them
that every page says the same way.

A rebuild makes every service but writes the pages of only the changed ones, so a
service is made from its facts (`service_facts`: what every build reads of every
service: its name, terms, ages, review date...), which the checks cache keeps apart
from the file's data, and its record is made when first read (a page being written,
a plugin reading a changed service's fields).
"""

import datetime
import os
import string
from functools import cached_property, lru_cache
from operator import attrgetter

from pelican.contents import Content
from pelican.plugins import signals
from pelican.utils import posixize_path

from . import words


def _part(path):
    """A read-only attribute that is the record's field at `path` ("service.cost.free")."""
    get = attrgetter(path)
    return property(lambda service: get(service.record), doc=f"The record's {path}.")


class Service(Content):
    mandatory_properties = ("title",)
    allowed_statuses = ("published", "draft", "closed")
    default_template = "service"

    @property
    def closed(self):
        return self.status == "closed"

    @cached_property
    def record(self):
        # Made from the file's data when first read (ServiceMaker.make gives how).
        return self._make_record()

    # Pelican works a content object's address out from its settings and source
    # path each time it is asked; listings ask tens of thousands of times.
    @cached_property
    def url(self):
        return self._address("url") or Content.url.fget(self)

    @cached_property
    def save_as(self):
        return self._address("save_as") or Content.save_as.fget(self)

    def _address(self, key):
        """Pelican's answer (Content.get_url_setting) when the setting names nothing but the slug, as
        the default `services/{slug}/` does, without Pelican's every field (its source path, the time
        now) it would format it with; None for Pelican to answer itself."""
        if "override_" + key in self.__dict__ or not self.in_default_lang:
            return None
        setting = str(self.settings[f"SERVICE_{key.upper()}"])
        return setting.format(slug=getattr(self, "slug", "")) if _names_only_the_slug(setting) else None

    def get_relative_source_path(self, source_path=None):
        # Pelican sets relative_source_path in __init__ and then works it out again at each
        # ask (the address and save_as, the generator's list of sources): three more
        # relpath calls a service, about 40,000 at 10,000 services.
        if (source_path is None or source_path == self.source_path) and "relative_source_path" in self.__dict__:
            return self.relative_source_path
        source_path = source_path or self.source_path
        if source_path is None:
            return None
        # Pelican's answer (relpath from the content path) worked out once per folder: it
        # cost 0.4 s a rebuild at 10,000 services, and every provider file sits in one of a
        # few folders. A plain file name joins its folder's answer as it is; any other name
        # (".", "..", or one the content path lies under) is left to Pelican.
        joined = _joined_to_folder(source_path, lambda folder: _folder_answer(folder, self.settings["PATH"]))
        return joined if joined is not None else super().get_relative_source_path(source_path)

    # Markdown is rendered only when a page or another plugin asks for it, so
    # that a rebuild which skips unchanged pages does not render them.
    @cached_property
    def description_html(self):
        return self._rendered_description()

    def description_html_unkept(self):
        """`description_html` for a reader that reads every service's once (search's index): as
        kept if something kept it, else rendered without keeping it, which held every service's
        HTML to the end of the build (about 1.2 KB a service)."""
        kept = self.__dict__.get("description_html")
        return kept if kept is not None else self._rendered_description()

    def _rendered_description(self):
        # The description sits under "About this service" (<h2>), so its headings start at <h3>.
        return self._renderer.render(self.record.service.description, heading_offset=1)

    @cached_property
    def how_to_access_html(self):
        # This section sits under an <h2> on the service page, so its headings start at <h3>.
        return self._renderer.render(self.record.service.how_to_access.details, heading_offset=1)

    @cached_property
    def how_to_complain_html(self):
        text = self.record.service.how_to_complain
        return self._renderer.render(text, heading_offset=1) if text else None

    @cached_property
    def send_support(self):
        support = self.record.service.send_support
        return [
            (heading, self._renderer.render(getattr(support, key), heading_offset=2))
            for key, heading in words.SEND_SUPPORT_HEADINGS.items()
            if support and getattr(support, key)
        ]

    # The record's parts under the names templates use (plugins/README.md). The ages and the
    # review date are the service's facts (ServiceMaker.make), which every build reads.
    organisation = _part("organisation")
    free = _part("service.cost.free")
    cost_details = _part("service.cost.details")
    waiting_time = _part("service.waiting_time")
    opening_times = _part("service.opening_times")
    languages = _part("service.languages")
    keywords = _part("service.keywords")
    who_can_use = _part("eligibility.who_can_use")
    diagnosis_needed = _part("eligibility.diagnosis_needed")
    ehcp_needed = _part("eligibility.ehcp_needed")
    criteria = _part("eligibility.criteria")
    accessibility_details = _part("accessibility.details")
    locations = _part("locations")
    contact = _part("contact")
    image_sources = _part("images")
    easy_read = _part("easy_read")

    # The words every page says for them. Each is worked out when first asked
    # for, so a rebuild that skips an unchanged page does no work for it.
    @cached_property
    def age_text(self):
        return words.age_text(self.age_min, self.age_max)

    @property
    def cost_text(self):
        return "Free" if self.free else "There is a charge"

    @cached_property
    def referral_labels(self):
        return [words.REFERRAL_LABELS[key] for key in self.record.service.how_to_access.referral]

    @property
    def self_referral(self):
        return "self" in self.record.service.how_to_access.referral

    @property
    def referral_text(self):
        return "You can contact them yourself" if self.self_referral else "Needs a referral"

    @cached_property
    def accessibility(self):
        return self.record.accessibility.answers()

    @cached_property
    def place_text(self):
        # A listing card's answer to "where is it": the town, the last line of each address.
        return words.place_text([place.town for place in self.record.locations])

    @cached_property
    def not_stated(self):
        return _not_stated(self)

    @cached_property
    def last_reviewed_text(self):
        return words.date_text(self.last_reviewed)

    # Pelican's `content` is the description.
    @property
    def _content(self):
        return self.description_html

    @_content.setter
    def _content(self, value):
        pass


def service_facts(record):
    """What a build reads of every service, its page written or not (the listings, the search and
    easy-read keys, the sitemap): kept as JSON beside the checked file, so that a service is made
    without its record."""
    details = record.service
    return {
        "id": record.id, "name": details.name, "summary": details.summary, "status": record.status,
        "categories": list(details.categories), "needs": list(details.needs), "areas": list(details.areas),
        "age_min": details.age_range.min, "age_max": details.age_range.max,
        "last_reviewed": record.last_reviewed.isoformat(),
    }


# What Content.__init__ sets from a content object's own metadata and source path; the rest of what
# it sets comes from the settings alone and is the same for every service.
_OWN = frozenset({"title", "slug", "_status", "template", "metadata", "source_path", "relative_source_path",
                  "translations", "_summary", "authors"})


class ServiceMaker:
    """Makes the Service pages of one build. `terms` maps ("category" | "need" | "area", id) to its Term.

    Pelican's Content.__init__ works out again for every object what comes from the settings alone
    (language, date format, time zone, author) and reads its metadata into attributes one by one:
    most of making 10,000 services. Here Pelican makes one service, without telling anyone (its
    content_object_init is muted), and each service takes the settings' part from it and sets its
    own part as Content.__init__ does; content_object_init is then sent for each service as
    Pelican sends it. tests/test_service_maker.py holds every attribute to Pelican's."""

    def __init__(self, terms, renderer, settings, context, stale_before):
        self.terms, self.renderer, self.settings, self.context = terms, renderer, settings, context
        self.stale_before = stale_before
        self._shared = None  # the attributes Content.__init__ gives every service alike
        self._folders = {}  # folder -> _folder_answer, for this build (whose working folder stays)

    def make(self, facts, source_path, make_record):
        """The Service of `facts` (service_facts), its record made by `make_record()` when first read."""
        metadata = {"title": facts["name"], "slug": facts["id"], "status": facts["status"],
                    "summary": facts["summary"], "template": "service"}
        source_path = str(source_path)
        if self._shared is None:
            with signals.content_object_init.muted():
                made = Service("", metadata=dict(metadata), settings=self.settings, source_path=source_path,
                               context=self.context)
            self._shared = {key: value for key, value in vars(made).items() if key not in _OWN}
        service = Service.__new__(Service)
        attributes = service.__dict__
        attributes.update(self._shared)
        # As Content.__init__ sets them: each metadata item as an attribute ("status" through its setter,
        # "summary" through its setter, which keeps nothing), then the rest.
        attributes.update(title=metadata["title"], slug=metadata["slug"], _status=metadata["status"].lower(),
                          template="service", translations=[], metadata=metadata, source_path=source_path,
                          _summary=metadata["summary"])
        if "author" in attributes:
            attributes["authors"] = [attributes["author"]]
        # As Service.get_relative_source_path, with each folder's answer asked for once a build.
        joined = _joined_to_folder(source_path, self._folder_answer)
        attributes["relative_source_path"] = joined if joined is not None else service.get_relative_source_path()
        terms = self.terms
        attributes.update(
            _renderer=self.renderer, _make_record=make_record, id=facts["id"], name=facts["name"],
            all_needs=facts["needs"] == ["all"], all_areas=facts["areas"] == ["all"],
            categories=[terms[("category", key)] for key in facts["categories"]],
            needs=_expand(terms, "need", facts["needs"]), areas=_expand(terms, "area", facts["areas"]),
            age_min=facts["age_min"], age_max=facts["age_max"],
            last_reviewed=datetime.date.fromisoformat(facts["last_reviewed"]),
            images=[],  # filled in when the pictures are copied (images.py)
        )
        # Families are told when a provider has not checked its file for a long time.
        service.review_overdue = service.last_reviewed < self.stale_before
        signals.content_object_init.send(service)
        return service


    def _folder_answer(self, folder):
        answer = self._folders.get(folder)
        if answer is None:
            answer = self._folders[folder] = _folder_answer(folder, self.settings["PATH"])
        return answer


def make_service(record, source_path, terms, renderer, settings, context, stale_before):
    """The Service page of one ServiceRecord (model.py), for a caller making one."""
    maker = ServiceMaker(terms, renderer, settings, context, stale_before)
    return maker.make(service_facts(record), source_path, lambda: record)


def term_ids(terms):
    """{kind: the set of its ids} of `terms` (make_terms), for facts_fit."""
    found = {"category": set(), "need": set(), "area": set()}
    for kind, key in terms:
        found[kind].add(key)
    return found


def facts_fit(facts, ids):
    """Whether kept `facts` name only terms the settings have (`ids`: term_ids), needs and areas
    perhaps as ["all"]; a kept row is data, and one that names others counts as missing."""
    return (ids["category"].issuperset(facts["categories"])
            and (facts["needs"] == ["all"] or ids["need"].issuperset(facts["needs"]))
            and (facts["areas"] == ["all"] or ids["area"].issuperset(facts["areas"])))


@lru_cache(maxsize=64)
def _names_only_the_slug(setting):
    fields = [name for _, name, _, _ in string.Formatter().parse(setting) if name is not None]
    return all(name == "slug" for name in fields)


def _joined_to_folder(source_path, answer_of):
    """Pelican's relative source path of `source_path` from its folder's answer (`answer_of(folder)`:
    _folder_answer): a plain file name joins its folder's prefix as it is; None for any other name
    (".", "..", or one the content path lies under), which Pelican answers itself."""
    folder, name = os.path.split(source_path)
    prefix, blocked = answer_of(folder)
    return None if name in ("", ".", "..", blocked) else prefix + name


def _folder_answer(folder, content_path):
    """_relative_folder's answer for a file of `folder`."""
    # A relative folder is relative to where the build runs, which may change between builds.
    cwd = None if os.path.isabs(folder) and os.path.isabs(content_path) else os.getcwd()
    return _relative_folder(folder, content_path, cwd)


@lru_cache(maxsize=256)
def _relative_folder(folder, content_path, cwd):
    """(what a file of `folder` has before its name relative to the content path, as Pelican
    writes it: "../providers/" or "" for the content folder itself; the name in `folder` that
    the content path lies at or under, which does not simply join, or None). `cwd` is only
    part of the key: a relative path is read from it."""
    absolute = os.path.abspath(os.path.join(content_path, folder))
    start = os.path.abspath(content_path)
    relative = posixize_path(os.path.relpath(absolute, start))
    base = absolute.rstrip(os.sep) + os.sep
    blocked = start[len(base):].split(os.sep)[0] if start.startswith(base) else None
    return ("" if relative == "." else relative + "/"), blocked


def _not_stated(service):
    """What families often ask and the provider left empty, as one short list
    ("opening times", "step-free access") for the service page, instead of one
    "Ask the service" row for each."""
    missing = []
    if not service.opening_times:
        missing.append("opening times")
    if not service.free and not service.cost_details:
        missing.append("how much it costs")
    relevant = [feature for feature in service.accessibility
                if service.locations or feature.id not in words.PLACE_FEATURES]
    unknown = [feature for feature in relevant if feature.value == "unknown"]
    if len(unknown) > 3 and len(unknown) == len(relevant):
        missing.append("accessibility")  # nothing stated at all: one word, not nine
    else:
        missing += [words.in_sentence(feature.label) for feature in unknown]
    if not service.languages:
        missing.append("languages and interpreters")
    return missing


def _expand(terms, kind, ids):
    if list(ids) == ["all"]:
        return [term for (term_kind, _), term in terms.items() if term_kind == kind]
    return [terms[(kind, key)] for key in ids]
