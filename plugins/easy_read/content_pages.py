"""Easy-read twins of Markdown pages: `<name>.easy-read.md` beside `<name>.md`.

A twin is paired with the page whose file is `<name>.md` or whose slug is
`<name>`; the metadata line `Easy_read_of: <slug>` pairs it with any page, and
the slug `index` means the home page. The twin is published at the standard
page's address plus `easy-read/` (the home page's twin at `easy-read/`), with
links both ways, and is kept out of the menus.

The twin's body is a short list of points, each starting with a picture name:

    The Local Offer is a list of services.      <- the first paragraph, before any heading: the summary

    ## What it is                               <- a heading

    - :list: It lists services for children and young people.
    - :help: The services help with **learning** and health.

Only bold (`**words**`) and links (`[words](/services/)`) are kept in the text.
"""

import html
import re
from pathlib import Path

from .page_model import EasyReadPage, PageBuilder, Point, Section

TWIN_SUFFIX = ".easy-read"
HOME = "index"
METADATA = re.compile(r"^[A-Za-z][\w-]*:")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
PICTURE = re.compile(r"^:([a-z0-9-]+):\s*")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
SAFE_HREF = ("/", "#", "https://", "http://", "mailto:", "tel:")


def twin_target(page):
    """The slug a twin is for, or None if `page` is not a twin."""
    stem = Path(page.source_path).name.rsplit(".", 1)[0]
    explicit = page.metadata.get("easy_read_of")
    if explicit:
        return str(explicit).strip().strip("/")
    if stem.endswith(TWIN_SUFFIX):
        return stem[: -len(TWIN_SUFFIX)]
    return None


def give_twin_its_own_slug(content):
    """content_object_init receiver: a twin titled like its standard page
    would share its slug (and Pelican would warn about a duplicate); it gets
    `<name>-easy-read` unless its file sets a Slug."""
    if getattr(content, "source_path", None) and "slug" not in content.metadata:
        target = twin_target(content)
        if target is not None:
            content.slug = f"{target.replace('/', '-')}-easy-read"


def twin_address(standard_url):
    url = standard_url if standard_url.endswith("/") or not standard_url else standard_url.rsplit(".", 1)[0] + "/"
    return url + "easy-read/", url + "easy-read/index.html"


def find_standard(target, twin, standards):
    folder = Path(twin.source_path).parent
    for page in standards:
        source = Path(page.source_path)
        if page.slug == target or (source.parent == folder and source.name.rsplit(".", 1)[0] == target):
            return page
    return None


def parse_twin(source_path):
    """[(kind, text, line)] for the twin's body: kind is "heading" or "point";
    a point's text still starts with its picture, if it has one."""
    lines = Path(source_path).read_text(encoding="utf-8").splitlines()
    number = 0
    # Pelican's Markdown metadata: `Key: value` lines up to the first blank line.
    while number < len(lines) and lines[number].strip() and (METADATA.match(lines[number]) or lines[number][:1].isspace()):
        number += 1
    blocks, current = [], None
    for index in range(number, len(lines)):
        raw = lines[index]
        line = raw.strip()
        if not line:
            current = None
        elif line.startswith("#"):
            blocks.append(["heading", line.lstrip("#").strip(), index + 1])
            current = None
        elif LIST_ITEM.match(line):
            current = ["point", LIST_ITEM.sub("", line, count=1), index + 1]
            blocks.append(current)
        elif current is not None:
            current[1] += " " + line
        else:
            current = ["paragraph", line, index + 1]
            blocks.append(current)
    return [tuple(block) for block in blocks]


def plain_text(text):
    return BOLD.sub(r"\1", LINK.sub(r"\1", text))


def inline_html(text, glossary, siteurl):
    """Bold and links from the project's own Markdown, everything else escaped."""
    def words(part):
        return BOLD.sub(r"<strong>\1</strong>", html.escape(glossary.write_out(part), quote=False))

    pieces, last = [], 0
    for match in LINK.finditer(text):
        href = match.group(2)
        pieces.append(words(text[last:match.start()]))
        if href.startswith(SAFE_HREF):
            if href.startswith("/"):
                href = (siteurl or "").rstrip("/") + href
            pieces.append(f'<a class="govuk-link" href="{html.escape(href)}">{words(match.group(1))}</a>')
        else:
            pieces.append(words(match.group(1)))
        last = match.end()
    pieces.append(words(text[last:]))
    return "".join(pieces)


def build_twin_page(twin, standard_url, checker, display_path, siteurl):
    url, save_as = twin_address(standard_url)
    builder = PageBuilder(checker, display_path, url)
    title = twin.title
    page = EasyReadPage(title=title, url=url, save_as=save_as, standard_url=standard_url, source=display_path)
    builder.text(title, "title", 1)
    section = None
    for position, (kind, text, line) in enumerate(parse_twin(twin.source_path)):
        if kind == "heading":
            builder.text(text, "heading", line)
            section = Section(text, [])
            page.sections.append(section)
            continue
        match = PICTURE.match(text)
        picture, words = (match.group(1), text[match.end():]) if match else (None, text)
        if kind == "paragraph" and position == 0 and not match:
            builder.text(words, "summary", line, shown=glossary_plain(checker, words))
            page.summary_html = inline_html(words, checker.glossary, siteurl)
            continue
        builder.text(words, "point", line, shown=glossary_plain(checker, words))
        point = Point(text_html=inline_html(words, checker.glossary, siteurl), picture=builder.picture(picture, "point", line))
        if section is None:
            section = Section("", [])
            page.sections.append(section)
        section.points.append(point)
    return builder.finish_page(page)


def glossary_plain(checker, text):
    return checker.glossary.write_out(plain_text(text))
