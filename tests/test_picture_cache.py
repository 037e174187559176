"""Cleaned pictures are kept in CACHE_PATH/pictures (images.kept_clean_picture): a
picture is cleaned once, and what is kept is published only while it still fits."""

import pytest

from localoffer.service_directory import images
from localoffer.service_directory.images import PictureRefused, clean_image_bytes, kept_clean_picture
from tests.conftest import run_pelican
from tests.hostile.conftest import picture_bytes
from tests.test_incremental import copy_site, snapshot


@pytest.fixture
def picture(tmp_path):
    path = tmp_path / "providers" / "images" / "photo.png"
    path.parent.mkdir(parents=True)
    path.write_bytes(picture_bytes("PNG", size=(20, 10)))
    return path


def cleaned_again(monkeypatch):
    """Count the pictures cleaned from now on."""
    calls = []

    def counting(*arguments):
        calls.append(arguments[0])
        return clean_image_bytes(*arguments)

    monkeypatch.setattr(images, "clean_image_bytes", counting)
    return calls


def test_a_picture_is_cleaned_once_and_then_taken_from_the_cache(tmp_path, picture, monkeypatch):
    folder = tmp_path / "cache" / "pictures"
    first = kept_clean_picture(picture, "images/photo.png", 1000, folder)
    assert first == clean_image_bytes(picture, "images/photo.png", 1000)
    assert len(list(folder.iterdir())) == 1
    calls = cleaned_again(monkeypatch)
    assert kept_clean_picture(picture, "images/photo.png", 1000, folder) == first
    assert calls == []


def test_a_changed_picture_or_limit_is_cleaned_again(tmp_path, picture, monkeypatch):
    folder = tmp_path / "cache" / "pictures"
    kept_clean_picture(picture, "images/photo.png", 1000, folder)
    calls = cleaned_again(monkeypatch)
    picture.write_bytes(picture_bytes("PNG", colour=(0, 90, 0), size=(20, 10)))
    assert kept_clean_picture(picture, "images/photo.png", 1000, folder) == clean_image_bytes(picture, "images/photo.png")
    with pytest.raises(PictureRefused, match="is 20 × 10 pixels, more than 199"):
        kept_clean_picture(picture, "images/photo.png", 199, folder)
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [b"", b"not a picture", picture_bytes("JPEG", size=(20, 10))], ids=["empty", "text", "jpeg"])
def test_a_kept_file_that_is_not_the_picture_format_is_cleaned_again(tmp_path, picture, damage):
    folder = tmp_path / "cache" / "pictures"
    cleaned = kept_clean_picture(picture, "images/photo.png", 1000, folder)
    [kept] = folder.iterdir()
    kept.write_bytes(damage)
    assert kept_clean_picture(picture, "images/photo.png", 1000, folder) == cleaned
    assert kept.read_bytes() == cleaned[0]


def test_a_missing_picture_is_reported_as_without_the_cache(tmp_path):
    missing = tmp_path / "images" / "gone.png"
    with pytest.raises(PictureRefused) as without:
        clean_image_bytes(missing, "images/gone.png")
    with pytest.raises(PictureRefused) as kept:
        kept_clean_picture(missing, "images/gone.png", 1000, tmp_path / "cache")
    assert str(kept.value) == str(without.value)


def test_a_build_keeps_its_pictures_and_a_rebuild_publishes_the_same_without_cleaning(tmp_path):
    providers = copy_site(tmp_path)
    assert run_pelican(providers, tmp_path / "first").returncode == 0
    kept = sorted(path.name for path in (tmp_path / "cache" / "pictures").iterdir())
    assert len(kept) == len({path.read_bytes() for path in (providers / "images").iterdir()})
    clean = tmp_path / "clean" / "output"
    assert run_pelican(providers, tmp_path / "second").returncode == 0  # a new output folder, the same cache
    assert run_pelican(providers, clean, SERVICES_CACHE=False).returncode == 0
    assert snapshot(tmp_path / "second") == snapshot(clean)
    assert not (tmp_path / "clean" / "cache" / "pictures").exists()  # SERVICES_CACHE = False keeps nothing
