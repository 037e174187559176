"""The one contract between plugins (localoffer.contract): declared reads are enforced, no plugin writes
another's part, no part or context key is left unread, and plugins/README.md's table matches the code."""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import localoffer
from localoffer.contract import (OWNERS, THEME_READS, ContractError, CoproductionPart, EasyReadPart, LocalOffer,
                                 contract_of, publish_part)
from tests.conftest import ROOT

PLUGINS_DIR = ROOT / "plugins"
TEMPLATES = ROOT / "theme" / "templates"


def declared_reads():
    """{plugin: (module file relative to plugins/, READS)} for every plugin in PLUGINS that declares READS."""
    found = {}
    for name in localoffer.PLUGINS:
        package = importlib.import_module(name)
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{name}.{module_info.name}")
            # Where READS is assigned (plugin.py may import it from the module that declares it).
            if re.search(r"^READS = ", Path(module.__file__).read_text(encoding="utf-8"), re.MULTILINE):
                plugin = name.split(".")[-1]
                assert plugin not in found, f"{plugin} declares READS in two modules"
                found[plugin] = (Path(module.__file__).relative_to(PLUGINS_DIR).as_posix(), module.READS)
    return found


def plugin_sources():
    return {path: path.read_text(encoding="utf-8") for path in sorted(PLUGINS_DIR.rglob("*.py"))
            if "site_template" not in path.parts}


def published():
    local_offer = LocalOffer()
    local_offer.publish("service_directory", services=["a"], service_pages=["a", "b"], preview=False)
    return local_offer


# --- The object and its views -----------------------------------------------------------------------------

def test_a_plugin_reads_the_parts_it_declares():
    view = published().view("search_index", ("services",))
    assert view.services == ["a"]


def test_reading_an_undeclared_part_names_the_plugin_and_the_part():
    view = published().view("search_index", ("services",))
    with pytest.raises(AttributeError) as error:
        view.service_pages
    assert str(error.value) == ("search_index reads local_offer.service_pages but does not declare it in READS "
                                "(it declares: services)")
    with pytest.raises(ContractError) as error:
        view.has("easy_read")
    assert str(error.value) == ("search_index asks for local_offer.easy_read but does not declare it in READS "
                                "(it declares: services)")


def test_declaring_a_part_the_contract_does_not_have_is_refused():
    with pytest.raises(ContractError) as error:
        published().view("editorial", ("services", "build_summary"))
    assert str(error.value) == "editorial declares READS of build_summary, which the contract does not have"


def test_a_part_not_published_yet_says_which_plugin_publishes_it():
    view = published().view("editorial", ("easy_read",))
    assert view.has("easy_read") is False
    with pytest.raises(ContractError) as error:
        view.easy_read
    assert str(error.value) == ("local_offer.easy_read is not published: is easy_read in PLUGINS, "
                                "before the plugins that read it?")


def test_no_local_offer_in_the_context_is_a_clear_error():
    with pytest.raises(ContractError) as error:
        contract_of({}, "open_data", ("services",))
    assert str(error.value) == ("open_data: there is no local_offer in the context; "
                                "is service_directory in PLUGINS before open_data?")
    with pytest.raises(ContractError) as error:
        publish_part({}, "easy_read", easy_read=EasyReadPart(links={}, findings=[]))
    assert str(error.value) == ("easy_read: there is no local_offer in the context to publish easy_read on; "
                                "is service_directory in PLUGINS before easy_read?")


def test_no_plugin_writes_another_plugins_part():
    local_offer = published()
    with pytest.raises(ContractError) as error:
        local_offer.publish("easy_read", services=[])
    assert str(error.value) == "easy_read publishes local_offer.services, which only service_directory may write"
    with pytest.raises(ContractError) as error:
        local_offer.publish("editorial", coproduction=CoproductionPart(section=[]))
    assert str(error.value) == "editorial publishes local_offer.coproduction, which only coproduction may write"
    assert local_offer.services == ["a"] and not local_offer.has("coproduction")


def test_a_part_cannot_be_set_as_an_attribute():
    local_offer = published()
    with pytest.raises(ContractError) as error:
        local_offer.services = []
    assert str(error.value) == ("local_offer.services cannot be set; its owner publishes it with "
                                "local_offer.publish(plugin, services=...)")
    view = local_offer.view("search_index", ("services",))
    with pytest.raises(ContractError) as error:
        view.services = []
    assert str(error.value) == ("search_index sets local_offer.services; a plugin reads through its view "
                                "and publishes only its own parts")
    assert local_offer.services == ["a"]


def test_a_part_is_published_once():
    local_offer = published()
    with pytest.raises(ContractError) as error:
        local_offer.publish("service_directory", services=[])
    assert str(error.value) == "service_directory publishes local_offer.services a second time; a part is published once"
    assert local_offer.services == ["a"]


def test_a_part_outside_the_contract_is_refused():
    with pytest.raises(ContractError) as error:
        LocalOffer().publish("coproduction", coproduction_pages=[])
    assert str(error.value).startswith("coproduction publishes local_offer.coproduction_pages, which is not a part "
                                       "of the contract (the parts are: services, service_pages, taxonomy,")
    with pytest.raises(AttributeError) as error:
        LocalOffer().build_summary
    assert str(error.value).startswith("local_offer has no part 'build_summary' (the parts are: services,")


def test_easy_read_part_finds_a_twins_page_by_its_source():
    class Twin:
        source_path = "/site/content/pages/about.easy-read.md"

    part = EasyReadPart(links={}, findings=[], twins={Twin.source_path: "the easy-read page"})
    assert part.twin(Twin()) == "the easy-read page"


# --- The declarations in the code -------------------------------------------------------------------------

def test_every_plugin_that_touches_the_contract_declares_its_reads():
    declared = declared_reads()
    touching = {path.relative_to(PLUGINS_DIR).parts[0] for path, text in plugin_sources().items()
                if "local_offer" in text and path.parent != PLUGINS_DIR}
    assert touching == set(declared)
    for plugin, (_, reads) in declared.items():
        assert isinstance(reads, tuple) and all(name in OWNERS for name in reads), plugin


def test_a_plugin_declares_only_parts_it_uses():
    """A declaration wider than the code would hide what a plugin really needs."""
    sources = plugin_sources()
    for plugin, (_, reads) in declared_reads().items():
        code = "\n".join(text for path, text in sources.items() if path.relative_to(PLUGINS_DIR).parts[0] == plugin)
        for part in reads:
            assert re.search(rf"\.{part}\b|has\(\"{part}\"\)", code), f"{plugin} declares {part} but never reads it"


def test_plugins_use_no_context_key_but_pelicans_and_local_offer():
    allowed = {"pages", "hidden_pages", "local_offer"}
    used = set()
    for path, text in plugin_sources().items():
        for match in re.finditer(r"context(?:\[|\.get\()\"(\w+)\"", text):
            used.add(match.group(1))
        assert not re.search(r"context\.(update|setdefault)\(|context\[[^]]+\]\s*=", text), path
    assert used <= allowed, used - allowed


def test_every_part_has_a_reader():
    """No part is written for nobody (as provider_problems, coproduction_pages and COPRODUCTION_RUNGS were)."""
    read = set(THEME_READS) | {part for _, reads in declared_reads().values() for part in reads}
    assert read == set(OWNERS)


def test_theme_reads_are_the_parts_the_templates_use():
    used = set()
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"local_offer\.(\w+)", text)) - {"has"}
        used |= set(re.findall(r"local_offer\.has\(\"(\w+)\"\)", text))
    assert used == set(THEME_READS)


def test_no_template_reads_an_old_context_key():
    old = ("IS_PREVIEW", "need_groups", "age_groups", "build_summary", "provider_files", "review_dates",
           "easy_read_links", "easy_read_findings", "coproduction_section", "navigation_pages", "page.easy_read")
    for path in TEMPLATES.rglob("*.html"):
        text = re.sub(r"local_offer\.\w+(\.\w+)*", "", path.read_text(encoding="utf-8"))
        assert [key for key in old if re.search(rf"(?<![\w.]){re.escape(key)}\b", text)] == [], path


# --- plugins/README.md --------------------------------------------------------------------------------------

def readme_table(heading_line):
    """The rows of the first table after `heading_line`, without its header."""
    lines = (PLUGINS_DIR / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(heading_line)
    while not lines[start].startswith("|"):
        start += 1
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def names(cell):
    return tuple(re.findall(r"`(\w+)`", cell))


def test_readme_reads_table_matches_the_declarations():
    rows = readme_table("Who reads what (each plugin's `READS`; the theme's reads are `contract.THEME_READS`):")
    documented = {names(reader)[0] if reader.startswith("`") else reader: (where, names(reads))
                  for reader, where, reads in rows}
    expected = {plugin: (f"`{module}`", reads) for plugin, (module, reads) in declared_reads().items()}
    expected["the theme"] = ("`contract.py` (`THEME_READS`)", THEME_READS)
    assert documented == expected


def test_readme_parts_table_matches_the_owners():
    rows = readme_table("## The contract between plugins: `local_offer`")
    assert {names(part)[0]: names(owner)[0] for part, _, owner in rows} == OWNERS


# --- A real build -------------------------------------------------------------------------------------------

OLD_KEYS = ("services", "service_pages", "needs", "areas", "need_groups", "age_groups", "build_summary",
            "provider_problems", "provider_files", "review_dates", "IS_PREVIEW", "easy_read_links",
            "easy_read_findings", "coproduction_section", "coproduction_pages", "coproduction_projects",
            "you_said_we_did_years", "COPRODUCTION_RUNGS", "navigation_pages")


def test_a_build_publishes_every_part_once_and_no_loose_key(tmp_path):
    """In-process, to see the context every template gets once every generator has read its files."""
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    fixture = ROOT / "tests" / "fixtures" / "easy_read"
    seen = {}

    def keep_context(generators):
        seen["context"] = dict(generators[0].context)

    signals.all_generators_finalized.connect(keep_context, weak=False)
    try:
        settings = read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(fixture / "content"), "PROVIDERS_PATH": str(fixture / "providers"),
            "OUTPUT_PATH": str(tmp_path / "output"), "CACHE_PATH": str(tmp_path / "cache"),
            "SERVICES_BUILD_DATE": "2026-11-22",
        })
        Pelican(settings).run()
    finally:
        signals.all_generators_finalized.disconnect(keep_context)

    context = seen["context"]
    local_offer = context["local_offer"]
    assert all(local_offer.has(part) for part in OWNERS)
    assert [key for key in OLD_KEYS if key in context] == []
    assert str(local_offer.dates.build_date) == "2026-11-22"
    # easy_read sets nothing of its own on Pelican's pages: the twin's easy-read page is in its part.
    pages = context["pages"] + context["hidden_pages"]
    assert [page.source_path for page in pages if "easy_read" in vars(page)] == []
    twin = next(page for page in pages if page.source_path.endswith("about.easy-read.md"))
    assert local_offer.easy_read.twin(twin).url == "about/easy-read/"


def test_a_build_stops_when_a_plugin_reads_a_part_it_does_not_declare(tmp_path, monkeypatch):
    """The declarations are checked by every build: search_index without `taxonomy` in its READS."""
    from pelican import Pelican
    from pelican.settings import read_settings

    from localoffer.search_index import generator

    monkeypatch.setattr(generator, "READS", ("services", "preview"))
    fixture = ROOT / "tests" / "fixtures" / "easy_read"
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(fixture / "content"), "PROVIDERS_PATH": str(fixture / "providers"),
        "OUTPUT_PATH": str(tmp_path / "output"), "CACHE_PATH": str(tmp_path / "cache"),
        "SERVICES_BUILD_DATE": "2026-11-22",
    })
    with pytest.raises(ContractError) as error:
        Pelican(settings).run()
    assert str(error.value) == ("search_index reads local_offer.taxonomy but does not declare it in READS "
                                "(it declares: services, preview)")
