"""The settings editorial reads and their defaults; each is documented in README.md."""

DEFAULTS = {
    "EDITORIAL_REPORT": False,
    "EDITORIAL_REPORT_URL": "editorial/",
    "EDITORIAL_REPORT_SAVE_AS": "editorial/index.html",
    "EDITORIAL_SUMMARY_SAVE_AS": "editorial/report.md",
    "EDITORIAL_MANIFEST_SAVE_AS": "manifest.json",
    "EDITORIAL_BASELINE_MANIFEST": None,
}


def apply_defaults(settings):
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
