"""Which templates a page is made of, for the caches' fingerprints.

A page rendered from `service.html` depends on that file and on every file
it reaches through `extends`, `include`, `import` and `from ... import`:
its Jinja dependency closure. Hashing only that closure, rather than the
whole template folder, means that editing `easy_read_service.html` leaves
the 10,000 service pages alone, and editing `service.html` leaves the
easy-read pages alone.

A template may name another with an expression (`{% include name %}`), which
cannot be followed without rendering it. Then the page could use any
template, so the closure is every template the environment can load: the
fingerprint is too wide, never too narrow.
"""

from jinja2 import TemplateNotFound
from jinja2 import meta

from . import digest


def template_closure(env, name):
    """The sorted names of `name` and every template it reaches. A name that
    cannot be loaded counts as itself (its absence is part of the digest)."""
    seen = set()
    waiting = [name]
    while waiting:
        current = waiting.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source = env.loader.get_source(env, current)[0]
        except TemplateNotFound:
            continue
        referenced = _references(env, source)
        if None in referenced:  # a name made at render time: it could be any template
            return sorted(set(env.list_templates()) | seen)
        waiting.extend(referenced)
    return sorted(seen)


def templates_digest(env, *names):
    """One digest of the names and sources of every template the pages made
    from `names` use."""
    parts = []
    for name in sorted({found for name in names for found in template_closure(env, name)}):
        try:
            source = env.loader.get_source(env, name)[0]
        except TemplateNotFound:
            source = "(no such template)"
        parts += [name, source]
    return digest(*parts)


_parsed = {}  # (environment, source) -> the names it references


def _references(env, source):
    """The templates `source` names (None for a name made at render time); each source
    is parsed once a build, however many pages' closures it is in."""
    key = (id(env), source)
    if key not in _parsed:
        _parsed[key] = tuple(meta.find_referenced_templates(env.parse(source)))
    return _parsed[key]
