"""The settings safe_build reads and their defaults (README.md documents each)."""

import logging

from .policy import CONTENT_SECURITY_POLICY

logger = logging.getLogger(__name__)

DEFAULTS = {"CONTENT_SECURITY_POLICY": CONTENT_SECURITY_POLICY, "SECURITY_HEADERS_SAVE_AS": "_headers"}


def apply_defaults(settings):
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    policy = settings["CONTENT_SECURITY_POLICY"]
    if not isinstance(policy, str) or "\n" in policy or "unsafe-inline" in policy:
        logger.error("safe_build: CONTENT_SECURITY_POLICY must be one line of text without 'unsafe-inline'; "
                     "got %r; the default is used", policy)
        settings["CONTENT_SECURITY_POLICY"] = CONTENT_SECURITY_POLICY
