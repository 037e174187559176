"""safe_build: what keeps a build safe whatever the files say. The Content
Security Policy of every page (a meta tag in theme/templates/base.html, and
`_headers` for static hosts), a plain-text build log, and one build at a time
into one output folder. See README.md."""

from .plugin import register  # noqa: F401
