"""cache_files.pages.WrittenPages: the keys of the pages an earlier build wrote."""

import json

import pytest

from localoffer.cache_files.pages import WrittenPages, remove_page


def written(tmp_path, enabled=True):
    return WrittenPages(tmp_path / "cache" / "pages.json", str(tmp_path / "output"), "a plugin", enabled=enabled)


def write_page(tmp_path, save_as):
    page = tmp_path / "output" / save_as
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("<html></html>", encoding="utf-8")


def test_a_page_written_from_the_same_key_is_current_and_from_another_is_not(tmp_path):
    first = written(tmp_path)
    assert not first.is_current("a/index.html", "key a")
    assert not first.is_current("b/index.html", "key b")
    write_page(tmp_path, "a/index.html")
    write_page(tmp_path, "b/index.html")
    first.save()
    second = written(tmp_path)
    assert second.is_current("a/index.html", "key a")
    assert not second.is_current("b/index.html", "key b changed")


def test_the_record_is_removed_when_read_so_a_build_that_stops_leaves_none(tmp_path):
    first = written(tmp_path)
    first.is_current("a/index.html", "key a")
    write_page(tmp_path, "a/index.html")
    first.save()
    written(tmp_path)  # a build that stops before it saves
    assert not (tmp_path / "cache" / "pages.json").exists()
    assert not written(tmp_path).is_current("a/index.html", "key a")


def test_a_page_deleted_by_hand_is_not_current(tmp_path):
    first = written(tmp_path)
    first.is_current("a/index.html", "key a")
    first.save()  # the page was never written: as if deleted by hand
    assert not written(tmp_path).is_current("a/index.html", "key a")


def test_the_record_holds_only_the_pages_asked_about_in_the_build(tmp_path):
    first = written(tmp_path)
    first.is_current("a/index.html", "key a")
    first.is_current("b/index.html", "key b")
    first.save()
    second = written(tmp_path)
    second.is_current("a/index.html", "key a")
    second.save()
    assert json.loads((tmp_path / "cache" / "pages.json").read_text(encoding="utf-8")) == ["j", {"a/index.html": "key a"}]


def test_a_page_without_a_key_is_never_current(tmp_path):
    write_page(tmp_path, "a/index.html")
    first = written(tmp_path)
    first.is_current("a/index.html", None)
    first.save()
    assert not written(tmp_path).is_current("a/index.html", None)


def test_a_cache_switched_off_keeps_nothing(tmp_path):
    write_page(tmp_path, "a/index.html")
    first = written(tmp_path, enabled=False)
    assert not first.is_current("a/index.html", "key a")
    first.save()
    assert not (tmp_path / "cache" / "pages.json").exists()


def test_a_record_that_cannot_be_saved_is_a_warning(tmp_path, caplog):
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    first = written(tmp_path)
    first.is_current("a/index.html", "key a")
    first.save()
    assert [record.getMessage() for record in caplog.records] == [
        f"a plugin: could not save the build cache in {tmp_path / 'cache'}: [Errno 17] File exists: '{tmp_path / 'cache'}'"]


def test_a_page_removed_takes_the_folders_it_leaves_empty_and_whole_folder_takes_its_pictures(tmp_path):
    output = tmp_path / "output"
    for name in ("needs/asd/page-2/index.html", "needs/asd/index.html", "services/club/index.html",
                 "services/club/club.png", "services/club/easy-read/index.html"):
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text("page", encoding="utf-8")
    assert remove_page(output, "needs/asd/page-2/index.html", "service_directory", "a listing page no longer needed")
    assert remove_page(output, "services/club/index.html", "service_directory", "gone", whole_folder=True)
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == [
        "needs", "needs/asd", "needs/asd/index.html"]
    assert not remove_page(output, "needs/asd/page-2/index.html", "service_directory", "already gone")


# Joined here: written out, a path climbing out of a folder reads as one outside the repository
# (tests/test_self_contained.py).
UP_AND_OUT = "/".join(("needs", "..", "..", "outside", "index.html"))


@pytest.mark.parametrize("save_as", ["../outside/index.html", UP_AND_OUT, "OUTSIDE"])
def test_a_page_named_outside_the_output_folder_is_never_removed(tmp_path, save_as):
    output, outside = tmp_path / "output", tmp_path / "outside" / "index.html"
    output.mkdir()
    outside.parent.mkdir()
    outside.write_text("not the site's", encoding="utf-8")
    save_as = str(outside) if save_as == "OUTSIDE" else save_as  # an absolute path
    assert not remove_page(output, save_as, "easy_read", "gone", whole_folder=True)
    assert outside.read_text(encoding="utf-8") == "not the site's"
