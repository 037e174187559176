"""The co-production tracker: projects.yaml checked and turned into projects."""

from dataclasses import dataclass

from .dates import day_text
from .fields import DATE_HINT, Field
from .ladder import RUNGS, RUNGS_BY_ID, STATES, WRITTEN_STATUSES, derive_state
from .listfile import read_list_file
from localoffer.written_yaml.problems import Problem

FIELDS = [
    Field("id", "id", "lower-case letters, digits and hyphens, such as `short-breaks-review`"),
    Field("task", "text", "what the work is, such as `Review of short breaks`"),
    Field("started", "date", DATE_HINT),
    Field("due", "due", f"{DATE_HINT}, or `ongoing`"),
    Field("involved", "list", "who is involved, one group or role per `- ` line, such as `- Northmoor Parent Carer Forum`"),
    Field("why", "text", "why the work started, in a sentence or two"),
    Field("notes", "text", "what has happened so far", required=False),
    Field("status", "choice", f"one of: {', '.join(WRITTEN_STATUSES)}", choices=WRITTEN_STATUSES),
    Field("rung", "choice", f"the step of the ladder reached: {', '.join(r.id for r in RUNGS)}",
          choices=tuple(r.id for r in RUNGS)),
]


@dataclass
class Project:
    id: str
    task: str
    started: object  # WrittenDate
    due: object  # WrittenDate or "ongoing"
    involved: list
    why: str
    notes: list  # paragraphs of text
    status: str  # as written: planned, in-progress, completed
    state: object  # ladder.State: the status shown, Overdue included
    rung: object  # ladder.Rung
    line: int

    @property
    def anchor(self):
        return f"project-{self.id}"

    @property
    def due_text(self):
        return "Ongoing" if self.due == "ongoing" else self.due.text

    @property
    def overdue(self):
        return self.state.id == "overdue"


def read_projects(path, display_path, today):
    """(ListFile, [Project]) for the tracker, in the order the file lists them."""
    def dates_make_sense(entry_path, values, loaded, display):
        started, due, status = values["started"], values["due"], values["status"]
        problems = []
        if due != "ongoing" and due.last_day < started.first_day:
            problems.append(Problem(display, loaded.line_of(entry_path + ("due",)), entry_path + ("due",),
                                    f"`{due.iso}` is before `started` ({started.iso}); "
                                    "write a due date on or after the start, or `ongoing`"))
        if status != "planned" and started.first_day > today:
            problems.append(Problem(display, loaded.line_of(entry_path + ("started",)), entry_path + ("started",),
                                    f"`{started.iso}` is after the build date ({today.isoformat()}), but the "
                                    f"status is `{status}`; write the date the work started, or status `planned`"))
        return problems

    result = read_list_file(path, display_path, "projects", FIELDS, "a project", [dates_make_sense])
    projects, first_line = [], {}
    for entry_path, values, line in result.entries:
        if values["id"] in first_line:
            result.problems.append(Problem(display_path, line, entry_path + ("id",),
                                           f"`{values['id']}` is used twice (first on line {first_line[values['id']]}); "
                                           "give each project its own id"))
            result.rejected += 1
            continue
        first_line[values["id"]] = line
        projects.append(Project(
            id=values["id"], task=values["task"], started=values["started"], due=values["due"],
            involved=values["involved"], why=values["why"], notes=paragraphs(values["notes"]),
            status=values["status"], state=derive_state(values["status"], values["due"], today),
            rung=RUNGS_BY_ID[values["rung"]], line=line,
        ))
    result.problems.sort(key=lambda problem: problem.line)
    return result, projects


def counts_by_state(projects):
    """[(State, count)] for every state, in the tracker's order, zeros included."""
    return [(state, sum(1 for p in projects if p.state is state)) for state in STATES]


def counts_by_rung(projects):
    """[(Rung, count)] for every rung of the ladder, zeros included."""
    return [(rung, sum(1 for p in projects if p.rung is rung)) for rung in RUNGS]


def tracker_summary(projects, today):
    return {
        "projects": projects,
        "state_counts": counts_by_state(projects),
        "rung_counts": counts_by_rung(projects),
        "as_of_text": day_text(today),
        "as_of_iso": today.isoformat(),
    }


def paragraphs(text):
    """Text split at blank lines, each paragraph's lines joined."""
    if not text:
        return []
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]
