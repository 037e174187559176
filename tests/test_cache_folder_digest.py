"""cache_files.folder_digest: what the caches' fingerprints take of the plugins' own files."""

from localoffer.cache_files import folder_digest


def make_plugin(folder):
    (folder / "__pycache__").mkdir(parents=True)
    (folder / "generator.py").write_text("RULE = 1\n")
    (folder / "schema.json").write_text("{}\n")
    (folder / "README.md").write_text("# A plugin\n")
    (folder / "__pycache__" / "generator.cpython-311.pyc").write_bytes(b"\0compiled")
    return folder_digest(folder)


def test_code_and_data_change_the_digest(tmp_path):
    before = make_plugin(tmp_path)
    (tmp_path / "generator.py").write_text("RULE = 2\n")
    after_code = folder_digest(tmp_path)
    (tmp_path / "schema.json").write_text('{"type": "object"}\n')
    after_data = folder_digest(tmp_path)
    assert len({before, after_code, after_data}) == 3


def test_documentation_and_compiled_python_do_not(tmp_path):
    before = make_plugin(tmp_path)
    (tmp_path / "README.md").write_text("# A plugin\n\nIts settings, better explained.\n")
    (tmp_path / "__pycache__" / "generator.cpython-311.pyc").write_bytes(b"\0compiled again")
    assert folder_digest(tmp_path) == before


def test_a_new_code_file_changes_the_digest(tmp_path):
    before = make_plugin(tmp_path)
    (tmp_path / "rules.py").write_text("")
    assert folder_digest(tmp_path) != before


def test_the_packages_digest_is_worked_out_once_a_process(monkeypatch):
    """Four caches' fingerprints take the digest of the whole package: it is hashed once."""
    import localoffer.cache_files as cache_files

    calls = []
    monkeypatch.setattr(cache_files, "folder_digest", lambda *folders, **options: calls.append(folders) or "digest")
    cache_files.package_digest.cache_clear()
    try:
        assert cache_files.package_digest() == cache_files.package_digest() == "digest"
        assert calls == [(cache_files.PACKAGE,)]
    finally:
        cache_files.package_digest.cache_clear()


def test_the_packages_digest_is_the_folder_digest_of_the_package():
    from localoffer.cache_files import PACKAGE, package_digest

    assert package_digest() == folder_digest(PACKAGE, leaving_out=(PACKAGE / "theme" / "templates",))
    assert (PACKAGE / "cache_files" / "entries.py").is_file()


def test_files_below_a_folder_left_out_do_not_change_the_digest(tmp_path):
    make_plugin(tmp_path)
    (tmp_path / "theme" / "templates").mkdir(parents=True)
    (tmp_path / "theme" / "templates" / "service.html").write_text("<main></main>\n")
    before = folder_digest(tmp_path, leaving_out=(tmp_path / "theme" / "templates",))
    (tmp_path / "theme" / "templates" / "service.html").write_text("<main>changed</main>\n")
    (tmp_path / "theme" / "templates" / "new.html").write_text("new\n")
    assert folder_digest(tmp_path, leaving_out=(tmp_path / "theme" / "templates",)) == before
    assert folder_digest(tmp_path) != before


def test_an_installed_packages_templates_are_not_in_its_digest(tmp_path, monkeypatch):
    """A wheel holds the theme inside the package. Its templates are keyed by the pages made of them
    (cache_files.templates), so editing one must not throw away every cache with the package's code;
    its other files (and the code) still count."""
    import localoffer.cache_files as cache_files

    package = tmp_path / "localoffer"
    make_plugin(package / "service_directory")
    (package / "theme" / "templates").mkdir(parents=True)
    (package / "theme" / "static").mkdir(parents=True)
    (package / "theme" / "templates" / "service.html").write_text("<main></main>\n")
    (package / "theme" / "static" / "council.css").write_text("main {}\n")
    monkeypatch.setattr(cache_files, "PACKAGE", package)

    def digest_now():
        cache_files.package_digest.cache_clear()
        return cache_files.package_digest()

    try:
        before = digest_now()
        (package / "theme" / "templates" / "service.html").write_text("<main>changed</main>\n")
        assert digest_now() == before
        (package / "theme" / "static" / "council.css").write_text("main { margin: 0 }\n")
        after_static = digest_now()
        (package / "service_directory" / "generator.py").write_text("RULE = 2\n")
        assert len({before, after_static, digest_now()}) == 3
    finally:
        cache_files.package_digest.cache_clear()


def test_settings_that_say_how_a_build_runs_are_not_in_the_settings_digest():
    from localoffer.cache_files import settings_digest

    site = {"SITENAME": "Northmoor Local Offer", "LOCAL_OFFER_BUILD_WORKERS": None, "CACHE_PATH": "cache"}
    same = settings_digest(site)
    assert settings_digest({**site, "LOCAL_OFFER_BUILD_WORKERS": 3, "CACHE_PATH": "/elsewhere/cache"}) == same
    assert settings_digest({**site, "DEBUG": True}) == same  # what `pelican --debug` sets
    assert settings_digest({**site, "SITENAME": "Eastbridge Local Offer"}) != same
