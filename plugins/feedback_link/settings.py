"""The settings feedback_link reads and their defaults; each is documented in README.md."""

DEFAULTS = {
    # A mailto: or web address with {url} and {title}; None leaves pages without the link (with a warning).
    "FEEDBACK_URL": None,
}
