"""Memory the build has freed given back to the operating system.

glibc's malloc keeps what a process frees for its own later use: after a
phase of the build lets go of its data (a generator's pages, once written)
the process still holds it, and a rendering worker forked from it starts
from the larger size. `malloc_trim(0)` hands back what is free. Where the C
library is not glibc (musl, macOS) there is no such call and nothing is done.
"""

import ctypes
import ctypes.util


def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None).malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


def give_back_free_memory():
    """Returns whether the C library was asked (False where it has no malloc_trim)."""
    if _TRIM is None:
        return False
    _TRIM(0)
    return True
