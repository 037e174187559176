"""The Pelican generator for the co-production tracker and "You said, we did".

Two phases, as Pelican's own generators: `generate_context` reads and checks
both files and publishes its own part of the contract, `local_offer.coproduction`
(localoffer.contract.CoproductionPart: the section's menu); `generate_output`
only writes.
"""

import logging
from pathlib import Path

from pelican.generators import Generator
from pelican.log import console

from localoffer.contract import CoproductionPart, contract_of, publish_part

from .feedback import ACTION_STATUSES, VOICES, read_feedback
from .ladder import RUNGS, STATES
from .projects import read_projects, tracker_summary
from .search_text import feedback_document, tracker_document
from .written import page_key, written_pages

logger = logging.getLogger(__name__)

# The parts of local_offer this plugin reads (checked by every build: localoffer.contract).
READS = ("dates",)

TRACKER_TITLE = "Co-production tracker"
YSWD_TITLE = "You said, we did"


class CoproductionGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        today = contract_of(self.context, "coproduction", READS).dates.build_date
        content = Path(settings["PATH"])
        projects_path = content / settings["COPRODUCTION_PROJECTS_FILE"]
        feedback_path = content / settings["YOU_SAID_WE_DID_FILE"]
        self.today = today
        self.inputs = {"coproduction_tracker": projects_path, "you_said_we_did": feedback_path}
        self.projects_file, projects = read_projects(projects_path, _display(projects_path, content), today)
        self.feedback_file, years = read_feedback(feedback_path, _display(feedback_path, content), today)
        self.tracker = tracker_summary(projects, today)
        self.years = years

        urls = {"tracker": settings["COPRODUCTION_TRACKER_URL"], "yswd": settings["YOU_SAID_WE_DID_URL"]}
        self.documents = [
            tracker_document(TRACKER_TITLE, urls["tracker"], projects),
            feedback_document(YSWD_TITLE, urls["yswd"], years),
        ]
        self.section = self._section(urls)
        publish_part(self.context, "coproduction", coproduction=CoproductionPart(section=self.section))

    def _section(self, urls):
        """The section's own menu: its content pages in their `Order`, then the
        tracker, "You said, we did" and the feedback page."""
        prefix = self.settings["COPRODUCTION_SECTION_URL"]
        pages = [page for page in self.context.get("pages", []) if page.url.startswith(prefix)]
        pages.sort(key=lambda page: (page.url != prefix, _order(page), page.title.casefold()))
        items = [{"title": page.title, "url": page.url} for page in pages]
        items += [{"title": TRACKER_TITLE, "url": urls["tracker"]}, {"title": YSWD_TITLE, "url": urls["yswd"]}]
        feedback_url = self.settings["COPRODUCTION_FEEDBACK_PAGE_URL"]
        items += [{"title": page.title, "url": page.url}
                  for page in self.context.get("pages", []) if page.url == feedback_url]
        return items

    def generate_output(self, writer):
        settings = self.settings
        written = written_pages(settings, self.output_path)
        self._write(writer, written, settings["COPRODUCTION_TRACKER_SAVE_AS"], "coproduction_tracker",
                    settings["COPRODUCTION_TRACKER_URL"], TRACKER_TITLE, states=STATES, rungs=RUNGS,
                    summary=self.documents[0].summary, **self.tracker)
        self._write(writer, written, settings["YOU_SAID_WE_DID_SAVE_AS"], "you_said_we_did",
                    settings["YOU_SAID_WE_DID_URL"], YSWD_TITLE, years=self.years, voices=VOICES,
                    action_statuses=ACTION_STATUSES, summary=self.documents[1].summary,
                    feedback_page_url=settings["COPRODUCTION_FEEDBACK_PAGE_URL"])
        written.save()
        self._log_results()

    def _write(self, writer, written, save_as, template, url, title, **extra):
        if written.is_current(save_as, page_key(self, template, self.section, self.inputs[template])):
            return
        writer.write_file(
            save_as, self.get_template(template), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], url=url,
            page_path=url, page_title=title, **extra,
        )

    def _log_results(self):
        files = (("the co-production tracker lists no projects", self.projects_file),
                 ('"You said, we did" lists no comments', self.feedback_file))
        for consequence, listed in files:
            if not listed.found:
                logger.warning("coproduction: %s is missing, so %s", listed.display_path, consequence)
        line = (
            f"coproduction: tracker {len(self.tracker['projects'])} projects ({self.projects_file.rejected} left out), "
            f"you said, we did {sum(len(y.comments) for y in self.years)} comments ({self.feedback_file.rejected} left out)"
        )
        problems = [str(p) for listed in (self.projects_file, self.feedback_file) for p in listed.problems]
        if problems:
            # One record, so that a strict build (`--fatal errors`) still shows every problem.
            logger.error("coproduction: entries with a problem are left out until fixed:\n%s\n%s",
                         "\n".join(problems), line)
        else:
            console.print(line)


def _display(path, content):
    """The path as editors see it, from the project folder: content/coproduction/projects.yaml."""
    try:
        return str(path.resolve().relative_to(content.resolve().parent))
    except ValueError:
        return str(path)


def _order(page):
    try:
        return int(page.metadata.get("order", 50))
    except (TypeError, ValueError):
        return 50
