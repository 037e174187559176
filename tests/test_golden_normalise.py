"""What the golden tree keeps of a built file (tools/golden_normalise.py) and how
a difference is told (tools/golden.py): layout is made the same, content never
dropped, and the messages are exact."""

import hashlib
import subprocess

import pytest

from tools.golden import difference, differences
from tools.golden_normalise import digest_line, is_digested, normalise, normalise_html, normalise_json

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><title>Club  -  Local Offer</title>
<meta charset="utf-8"></head>
<body class="govuk-template__body   js">
<p>Run by <a href="https://example.org/?a=1&amp;b=2">Fenwick &amp; Sons</a>.</p>
<img src="club.png" alt="Children  painting">
<button hidden>Menu</button>
</body></html>
"""

PAGE_SHOWN = """<!DOCTYPE html>
<html lang="en-GB">
  <head>
    <title>
      Club - Local Offer
    </title>
    <meta charset="utf-8">
  </head>
  <body class="govuk-template__body js">
    <p>
      Run by
      <a href="https://example.org/?a=1&amp;b=2">
        Fenwick &amp; Sons
      </a>
      .
    </p>
    <img src="club.png" alt="Children painting">
    <button hidden>
      Menu
    </button>
  </body>
</html>
"""


def test_a_page_is_shown_one_node_a_line_indented_by_depth():
    assert normalise_html(PAGE) == PAGE_SHOWN


def test_layout_white_space_does_not_count():
    reflowed = PAGE.replace("\n", "\n\n      ").replace("><", ">\n  <")
    assert normalise_html(reflowed) == PAGE_SHOWN


@pytest.mark.parametrize("one, other", [
    ("<p>a b</p>", "<p>ab</p>"),
    ("<p>a\u00a0b</p>", "<p>a b</p>"),
    ("<p>&lt;b&gt;tags&lt;/b&gt;</p>", "<p><b>tags</b></p>"),
    ('<a href="/a/">x</a>', '<a href="/b/">x</a>'),
    ('<input checked>', '<input>'),
    ("<!-- a -->", "<!-- b -->"),
])
def test_content_still_differs(one, other):
    assert normalise_html(one) != normalise_html(other)


def test_escaped_provider_text_stays_visibly_escaped():
    shown = normalise_html('<h1>&lt;img src=x onerror=alert(1)&gt; Club</h1><p title="a &quot;b&quot; &lt;c&gt;">x</p>')
    assert shown == (
        "<h1>\n  &lt;img src=x onerror=alert(1)&gt; Club\n</h1>\n"
        '<p title="a &quot;b&quot; &lt;c&gt;">\n  x\n</p>\n'
    )


def test_unclosed_and_stray_tags_do_not_stop_it():
    assert normalise_html("<ul><li>one<li>two</ul></span><p>after") == (
        "<ul>\n  <li>\n    one\n    <li>\n      two\n</ul>\n</span>\n<p>\n  after\n"
    )


def test_pre_keeps_its_white_space_and_svg_keeps_self_closing_tags():
    assert normalise_html("<div><pre>a\n   b</pre><svg><path d='M0 0'/></svg></div>") == (
        "<div>\n  <pre>\na\n   b\n  </pre>\n  <svg>\n    <path d=\"M0 0\" />\n  </svg>\n</div>\n"
    )


def test_json_in_a_script_is_pretty_printed_and_other_script_kept_by_line():
    shown = normalise_html('<script type="application/ld+json">{"b": 1, "a": [2, 1]}</script><script>\n  go();\n\n    stop();\n</script>')
    assert shown == (
        '<script type="application/ld+json">\n  {\n    "a": [\n      2,\n      1\n    ],\n    "b": 1\n  }\n</script>\n'
        "<script>\n  go();\n    stop();\n</script>\n"
    )


def test_json_files_get_sorted_keys_and_keep_list_order():
    assert normalise_json('{"z": ["b", "a"], "a": {"d": 1, "c": "é"}}') == (
        '{\n  "a": {\n    "c": "é",\n    "d": 1\n  },\n  "z": [\n    "b",\n    "a"\n  ]\n}\n'
    )
    assert normalise_json("{not json") == "{not json\n"


def test_xml_is_one_element_a_line_with_its_names_and_declaration_as_written():
    sitemap = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://example.org/</loc>\n    <lastMod>2026-11-22</lastMod></url></urlset>"
    )
    assert normalise("sitemap.xml", sitemap) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "  <url>\n    <loc>https://example.org/</loc>\n    <lastMod>2026-11-22</lastMod>\n  </url>\n</urlset>\n"
    )
    assert normalise("broken.xml", b"<a><b></a>") == "<a><b></a>\n"


def test_other_text_is_kept_as_it_is_with_a_final_newline():
    assert normalise("search/data/filters/free.txt", b"AQ==") == "AQ==\n"
    assert normalise("easy-read/pictures/LICENSE.txt", b"one\r\ntwo\n") == "one\ntwo\n"


@pytest.mark.parametrize("path, data, digested", [
    ("theme/css/main.css", b"body{}", True),
    ("theme/vendor/lunr.min.js", b"var a;", True),
    ("easy-read/pictures/play.svg", b"<svg/>", True),
    ("services/riverside-saturday-club/play-and-paint.png", b"not really a png", True),
    ("open-data/services.csv", b"\xff\xfe", True),
    ("open-data/nul.txt", b"a\0b", True),
    ("easy-read/pictures/index.html", b"<p>x</p>", False),
    ("search/data/manifest.json", b"{}", False),
    ("sitemap.xml", b"<urlset/>", False),
    ("open-data/services.csv", b"id,name\n", False),
])
def test_assets_and_binary_files_are_kept_as_digests(path, data, digested):
    assert is_digested(path, data) is digested


def test_a_digest_line_is_what_sha256sum_writes(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "main.css").write_bytes(b"body{color:red}")
    written = subprocess.run(["sha256sum", "theme/main.css"], cwd=tmp_path, capture_output=True, text=True).stdout
    assert digest_line("theme/main.css", b"body{color:red}") + "\n" == written
    assert digest_line("a", b"") == f"{hashlib.sha256(b'').hexdigest()}  a"


def test_a_difference_is_told_as_missing_extra_or_a_capped_unified_diff():
    expected = {"gone.html": "x\n", "same.html": "s\n", "page.html": "".join(f"line {n}\n" for n in range(10))}
    built = {"new.html": "1\n2\n3\n4\n5\n6\n7\n", "same.html": "s\n", "page.html": "".join(f"line {n}!\n" for n in range(10))}
    assert differences(expected, built, limit=6) == [
        "gone.html: expected but not built",
        "new.html: built but not expected; it starts:\n  1\n  2\n  3\n  4\n  5",
        "page.html: differs\n--- expected/page.html\n+++ built/page.html\n@@ -1,10 +1,10 @@\n"
        "-line 0\n-line 1\n-line 2\n... 17 more diff lines",
    ]
    assert difference("same.html", "s\n", "t\n") == (
        "same.html: differs\n--- expected/same.html\n+++ built/same.html\n@@ -1 +1 @@\n-s\n+t"
    )
