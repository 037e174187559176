"""The ladder of co-production, from least to most shared power, and the
states a project can be in. One place for the words families read."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Rung:
    id: str
    label: str
    number: int
    meaning: str

    @property
    def position_text(self):
        return f"step {self.number} of {len(RUNGS)}"


RUNGS = [
    Rung("information", "Information", 1,
         "Families are told what is planned and why. They do not shape it yet."),
    Rung("consultation", "Consultation", 2,
         "Families are asked for their views, and told what changed because of them and what did not."),
    Rung("participation", "Participation", 3,
         "Families work alongside professionals in the groups that plan and check the work."),
    Rung("co-production", "Co-production", 4,
         "Families, young people and professionals start the work together as equals and share the decisions."),
]
RUNGS_BY_ID = {rung.id: rung for rung in RUNGS}


@dataclass(frozen=True)
class State:
    """What the tracker shows: the written status, or Overdue worked out from the due date."""

    id: str
    label: str
    colour: str  # a GOV.UK tag colour; the label always says the same in words
    meaning: str


STATES = [
    State("overdue", "Overdue", "red", "the work is not finished and its due date has passed"),
    State("in-progress", "In progress", "yellow", "the work has started and its due date has not passed"),
    State("planned", "Not started", "grey", "the work is agreed but has not started yet"),
    State("completed", "Completed", "green", "the work is finished"),
]
STATES_BY_ID = {state.id: state for state in STATES}
WRITTEN_STATUSES = ("planned", "in-progress", "completed")


def derive_state(status, due, today):
    """The state a project is shown in on `today`.

    A project that is not completed is overdue once its due date has passed:
    the day after a due day, or the month after a due month. `ongoing` work
    has no due date and is never overdue.
    """
    if status != "completed" and due not in (None, "ongoing") and today > due.last_day:
        return STATES_BY_ID["overdue"]
    return STATES_BY_ID[status]
