"""A build's services are made from their facts (service.ServiceMaker), without Pelican's
Content.__init__ for each: every attribute Pelican gives a content object must be Pelican's own,
content_object_init is sent once for each service, and the facts give what the record gives."""

import datetime
import json
from pathlib import Path

import pytest
from pelican.plugins import signals
from pelican.settings import DEFAULT_CONFIG, read_settings

from localoffer.service_directory.loader import record_from_checked
from localoffer.service_directory.markdown_text import MarkdownRenderer
from localoffer.service_directory.service import Service, ServiceMaker, service_facts
from localoffer.service_directory.settings import DEFAULTS
from localoffer.service_directory.terms import make_terms
from localoffer.service_directory.validate import ProviderChecker, provider_files

ROOT = Path(__file__).resolve().parent.parent
STALE_BEFORE = datetime.date(2025, 11, 22)
OURS = {"_renderer", "_make_record", "id", "name", "all_needs", "all_areas", "categories", "needs", "areas",
        "age_min", "age_max", "last_reviewed", "images", "review_overdue"}


@pytest.fixture(scope="module")
def records():
    settings = {**DEFAULTS, **read_settings(str(ROOT / "pelicanconf.py"))}
    checker = ProviderChecker(settings["LOCAL_OFFER_CATEGORIES"], settings["LOCAL_OFFER_AREAS"], datetime.date(2026, 11, 22))
    found = []
    for path in provider_files(ROOT / "providers"):
        checked = checker.check_file(path)
        if checked.ok:
            found.append((path, record_from_checked(checked.data, checked.lines)))
    assert len(found) > 30
    return settings, found


def site_settings(settings, **changes):
    return {**settings, "PATH": str(ROOT / "content"), **changes}


def pelicans(record, path, settings, context):
    """The service as Content.__init__ makes it, from the same metadata."""
    details = record.service
    metadata = {"title": details.name, "slug": record.id, "status": record.status, "summary": details.summary,
                "template": "service"}
    return Service("", metadata=metadata, settings=settings, source_path=str(path), context=context)


@pytest.mark.parametrize("changes", [{}, {"AUTHOR": "The council", "DEFAULT_LANG": "cy", "TIMEZONE": "Europe/London"}])
def test_every_attribute_pelican_sets_is_pelicans(records, changes):
    settings, found = records
    settings = site_settings(settings, **changes)
    context = {"pages": []}
    maker = ServiceMaker(make_terms(settings), MarkdownRenderer(), settings, context, STALE_BEFORE)
    made_all = []
    for path, record in found:
        made = maker.make(json.loads(json.dumps(service_facts(record))), path, lambda record=record: record)
        theirs = pelicans(record, path, settings, context)
        mine = {key: value for key, value in vars(made).items() if key not in OURS}
        assert mine == vars(theirs)
        for name in ("url", "save_as", "summary", "status", "title", "slug", "template", "relative_source_path"):
            assert getattr(made, name) == getattr(theirs, name), name
        made_all.append(made)
    # A list Pelican makes for each object is each service's own.
    assert made_all[0].translations is not made_all[1].translations
    assert hasattr(made_all[0], "authors") == ("AUTHOR" in changes)
    if "AUTHOR" in changes:
        assert made_all[0].authors is not made_all[1].authors


@pytest.mark.parametrize("url, save_as", [
    ("services/{slug}/", "services/{slug}/index.html"),
    ("{slug!s}.html", "{slug:>30}.html"),
    ("{lang}/{slug}/", "{path}.html"),  # names more than the slug: Pelican's own answer
    ("s/{{slug}}/{slug}", "{category}{slug}"),
])
def test_an_address_is_pelicans_for_any_setting(records, url, save_as):
    settings, found = records
    settings = site_settings(settings, SERVICE_URL=url, SERVICE_SAVE_AS=save_as)
    maker = ServiceMaker(make_terms(settings), MarkdownRenderer(), settings, {}, STALE_BEFORE)
    for path, record in found[:5]:
        made = maker.make(service_facts(record), path, lambda record=record: record)
        theirs = pelicans(record, path, settings, {})
        assert (made.url, made.save_as) == (theirs.url, theirs.save_as)


def test_content_object_init_is_sent_once_for_each_service_when_it_is_made(records):
    settings, found = records
    settings = site_settings(settings)
    seen = []

    def receiver(content):
        seen.append((content, content.title, content.slug, content.status, content.relative_source_path))

    signals.content_object_init.connect(receiver)
    try:
        maker = ServiceMaker(make_terms(settings), MarkdownRenderer(), settings, {}, STALE_BEFORE)
        made = [maker.make(service_facts(record), path, lambda record=record: record) for path, record in found[:3]]
    finally:
        signals.content_object_init.disconnect(receiver)
    assert [entry[0] for entry in seen] == made
    assert [entry[1:4] for entry in seen] == [(record.service.name, record.id, record.status) for _, record in found[:3]]
    assert all(entry[4].endswith(".yaml") for entry in seen)


def test_the_facts_give_what_the_record_gives(records):
    settings, found = records
    settings = site_settings(settings)
    terms = make_terms(settings)
    maker = ServiceMaker(terms, MarkdownRenderer(), settings, {}, STALE_BEFORE)
    for path, record in found:
        made = maker.make(json.loads(json.dumps(service_facts(record))), path, lambda record=record: record)
        details = record.service
        assert (made.id, made.name, made.summary, made.status) == (record.id, details.name, details.summary, record.status)
        assert (made.age_min, made.age_max) == (details.age_range.min, details.age_range.max)
        assert made.last_reviewed == record.last_reviewed and type(made.last_reviewed) is datetime.date
        assert made.review_overdue == (record.last_reviewed < STALE_BEFORE)
        assert made.categories == [terms[("category", key)] for key in details.categories]
        assert [term.id for term in made.needs] == ([key for kind, key in terms if kind == "need"]
                                                   if details.needs == ("all",) else list(details.needs))
        assert [term.id for term in made.areas] == ([key for kind, key in terms if kind == "area"]
                                                   if details.areas == ("all",) else list(details.areas))
        assert (made.all_needs, made.all_areas) == (details.needs == ("all",), details.areas == ("all",))


def test_the_record_is_made_when_first_read_and_once(records):
    settings, found = records
    settings = site_settings(settings)
    path, record = found[0]
    made = []

    def make_record():
        made.append(1)
        return record

    service = ServiceMaker(make_terms(settings), MarkdownRenderer(), settings, {}, STALE_BEFORE).make(
        service_facts(record), path, make_record)
    assert (service.url, service.name, service.age_text, service.last_reviewed_text) and made == []
    assert service.record is record and service.organisation is record.organisation and made == [1]
    assert service.free == record.service.cost.free and made == [1]


def test_a_reader_of_every_description_gets_it_without_keeping_it(records):
    # Search reads every service's description once; kept, it was held to the end of the build.
    settings, found = records
    settings = site_settings(settings)
    path, record = found[0]
    maker = ServiceMaker(make_terms(settings), MarkdownRenderer(), settings, {}, STALE_BEFORE)
    service = maker.make(service_facts(record), path, lambda: record)
    unkept = service.description_html_unkept()
    assert "</p>" in unkept and "description_html" not in vars(service)
    assert service.description_html == unkept and "description_html" in vars(service)
    assert service.description_html_unkept() is service.description_html  # a page's kept HTML is given as it is


def test_a_setting_of_pelicans_own_without_a_path_is_pelicans(records):
    # DEFAULT_CONFIG: no AUTHOR, the default language and date format.
    settings, found = records
    terms = make_terms(settings)
    settings = dict(DEFAULT_CONFIG, PATH=str(ROOT / "content"), SERVICE_URL="services/{slug}/",
                    SERVICE_SAVE_AS="services/{slug}/index.html")
    path, record = found[0]
    made = ServiceMaker(terms, MarkdownRenderer(), settings, {}, STALE_BEFORE).make(service_facts(record), path,
                                                                                   lambda: record)
    theirs = pelicans(record, path, settings, {})
    assert {key: value for key, value in vars(made).items() if key not in OURS} == vars(theirs)


def test_kept_facts_fit_only_the_terms_the_settings_have(records):
    from localoffer.service_directory.service import facts_fit, term_ids

    settings, found = records
    ids = term_ids(make_terms(settings))
    facts = service_facts(found[0][1])
    assert facts_fit(facts, ids)
    assert facts_fit({**facts, "needs": ["all"], "areas": ["all"]}, ids)
    for changed in ({"categories": ["all"]}, {"needs": ["all", "asd"]}, {"areas": ["nowhere"]}, {"needs": ["none"]}):
        assert not facts_fit({**facts, **changed}, ids), changed
