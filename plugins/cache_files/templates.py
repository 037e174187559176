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

Pelican gives each generator its own Jinja environment, so a build compiled
base.html and its partials once for every generator (67 compiles of 33
templates at 10,000 services). `CompiledTemplates` keeps each template's
compiled code in memory for every environment of the process that compiles
the same source the same way (`compile_options`); it is never written to
disk, where a pull request's build could leave code for the next one to run.
"""

import functools
import logging
from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, TemplateNotFound
from jinja2 import meta
from jinja2.bccache import Bucket
from jinja2.utils import _PassArg
from pelican.utils import DateFormatter

from . import digest, load_json, save_json


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


# The words that start every tag naming another template: a source without any of them names none.
REFERENCING_TAGS = ("extends", "include", "import")

def _references(env, source):
    """The templates `source` names (None for a name made at render time); each source
    is parsed once, however many pages' closures and environments it is in, and not at
    all when an earlier build kept what it names (REFERENCES). Without an extension
    (which could add a tag), a source that has none of the words of REFERENCING_TAGS
    cannot reference a template: it is not parsed."""
    if not env.extensions and not any(word in source for word in REFERENCING_TAGS):
        return ()
    return REFERENCES.get(env, source)


class KnownReferences:
    """What each template source names, kept between builds (CACHE_PATH/templates.json) by a
    digest of the source and of what Jinja's parser reads of the environment: parsing the
    templates of every page's closure was a tenth of a second of every rebuild. Only for an
    environment without extensions (an extension is code this key cannot hold)."""

    def __init__(self):
        self.path, self.kept, self.used, self.stored = None, {}, set(), set()
        self._with_extensions = {}  # (compile_options, source) -> names, for this process only

    def use(self, cache_path):
        """Read what a build with this cache folder kept (theme_assets, at `initialized`)."""
        self.path, self.used = Path(cache_path) / REFERENCES_FILE, set()
        stored = load_json(self.path)
        self.kept = {}
        if isinstance(stored, dict):
            self.kept = {key: tuple(names) for key, names in stored.items()
                         if isinstance(names, list) and all(name is None or isinstance(name, str) for name in names)}
        self.stored = set(self.kept)

    def get(self, env, source):
        if env.extensions:
            key = (compile_options(env), source)
            if key not in self._with_extensions:
                self._with_extensions[key] = tuple(meta.find_referenced_templates(env.parse(source)))
            return self._with_extensions[key]
        key = digest(jinja2.__version__, env.block_start_string, env.block_end_string, env.variable_start_string,
                     env.variable_end_string, env.comment_start_string, env.comment_end_string,
                     env.line_statement_prefix, env.line_comment_prefix, env.newline_sequence, source)
        if key not in self.kept:
            self.kept[key] = tuple(meta.find_referenced_templates(env.parse(source)))
        self.used.add(key)
        return self.kept[key]

    def save(self):
        """Keep what the sources this build asked about name, for the next build (theme_assets, at
        `finalized`): saved only when those are not the ones kept (a template edited, added or gone)."""
        if self.path is None or not self.used or self.used == self.stored:
            return
        self.kept = {key: names for key, names in self.kept.items() if key in self.used}
        try:
            save_json(self.path, {key: list(names) for key, names in self.kept.items()})
            self.stored = set(self.kept)
        except OSError as error:
            logging.getLogger(__name__).warning("theme_assets: could not save the build cache in %s: %s",
                                                self.path.parent, error)


REFERENCES_FILE = "templates.json"
REFERENCES = KnownReferences()


def _pass_args(functions):
    # What Jinja's compiler reads of a filter or test: that it exists, what it is passed, and, as its
    # optimizer runs a filter on a constant argument while compiling ({{ "x"|upper }}) and keeps the
    # result in the code, the function itself: another function of the same name (JINJA_FILTERS read
    # again by `localoffer serve`, another site in the same process) compiles its own code.
    return frozenset((name, _same_function(function), _PassArg.from_obj(function)) for name, function in functions.items())


def _same_function(function):
    """What makes two filters or tests the same: the function itself, except what Pelican makes
    anew for each generator: `strftime`, a DateFormatter, the same while its locale is, and
    `plugin_enabled`, a partial, the same while its function and arguments are."""
    if type(function) is DateFormatter:
        return (DateFormatter, function.locale)
    if type(function) is functools.partial:
        return (functools.partial, _same_function(function.func), repr(function.args), repr(sorted(function.keywords.items())))
    return function


def compile_options(env):
    """What Jinja's parser and compiler read of an environment (Environment.compile and
    jinja2.compiler.CodeGenerator): two environments with equal options compile a source to the
    same code. Extensions, autoescape and finalize count by identity (an extension is an object
    of its environment, so an environment with extensions shares nothing); a filter or test by
    itself and what it is passed (_pass_args)."""
    return (
        type(env), env.code_generator_class, env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string, env.comment_start_string,
        env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
        env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized, env.is_async,
        env.autoescape, env.finalize, tuple(env.extensions.values()), _pass_args(env.filters),
        _pass_args(env.tests),
    )


class CompiledTemplates(BytecodeCache):
    """Jinja's bytecode cache, in memory: a template's code, compiled by the first environment
    that loads it, for every environment of the process with the same `compile_options`. The
    code is kept as the code object itself (never marshalled, never on disk), with the source it
    was compiled from: an edited template (`localoffer serve` builds again in one process) has
    other source and is compiled again. Worker processes (safe_build) are forked with it."""

    def __init__(self):
        self._code = {}  # (compile_options, name, filename) -> (source, code)

    def get_bucket(self, environment, name, filename, source):
        # The source itself is the bucket's checksum: compared, not hashed.
        bucket = Bucket(environment, (compile_options(environment), name, filename), source)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket):
        kept = self._code.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self):
        self._code.clear()


COMPILED = CompiledTemplates()


def share_compiled_templates(env):
    """Give `env` the process's CompiledTemplates, unless the site's JINJA_ENVIRONMENT gave it a
    bytecode cache of its own."""
    if env.bytecode_cache is None:
        env.bytecode_cache = COMPILED
