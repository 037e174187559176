"""Every hostile provider file at once, beside three good ones, in one real
build under a memory and time limit: each hostile file is refused with its
own exact line, the good ones are published, and no payload reaches the
output or the log."""

import os

import pytest

from tests.hostile.conftest import (
    EPS, FIXTURES, GOOD, bounded_build, good_providers, make_anchor_bomb, make_big_value, make_many_keys,
    picture_bytes, png_claiming, provider_text,
)

PICTURES = "last_reviewed: 2026-06-15"
PAYLOADS = ["LINK-PAYLOAD", "WORKFLOW-PAYLOAD", "MAILTO-PAYLOAD", "m" * 81, "lollollol"]


def with_pictures(*pictures):
    return (PICTURES, PICTURES + "\nimages:\n" + "".join(f"  - {{file: {file}, alt: {alt}}}\n" for file, alt in pictures))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    providers = good_providers(root / "providers")
    for name in ("alias-bomb", "nested", "workflow-command", "mailto-message"):
        (providers / f"{name}.yaml").write_bytes((FIXTURES / f"{name}.yaml").read_bytes())
    make_anchor_bomb(providers / "anchor-bomb.yaml")
    make_big_value(providers / "big-value.yaml")
    make_many_keys(providers / "many-keys.yaml")
    (providers / "folder.yaml").mkdir()
    (providers / "zero.yaml").symlink_to("/dev/zero")
    secret = root / "passwd"
    secret.write_text("root:x:0:0:LINK-PAYLOAD:/root:/bin/bash\n")
    (providers / "evil.yaml").symlink_to(secret)

    images = providers / "images"
    images.joinpath("huge.png").write_bytes(png_claiming(30000, 30000))
    images.joinpath("big.png").write_bytes(png_claiming(13000, 13000))
    images.joinpath("gif.png").write_bytes(picture_bytes("GIF"))
    images.joinpath("tiff.png").write_bytes(picture_bytes("TIFF"))
    images.joinpath("eps.png").write_bytes(EPS)
    (images / "red").mkdir()
    (images / "blue").mkdir()
    images.joinpath("red", "photo.png").write_bytes(picture_bytes("PNG", (200, 0, 0)))
    images.joinpath("blue", "photo.png").write_bytes(picture_bytes("PNG", (0, 0, 200)))
    (providers / "huge-picture.yaml").write_text(provider_text("huge-picture", with_pictures(("images/huge.png", "Huge"))))
    (providers / "big-picture.yaml").write_text(provider_text("big-picture", with_pictures(("images/big.png", "Big"))))
    (providers / "other-formats.yaml").write_text(provider_text("other-formats", with_pictures(
        ("images/gif.png", "A GIF"), ("images/tiff.png", "A TIFF"), ("images/eps.png", "An EPS"))))
    (providers / "same-names.yaml").write_text(provider_text("same-names", with_pictures(
        ("images/red/photo.png", "A red square"), ("images/blue/photo.png", "A blue square"))))

    output = root / "output"
    result = bounded_build(providers, output)
    return output, result.stdout, result.returncode


def refused(log, line):
    """`line` is in the log as one line of its own (after rich's time and level)."""
    return any(logged.strip().endswith(line) for logged in log.splitlines())


READING = {
    "alias-bomb": "providers/alias-bomb.yaml:4: (file): sets the anchor `&a`; anchors and aliases are not allowed in these files: remove it and write each value out in full",
    "anchor-bomb": "providers/anchor-bomb.yaml:3: (file): sets the anchor `&x`; anchors and aliases are not allowed in these files: remove it and write each value out in full",
    "nested": "providers/nested.yaml:3: (file): sections and lists are nested more than 20 deep; check the brackets and the indentation (a provider file needs 4 levels at most)",
    "folder": "providers/folder.yaml:1: (file): this is a folder, not a file; rename the folder so that its name does not end in .yaml",
    "zero": "providers/zero.yaml:1: (file): this is a link to another file, which is not read; put the file itself here instead of a link",
    "evil": "providers/evil.yaml:1: (file): this is a link to another file, which is not read; put the file itself here instead of a link",
    "big-value": "providers/big-value.yaml:1: (file): the file is larger than 262144 bytes, the limit (SERVICES_MAX_FILE_BYTES); a provider file is a few kilobytes: remove what does not belong in it",
    "many-keys": "providers/many-keys.yaml:1: (file): the file is larger than 262144 bytes, the limit (SERVICES_MAX_FILE_BYTES); a provider file is a few kilobytes: remove what does not belong in it",
    "huge-picture": "providers/huge-picture.yaml:33: images[0].file: `images/huge.png` is 30000 × 30000 pixels, more than 40000000 (SERVICES_MAX_PICTURE_PIXELS); make it smaller, 2000 pixels wide is plenty",
    "big-picture": "providers/big-picture.yaml:33: images[0].file: `images/big.png` is 13000 × 13000 pixels, more than 40000000 (SERVICES_MAX_PICTURE_PIXELS); make it smaller, 2000 pixels wide is plenty",
    "other-formats": "providers/other-formats.yaml:35: images[2].file: `images/eps.png` is not a JPEG, PNG or WebP picture; save it as one of those",
    "workflow-command": "providers/workflow-command.yaml:14: service.cost.free: `maybe\\n:\\:warning file=providers/x.yaml,line=1:\\:WORKFLOW-PAYLOAD` is not yes or no; write yes or no",
    "mailto-message": "providers/mailto-message.yaml:30: contact.email: `club@example.org?cc=boss@example.org&subject=Refund&body=MAILTO-PAYLOAD` is not in the right form; write only an email address, such as hello@example.org, with nothing after it (no ?, &, % or spaces)",
}


@pytest.mark.parametrize("name", sorted(READING))
def test_each_hostile_file_is_refused_with_its_own_line(hostile_site, name):
    output, log, _ = hostile_site
    assert refused(log, READING[name]), log[-3000:]
    assert not (output / "services" / name).exists()


def test_the_other_pictures_of_a_file_are_named_too(hostile_site):
    _, log, _ = hostile_site
    for index, file in ((0, "gif"), (1, "tiff")):
        assert refused(log, f"providers/other-formats.yaml:{33 + index}: images[{index}].file: `images/{file}.png` "
                            "is not a JPEG, PNG or WebP picture; save it as one of those")


def test_the_good_providers_are_published_and_the_build_says_how_many_were_left_out(hostile_site):
    output, log, returncode = hostile_site
    assert returncode == 0
    for name in [*GOOD, "same-names"]:
        assert (output / "services" / name / "index.html").is_file(), name
    assert "service_directory: 4 published, 0 draft, 0 closed, 13 rejected" in log
    assert (output / "index.html").is_file() and (output / "search" / "index.html").is_file()


def test_two_pictures_with_one_name_are_both_published_with_their_own_alt_text(hostile_site):
    output, _, _ = hostile_site
    page = (output / "services" / "same-names" / "index.html").read_text()
    red = page.index('src="/services/same-names/photo.png" alt="A red square"')
    blue = page.index('src="/services/same-names/photo-2.png" alt="A blue square"')
    assert red < blue
    from PIL import Image
    assert Image.open(output / "services" / "same-names" / "photo.png").getpixel((0, 0))[:3] == (200, 0, 0)
    assert Image.open(output / "services" / "same-names" / "photo-2.png").getpixel((0, 0))[:3] == (0, 0, 200)


def test_no_line_of_the_log_is_a_workflow_command_and_no_line_is_long(hostile_site):
    _, log, _ = hostile_site
    assert not [line for line in log.splitlines() if line.lstrip().startswith("::")]
    assert max(len(line) for line in log.splitlines()) < 3000


@pytest.mark.parametrize("payload", PAYLOADS, ids=["link", "workflow", "mailto", "1 MB value", "alias bomb"])
def test_no_payload_reaches_the_output_or_the_log(hostile_site, payload):
    output, log, _ = hostile_site
    if payload not in ("WORKFLOW-PAYLOAD", "MAILTO-PAYLOAD"):  # these two are quoted, escaped, in their messages
        assert payload not in log
    for path in output.rglob("*"):
        if path.is_file():
            assert payload.encode() not in path.read_bytes(), path


def test_no_page_has_a_mailto_with_extra_recipients(hostile_site):
    output, _, _ = hostile_site
    pages = "".join(path.read_text() for path in output.rglob("*.html"))
    assert "boss@example.org" not in pages and "mailto:club@example.org" not in pages


def test_the_log_says_nothing_of_a_linked_files_contents(hostile_site):
    _, log, _ = hostile_site
    assert "root:x:0:0" not in log and "/bin/bash" not in log
    assert os.path.getsize("/dev/zero") == 0  # the link to it was never read (nothing to read it into)
