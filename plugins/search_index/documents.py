"""What the index knows about a service: a few fields of folded text.

Only listed services are indexed: published ones, and drafts in preview
builds (as the listings show them). Closed services keep their page but leave
search, as they leave the listings.
"""

from .text import fold, html_text


def searchable_services(services, include_drafts):
    """The services the index holds, in the A to Z order of `services`."""
    return [
        service for service in services
        if not service.closed and (service.status == "published" or (include_drafts and service.status == "draft"))
    ]


def service_document(number, service, glossary):
    """The document lunr indexes for one service; `number` is its place in the A to Z order."""
    description = html_text(service.description_html_unkept())
    # Specific before general: a service "suitable for all needs" is not given
    # every need's label and SEND words, or it would match every need's words
    # as strongly as a service that names the need. It still matches every
    # need filter (store.py), and its own text still counts.
    named_needs = [] if getattr(service, "all_needs", False) else service.needs
    needs = [term.label for term in named_needs]
    need_codes = [term.id for term in named_needs]
    # SEND words count as much as the field that uses them: those of the
    # name join the name; those of the keywords and needs count nearly as
    # much; those only in the summary or description count as little.
    name = fold(service.name)
    name_words = set(name.split())
    name_aliases = [word for word in glossary.words_for(service.name) if word not in name_words]
    aliases = [word for word in glossary.words_for(" ".join([*service.keywords, *needs]), need_codes)
               if word not in name_aliases]
    used = set(name_aliases) | set(aliases)
    glossary_words = [word for word in glossary.words_for(f"{service.summary} {description}") if word not in used]
    return {
        "ref": str(number),
        "name": " ".join([name, *name_aliases]),
        "keywords": fold(" ".join(service.keywords)),
        "topics": fold(" ".join(needs + [term.label for term in service.categories])),
        "aliases": " ".join(aliases),
        "glossary": " ".join(glossary_words),
        "organisation": fold(service.organisation.name),
        "summary": fold(service.summary),
        "areas": fold(" ".join(term.label for term in service.areas)),
        "description": fold(description),
    }
