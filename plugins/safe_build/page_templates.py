"""Jinja templates whose pages import components without checking every global's name each time.

Each `{% from "components/tag.html" import tag %}` a page runs asks Jinja whether
the page's template has globals the imported one lacks, and if so makes the
imported module afresh (Template._get_default_module). It asks by comparing the
name of every global the page's context was made with, each a look-up in two
chained dicts: a service page imports about a dozen times, and this was a
fifth of its rendering time.

Both templates' globals are the environment's globals with the template's own in
front (Environment.make_globals), so only the page template's own globals can
be missing from the imported one. A context made by `PageTemplate` lists just
those (none, in a Pelican build), which gives the same answer to the same
question: the same module is imported, and the page is the same.
"""

from collections import ChainMap

from jinja2 import Template


class PageTemplate(Template):
    def new_context(self, vars=None, shared=False, locals=None):  # noqa: A002 - Jinja's own names
        context = super().new_context(vars, shared, locals)
        if isinstance(self.globals, ChainMap) and self.globals.maps[-1] is self.environment.globals:
            context.globals_keys = set(self.globals.maps[0])
        return context


def use_page_templates(generator):
    """generator_init receiver: the generator's templates, loaded from now on, are PageTemplates."""
    generator.env.template_class = PageTemplate
