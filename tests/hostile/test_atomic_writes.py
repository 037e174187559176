"""Every file a build writes appears whole or not at all."""

import pytest
from pelican.writers import FileOverwriteFailedError

from localoffer.cache_files import write_atomic
from localoffer.safe_build.atomic_writer import AtomicWriter


def test_a_page_being_written_leaves_the_old_page_until_it_is_complete(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("old page")
    writer = AtomicWriter(str(tmp_path), settings={"OUTPUT_PATH": str(tmp_path)})
    with writer._open_w(str(page), "utf-8") as handle:
        handle.write("new ")
        assert page.read_text() == "old page"
        handle.write("page")
    assert page.read_text() == "new page"
    assert [path.name for path in tmp_path.iterdir()] == ["index.html"]


def test_a_page_whose_writing_fails_leaves_the_old_page_and_no_temporary_file(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("old page")
    writer = AtomicWriter(str(tmp_path), settings={"OUTPUT_PATH": str(tmp_path)})
    with pytest.raises(RuntimeError):
        with writer._open_w(str(page), "utf-8") as handle:
            handle.write("half a pa")
            raise RuntimeError("the template failed")
    assert page.read_text() == "old page"
    assert [path.name for path in tmp_path.iterdir()] == ["index.html"]


def test_pelicans_rule_of_one_write_per_file_still_holds(tmp_path):
    writer = AtomicWriter(str(tmp_path), settings={"OUTPUT_PATH": str(tmp_path)})
    with writer._open_w(str(tmp_path / "a.html"), "utf-8") as handle:
        handle.write("first")
    with pytest.raises(FileOverwriteFailedError):
        writer._open_w(str(tmp_path / "a.html"), "utf-8")


def test_write_atomic_replaces_whole_files_and_cleans_up_after_an_error(tmp_path):
    target = tmp_path / "deep" / "cache.json"
    write_atomic(target, "[1]")
    assert target.read_text() == "[1]"
    with pytest.raises(TypeError):
        write_atomic(target, object())
    assert target.read_text() == "[1]"
    assert [path.name for path in target.parent.iterdir()] == ["cache.json"]
