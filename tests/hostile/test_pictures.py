"""Pictures that try to be the problem: opened only as JPEG, PNG or WebP (by
content), their size read from the header before any pixel is decoded, every
failure a problem naming the picture; `validate` finds what the build finds."""

import datetime

import pytest
from PIL import Image

from localoffer.service_directory.images import clean_image_bytes, output_names, picture_problem
from localoffer.service_directory.validate import ProviderChecker
from tests.hostile.conftest import EPS, png_claiming, picture_bytes, provider_text

LIMIT = "(SERVICES_MAX_PICTURE_PIXELS); make it smaller, 2000 pixels wide is plenty"
NOT_A_PICTURE = "is not a JPEG, PNG or WebP picture; save it as one of those"


@pytest.mark.parametrize("width, height", [(30000, 30000), (13000, 13000)])
def test_a_picture_too_large_is_refused_from_its_header(tmp_path, width, height):
    path = tmp_path / "huge.png"
    path.write_bytes(png_claiming(width, height))
    assert path.stat().st_size < 2000
    assert picture_problem(path, "images/huge.png") == (
        f"`images/huge.png` is {width} × {height} pixels, more than 40000000 {LIMIT}"
    )


def test_the_pixel_limit_is_a_setting(tmp_path):
    path = tmp_path / "small.png"
    path.write_bytes(picture_bytes("PNG", size=(20, 10)))
    assert picture_problem(path, "images/small.png") is None
    assert picture_problem(path, "images/small.png", max_pixels=199) == f"`images/small.png` is 20 × 10 pixels, more than 199 {LIMIT}"


@pytest.mark.parametrize("content", ["GIF", "TIFF", "BMP", "EPS"])
def test_other_formats_named_png_are_not_opened(tmp_path, content):
    path = tmp_path / "disguised.png"
    path.write_bytes(EPS if content == "EPS" else picture_bytes(content))
    assert picture_problem(path, "images/disguised.png") == f"`images/disguised.png` {NOT_A_PICTURE}"


@pytest.mark.parametrize("content", ["JPEG", "PNG", "WEBP"])
def test_real_jpeg_png_and_webp_pass_whatever_their_name(tmp_path, content):
    path = tmp_path / "photo.png"
    path.write_bytes(picture_bytes(content))
    assert picture_problem(path, "images/photo.png") is None
    data, size = clean_image_bytes(path, "images/photo.png")
    assert size == (8, 8) and data.startswith(b"\x89PNG")  # published as its name says


def test_a_picture_that_fails_to_decode_is_a_problem_naming_it(tmp_path):
    good = picture_bytes("PNG", size=(64, 64))
    path = tmp_path / "cut.png"
    path.write_bytes(good[: len(good) // 2])
    assert picture_problem(path, "images/cut.png") == (
        "`images/cut.png` cannot be read as a picture (`OSError`); save it again as JPEG, PNG or WebP"
    )


def test_two_pictures_with_the_same_name_get_different_names():
    assert output_names(["images/a/photo.png", "images/b/photo.png", "photo-2.png", "x/photo.png"]) == [
        "photo.png", "photo-2.png", "photo-2-2.png", "photo-3.png"]


def test_validate_opens_every_picture_as_the_build_does(tmp_path):
    providers = tmp_path / "providers"
    (providers / "images").mkdir(parents=True)
    (providers / "images" / "huge.png").write_bytes(png_claiming(30000, 30000))
    (providers / "images" / "gif.png").write_bytes(picture_bytes("GIF"))
    (providers / "images" / "fine.png").write_bytes(picture_bytes("PNG"))
    images = ("last_reviewed: 2026-06-15", "last_reviewed: 2026-06-15\nimages:\n"
              "  - {file: images/huge.png, alt: A huge picture}\n"
              "  - {file: images/gif.png, alt: A GIF}\n"
              "  - {file: images/fine.png, alt: A fine picture}")
    (providers / "pictures.yaml").write_text(provider_text("pictures", images))
    checker = ProviderChecker({"activities-and-short-breaks": "A"}, {"highcombe": "H"}, datetime.date(2026, 11, 22),
                              display_root=tmp_path)
    checked = checker.check_file(providers / "pictures.yaml")
    assert [str(p) for p in checked.problems] == [
        f"providers/pictures.yaml:33: images[0].file: `images/huge.png` is 30000 × 30000 pixels, more than 40000000 {LIMIT}",
        f"providers/pictures.yaml:34: images[1].file: `images/gif.png` {NOT_A_PICTURE}",
    ]
    assert not checked.ok


def test_pillow_is_never_asked_to_open_other_formats(tmp_path, monkeypatch):
    """The EPS plugin would start Ghostscript: it is never tried."""
    opened_with = []
    real_open = Image.open
    monkeypatch.setattr(Image, "open", lambda *args, **kwargs: opened_with.append(kwargs.get("formats")) or real_open(*args, **kwargs))
    path = tmp_path / "eps.png"
    path.write_bytes(EPS)
    picture_problem(path, "images/eps.png")
    assert opened_with == [("JPEG", "PNG", "WEBP")]
