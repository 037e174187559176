"""What open_data adds to the site's pages: the /open-data/ page, the CSV file,
sitemap.xml, schema.org JSON-LD on service pages (escaped so provider text
cannot end the script element), and absolute canonical addresses with page
descriptions in a published build."""

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from localoffer.open_data.json_ld import script_json
from localoffer.open_data.sitemap import FolderListings, KnownListings, TreeRecord, page_addresses, sitemap_xml
from tests.conftest import run_pelican

FIXTURES = Path(__file__).parent / "fixtures" / "oruk"
BASE = "https://localoffer.northmoor.example.org"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("open-data") / "output"
    result = run_pelican(FIXTURES / "providers", output, OPEN_DATA_BASE_URL=BASE,
                         OPEN_DATA_LICENCE_NAME="Northmoor Open Licence", OPEN_DATA_LICENCE_URL="https://northmoor.example.org/licence")
    assert result.returncode == 0, result.stdout
    return output


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The fixture providers built with publishconf.py, as `invoke publish` builds the live site."""
    output = tmp_path_factory.mktemp("published") / "output"
    result = run_pelican(FIXTURES / "providers", output, settings_file="publishconf.py")
    assert result.returncode == 0, result.stdout
    return output


def test_the_open_data_page_says_what_is_published_its_licence_and_how_to_use_it(site):
    page = (site / "open-data" / "index.html").read_text()
    assert "<h1 class=\"govuk-heading-xl\">Open data</h1>" in page
    assert "3 services: the same information families see on each service's page. 1 of them is temporarily closed and says so." in page
    assert f'<a class="govuk-link" href="{BASE}/open-referral/">Open Referral UK feed</a>' in page
    assert f'<a class="govuk-link" href="{BASE}/open-data/services.csv">Services spreadsheet (CSV file)</a>' in page
    assert 'Northmoor Council publishes this data under the <a class="govuk-link" href="https://northmoor.example.org/licence">Northmoor Open Licence</a>.' in page
    assert f"<code>{BASE}/open-referral/services/</code>" in page


def test_the_default_licence_is_the_open_government_licence(published):
    page = (published / "open-data" / "index.html").read_text()
    assert ('<a class="govuk-link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">'
            "Open Government Licence v3.0</a>") in page


def test_every_page_links_to_the_open_data_page(site):
    home = (site / "index.html").read_text()
    assert '<a class="govuk-footer__link" href="/open-data/">Open data</a>' in home


def test_the_csv_has_one_row_per_service_and_defuses_formulas(site):
    data = (site / "open-data" / "services.csv").read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == ["saturday-club", "hostile-name", "closed-club"]
    club = rows[0]
    assert club["categories"] == "Activities and short breaks; Early years and childcare"
    assert club["needs"] == "Autism; Social, emotional and mental health"
    assert club["opening_times"] == "Saturday 10:00 to 13:00 (Term time only); Monday to Wednesday 15:30 to 17:00"
    assert club["locations"] == "Fenwick Youth Centre, 3 Station Road, Fenwick, NM3 2AB"
    assert club["free"] == "no"
    assert club["step_free_access"] == "yes" and club["hearing_loop"] == "no" and club["quiet_space"] == "unknown"
    assert club["page"] == f"{BASE}/services/saturday-club/"
    assert rows[2]["needs"] == "all" and rows[2]["areas"] == "all" and rows[2]["status"] == "closed"
    # A spreadsheet would run a cell starting with = as a formula.
    assert rows[1]["summary"] == "'=1+2 Fun & games </script><script>alert(1)</script> for everyone."


def test_json_ld_describes_the_service_its_provider_places_and_hours(site):
    page = (site / "services" / "saturday-club" / "index.html").read_text()
    head = page[: page.index("</head>")]
    document = json.loads(JSON_LD.search(head).group(1))
    assert document["@type"] == "Service"
    assert document["name"] == "Saturday Play Club"
    assert document["url"] == f"{BASE}/services/saturday-club/"
    assert document["provider"]["name"] == "Fenwick Family Link"
    assert document["provider"]["contactPoint"]["telephone"] == "01632 960 111"
    place = document["availableChannel"][0]["serviceLocation"]
    assert place["address"] == {"@type": "PostalAddress", "streetAddress": "3 Station Road", "addressLocality": "Fenwick",
                                "postalCode": "NM3 2AB", "addressCountry": "GB"}
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 53.48, "longitude": -2.24}
    assert place["openingHoursSpecification"][1] == {
        "@type": "OpeningHoursSpecification", "opens": "15:30", "closes": "17:00",
        "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Tuesday", "https://schema.org/Wednesday"],
    }
    assert document["audience"] == {"@type": "PeopleAudience", "suggestedMinAge": 4, "suggestedMaxAge": 11}


def test_provider_text_cannot_end_the_json_ld_script_element(site):
    page = (site / "services" / "hostile-name" / "index.html").read_text()
    scripts = JSON_LD.findall(page)
    assert len(scripts) == 1
    text = scripts[0]
    assert "<" not in text and ">" not in text and "&" not in text
    document = json.loads(text)  # the element ends where the JSON ends, not inside provider text
    assert document["name"] == "Tricky </script><!-- Club"
    assert document["provider"]["name"] == 'Play & Learn </script><script>alert("org")</script>'
    assert '"name":"Tricky \\u003c/script\\u003e\\u003c!-- Club"' in text
    # Every other script element is one of the theme's own files: provider text started none.
    others = re.findall(r"<script(?! type=\"application/ld\+json\")[^>]*>", page)
    assert others and all(re.fullmatch(r'<script( type="module")? src="/theme/js/[a-z_.-]+">', tag) for tag in others), others


def test_script_json_escapes_each_character_that_html_reads():
    assert str(script_json({"a": "</script>&<!--"})) == '{"a":"\\u003c/script\\u003e\\u0026\\u003c!--"}'


def test_the_sitemap_lists_every_public_page_and_no_draft(site):
    text = (site / "sitemap.xml").read_text()
    listed = re.findall(r"<loc>([^<]*)</loc>", text)
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    expected = sorted(
        f"{BASE}/" + (page[: -len("index.html")] if page.endswith("index.html") else page)
        for page in pages if page != "404.html" and not page.startswith("services/draft-club/")
    )
    assert listed == expected
    assert f"{BASE}/services/draft-club/" not in listed
    assert f"{BASE}/open-data/" in listed and f"{BASE}/services/hostile-name/easy-read/" in listed
    assert f"<url><loc>{BASE}/services/saturday-club/</loc><lastmod>2026-10-01</lastmod></url>" in text


def test_a_preview_sitemap_leaves_drafts_out(tmp_path):
    output = tmp_path / "preview"
    result = run_pelican(FIXTURES / "providers", output, SERVICES_INCLUDE_DRAFTS=True)
    assert result.returncode == 0, result.stdout
    assert (output / "services" / "draft-club" / "index.html").is_file()
    assert "draft-club" not in (output / "sitemap.xml").read_text()
    assert "Eastbridge Draft Sports Club" not in (output / "open-data" / "services.csv").read_text(encoding="utf-8-sig")


def test_sitemap_addresses_are_escaped():
    assert sitemap_xml([("https://example.org/a&b/", "a&b/")]) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "  <url><loc>https://example.org/a&amp;b/</loc></url>\n"
        "</urlset>\n"
    )


def test_a_published_build_gives_every_page_an_absolute_canonical_address_and_a_description(published):
    for path in sorted(published.rglob("*.html")):
        relative = path.relative_to(published).as_posix()
        if relative == "404.html":
            continue  # the 404 page is served at any address, so it names none
        page = path.read_text()
        address = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        assert f'<link rel="canonical" href="{BASE}/{address}">' in page, relative
        description = re.search(r'<meta name="description" content="([^"]*)">', page).group(1)
        assert description.strip(), relative
    service = (published / "services" / "saturday-club" / "index.html").read_text()
    assert ('<meta name="description" content="A Saturday club where disabled children and their brothers '
            'and sisters play together.">') in service
    assert f"<loc>{BASE}/services/saturday-club/</loc>" in (published / "sitemap.xml").read_text()


@pytest.mark.parametrize("key, value, message", [
    ("OPEN_DATA_LICENCE_NAME", 3,
     "open_data: OPEN_DATA_LICENCE_NAME must be text, e.g. 'Open Government Licence v3.0'; got 3, so the default is used"),
    ("OPEN_REFERRAL_PATH", "/",
     "open_data: OPEN_REFERRAL_PATH must be a path inside the site, e.g. 'open-referral'; got '/', so the default is used"),
    ("OPEN_DATA_CSV_SAVE_AS", "../services.csv",
     "open_data: OPEN_DATA_CSV_SAVE_AS must be a path inside the site, e.g. 'open-data/services.csv'; got '../services.csv', so the default is used"),
    ("OPEN_DATA_BASE_URL", "localoffer.example.org",
     "open_data: OPEN_DATA_BASE_URL must start with https://; got 'localoffer.example.org', so SITEURL is used"),
    ("OPEN_DATA_PUBLISHER", ["Northmoor"], "open_data: OPEN_DATA_PUBLISHER must be text or None; got ['Northmoor'], so None is used"),
])
def test_a_wrong_setting_is_reported_and_its_default_used(caplog, key, value, message):
    from localoffer.open_data.settings import DEFAULTS, apply_defaults

    settings = {key: value, "SITEURL": ""}
    apply_defaults(settings)
    assert [record.getMessage() for record in caplog.records] == [message]
    assert settings[key] == DEFAULTS[key]


def test_the_sitemap_does_not_walk_a_folder_said_to_hold_no_page(tmp_path):
    for page in ("index.html", "data/feed/index.html", "data/feeds/index.html", "services/a/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>")
    assert page_addresses(tmp_path, "https://example.org", (), ("data/feed",)) == [
        ("https://example.org/", ""),
        ("https://example.org/data/feeds/", "data/feeds/"),
        ("https://example.org/services/a/", "services/a/"),
    ]


def _age(folder, seconds=60):
    """Set every folder's modification time back, as a build a minute ago would leave it."""
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 1_000_000_000))


def test_the_sitemap_reads_again_only_the_folders_that_changed(tmp_path):
    for page in ("index.html", "services/a/index.html", "services/b/index.html", "help.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>")
    _age(tmp_path)
    first = FolderListings()
    pages = page_addresses(tmp_path, "https://example.org", listings=first)
    assert first.read == 4

    kept = FolderListings(first.listings)
    assert page_addresses(tmp_path, "https://example.org", listings=kept) == pages
    assert kept.read == 0

    (tmp_path / "services" / "c").mkdir()
    (tmp_path / "services" / "c" / "index.html").write_text("<p>page</p>")
    (tmp_path / "help.html").unlink()
    again = FolderListings(kept.listings)
    assert page_addresses(tmp_path, "https://example.org", listings=again) == [
        ("https://example.org/", ""),
        ("https://example.org/services/a/", "services/a/"),
        ("https://example.org/services/b/", "services/b/"),
        ("https://example.org/services/c/", "services/c/"),
    ]
    assert again.read == 3  # the root, services/ and services/c/
    # Changed less than two seconds ago: not kept, as the same time may hide a later change.
    assert set(again.listings) == {"services/a/", "services/b/"}
    # The three folders read are too recent to keep, and the kept listings of two of them no longer
    # match them: there is nothing new to keep.
    assert again.unsettled == {"", "services/", "services/c/"}
    assert not again.changed()

    _age(tmp_path / "services" / "c")
    last = FolderListings(kept.listings)
    page_addresses(tmp_path, "https://example.org", listings=last)
    assert last.unsettled == {"", "services/"}
    assert last.changed() and set(last.listings) == {"services/a/", "services/b/", "services/c/"}


def test_the_sitemap_listings_are_saved_when_a_folder_holds_other_names_or_many_were_read_for_nothing(tmp_path):
    for page in ("index.html", "services/a/index.html", "services/b/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>")
    _age(tmp_path)
    first = FolderListings()
    page_addresses(tmp_path, "https://example.org", listings=first)
    assert first.changed()  # nothing was kept

    # A page written again (by rename, as a build does) changes its folder's key, not its names.
    (tmp_path / "services" / "a" / "new.tmp").write_text("<p>page</p>")
    os.replace(tmp_path / "services" / "a" / "new.tmp", tmp_path / "services" / "a" / "index.html")
    _age(tmp_path / "services" / "a")
    again = FolderListings(first.listings)
    page_addresses(tmp_path, "https://example.org", listings=again)
    assert again.read == 1 and not again.unsettled
    assert again.changed()  # one folder of four read again for nothing is more than one in twenty
    many = {f"other/{number}/": [0, 0, [], []] for number in range(100)}
    with_many = FolderListings({**first.listings, **many})
    with_many.listings = {**again.listings, **many}
    assert not with_many.changed()  # one folder of 104 read again for nothing

    (tmp_path / "services" / "a" / "more.html").write_text("<p>page</p>")
    _age(tmp_path / "services" / "a")
    named = FolderListings({**again.listings, **many})
    page_addresses(tmp_path, "https://example.org", listings=named)
    named.listings.update(many)
    assert named.changed()  # services/a/ holds another name


def _walked_record(output, without_pages=()):
    listings = FolderListings()
    page_addresses(output, "https://example.org", (), without_pages, listings)
    return TreeRecord.from_walk(listings.walked, ["key", 1, 2, 3])


def _kept(record, output, without_pages=()):
    """The record as the next build reads it back."""
    return TreeRecord.from_data(json.loads(json.dumps(record.to_data(str(output)))), str(output), without_pages)


def test_a_tree_found_as_the_record_has_it_gives_the_same_pages_without_reading_a_folder(tmp_path):
    for page in ("index.html", "services/a/index.html", "services/b/index.html", "services/b/easy-read/index.html", "feed/x.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>")
    _age(tmp_path)
    root = f"{tmp_path}/"
    kept = _kept(_walked_record(tmp_path, ("feed",)), tmp_path, ("feed",))
    assert sorted(kept.folders) == ["", "services/", "services/a/", "services/b/", "services/b/easy-read/"]
    assert kept.unchanged(root) and kept.read == []
    assert (page_addresses(tmp_path, "https://example.org", (), ("feed",), KnownListings(kept))
            == page_addresses(tmp_path, "https://example.org", (), ("feed",)))

    # A page written again (by rename) changes its folder's time, not its names.
    (tmp_path / "services" / "a" / "new.tmp").write_text("<p>again</p>")
    os.replace(tmp_path / "services" / "a" / "new.tmp", tmp_path / "services" / "a" / "index.html")
    assert kept.unchanged(root) and [kept.folders[index] for index, _ in kept.read] == ["services/a/"]
    kept.restamp()
    assert kept.stamps[kept.folders.index("services/a/") * 2 + 1] is None  # too recent to trust next time

    (tmp_path / "services" / "b" / "easy-read" / "more.html").write_text("<p>page</p>")
    assert not kept.unchanged(root)  # services/b/easy-read/ holds another page
    (tmp_path / "services" / "b" / "easy-read" / "more.html").unlink()
    assert kept.unchanged(root)
    shutil.rmtree(tmp_path / "services" / "a")
    assert not kept.unchanged(root)


def test_a_record_that_does_not_hold_the_whole_tree_is_not_used(tmp_path):
    for page in ("index.html", "services/a/index.html", "feed/x.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>")
    data = _walked_record(tmp_path, ("feed",)).to_data(str(tmp_path))
    assert TreeRecord.from_data(json.loads(json.dumps(data)), str(tmp_path), ("feed",)) is not None
    assert TreeRecord.from_data(json.loads(json.dumps(data)), str(tmp_path), ()) is None  # feed/ was not walked
    assert TreeRecord.from_data(json.loads(json.dumps(data)), str(tmp_path / "other"), ("feed",)) is None
    without = dict(data, folders=data["folders"][:-1], stamps=data["stamps"][:-2])
    without["listings"] = [data["listings"][0], data["listings"][1][:-1]]
    assert TreeRecord.from_data(without, str(tmp_path), ("feed",)) is None
    assert TreeRecord.from_data(dict(data, listings=[data["listings"][0], [-1] * len(data["folders"])]), str(tmp_path), ("feed",)) is None
    assert TreeRecord.from_data(["not", "a record"], str(tmp_path), ("feed",)) is None


@pytest.mark.parametrize("folder", [5, None, "services", "../", "services/../", "/etc/", "services//a/", "./"])
def test_a_record_naming_a_folder_of_another_type_or_outside_the_output_is_not_used(tmp_path, folder):
    # A record is data a pull request's build could write: a folder that is not a plain relative
    # one (the root's listing still matching) would have crashed the build or read outside the output.
    for page in ("index.html", "services/a/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>")
    data = json.loads(json.dumps(_walked_record(tmp_path).to_data(str(tmp_path))))
    assert TreeRecord.from_data(data, str(tmp_path), ()) is not None
    # The bad folder is one more, with the stamps and listing of a folder holding one page.
    leaf = data["listings"][1][data["folders"].index("services/a/")]
    bad = dict(data, folders=[*data["folders"], folder], stamps=[*data["stamps"], 1, 2],
               listings=[data["listings"][0], [*data["listings"][1], leaf]])
    assert TreeRecord.from_data(bad, str(tmp_path), ()) is None


def test_a_record_with_a_stamp_that_is_not_a_whole_number_is_not_used(tmp_path):
    (tmp_path / "index.html").write_text("<p>page</p>")
    data = json.loads(json.dumps(_walked_record(tmp_path).to_data(str(tmp_path))))
    assert TreeRecord.from_data(dict(data, stamps=["1", *data["stamps"][1:]]), str(tmp_path), ()) is None
