"""The settings safe_build reads and their defaults (README.md documents each)."""

import logging
import os

from .policy import CONTENT_SECURITY_POLICY

logger = logging.getLogger(__name__)

# LOCAL_OFFER_BUILD_WORKERS None: one worker per core this build may use.
DEFAULTS = {"CONTENT_SECURITY_POLICY": CONTENT_SECURITY_POLICY, "SECURITY_HEADERS_SAVE_AS": "_headers",
            "LOCAL_OFFER_BUILD_WORKERS": None}


def apply_defaults(settings):
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    policy = settings["CONTENT_SECURITY_POLICY"]
    if not isinstance(policy, str) or "\n" in policy or "unsafe-inline" in policy:
        logger.error("safe_build: CONTENT_SECURITY_POLICY must be one line of text without 'unsafe-inline'; "
                     "got %r; the default is used", policy)
        settings["CONTENT_SECURITY_POLICY"] = CONTENT_SECURITY_POLICY


def usable_cores():
    # sched_getaffinity: the cores this process may run on (a container or `taskset` may allow fewer than the machine has).
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_workers(settings):
    """How many processes render pages: LOCAL_OFFER_BUILD_WORKERS, or one per usable core."""
    value = settings.get("LOCAL_OFFER_BUILD_WORKERS")
    if value is None:
        return usable_cores()
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        logger.error("safe_build: LOCAL_OFFER_BUILD_WORKERS must be a whole number of processes, 1 or more, "
                     "or None for one per core; got %r; %d (one per core) is used", value, usable_cores())
        return usable_cores()
    return value
