"""Python's cyclic garbage collector kept off the objects a build keeps.

`generate_context` makes most of a build's objects and keeps them to the end:
10,000 services, their records and terms, each plugin's page models. While
they are made, every collection of the oldest generation walks all of them
again, and none is garbage: at 10,000 services the collector took about 1.2 s
of a 5.5 s rebuild that changed nothing. So each generator's
`generate_context` runs with the collector paused, and what it made is then
frozen (`gc.freeze`), so that the collections of `generate_output` walk only
what is made after. Objects freed by their reference count (most of them)
are freed as always; only cycles made while the collector is paused wait.

The collector is switched back on however `generate_context` ends (a failing
build too), and only if it was on before. Frozen objects are unfrozen when the
next build in the same process starts (`pelican --autoreload`, the tests), so
their cycles are collected then; a one-off build leaves them frozen to the
end, when the process frees everything at once.
"""

import functools
import gc


def pause_collector(generator):
    """Wrap `generator.generate_context` (a `generator_init` receiver)."""
    if hasattr(generator, "generate_context"):
        generator.generate_context = _without_collector(generator.generate_context)


def unfreeze(pelican):
    """At the start of a build: what an earlier build in this process froze can be collected again."""
    gc.unfreeze()


def _without_collector(generate_context):
    @functools.wraps(generate_context)
    def generate_context_without_collector(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            result = generate_context(*args, **kwargs)
            gc.freeze()
            return result
        finally:
            if was_enabled:
                gc.enable()
    return generate_context_without_collector
