"""The tracker and "You said, we did" as plain text, for a search index.

Pelican's pages are already in the context as `pages`; these two pages are
written by this plugin, so it puts them in the context as
`coproduction_pages`: objects with `title`, `summary`, `url` and `text`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchDocument:
    title: str
    summary: str
    url: str  # relative to the site root, e.g. coproduction/tracker/
    text: str  # the words on the page, without markup


def tracker_document(title, url, projects):
    summary = ("The work the council, health services and families are doing together, "
               "who is involved, how far each piece has got and which step of the co-production ladder it reached.")
    parts = []
    for project in projects:
        parts += [project.task, project.why, *project.notes, *project.involved,
                  project.state.label, project.rung.label]
    return SearchDocument(title, summary, url, _join(parts))


def feedback_document(title, url, years):
    summary = ("What parent carers, young people and professionals told us about the Local Offer, "
               "what we said back and what we did about it, year by year.")
    parts = []
    for year in years:
        parts.append(year.summary_text)
        for comment in year.comments:
            parts += [comment.theme, comment.quote, comment.response, comment.action]
    return SearchDocument(title, summary, url, _join(parts))


def _join(parts):
    return " ".join(" ".join(str(part).split()) for part in parts if part)
