"""You said, we did: you-said-we-did.yaml checked, and grouped by year.

The SEND Regulations 2014 (regulation 56) ask the council to publish families'
comments about the Local Offer, with its response, at least once a year and
without identifying anyone. The checks refuse any entry with an email address
or a phone number in it (see fields.py).
"""

from dataclasses import dataclass

from .fields import DATE_HINT, Field
from .listfile import read_list_file
from localoffer.written_yaml.problems import Problem


@dataclass(frozen=True)
class Voice:
    id: str  # as written in the file
    label: str  # "A parent carer"
    one: str  # "parent carer"
    many: str  # "parent carers"


VOICES = [
    Voice("parent carer", "A parent carer", "parent carer", "parent carers"),
    Voice("young person", "A young person", "young person", "young people"),
    Voice("professional", "A professional", "professional", "professionals"),
]
VOICES_BY_ID = {voice.id: voice for voice in VOICES}


@dataclass(frozen=True)
class ActionStatus:
    id: str
    label: str
    colour: str  # a GOV.UK tag colour; the label says the same in words
    counted: str  # "{n} done", for the annual summary


ACTION_STATUSES = [
    ActionStatus("done", "Done", "green", "done"),
    ActionStatus("in-progress", "In progress", "yellow", "in progress"),
    ActionStatus("planned", "Planned", "grey", "planned"),
    ActionStatus("not-possible", "Not possible", "orange", "not possible"),
]
ACTION_STATUSES_BY_ID = {status.id: status for status in ACTION_STATUSES}

FIELDS = [
    Field("date", "date", DATE_HINT),
    Field("who", "choice", f"who said it, one of: {', '.join(VOICES_BY_ID)}", choices=tuple(VOICES_BY_ID)),
    Field("theme", "text", "what it was about in a few words, such as `Finding services`"),
    Field("quote", "text", "what was said, in their words, with nothing that could identify anyone"),
    Field("response", "text", "the council's reply to what was said"),
    Field("action", "text", "what was done, or will be done, about it"),
    Field("status", "choice", f"one of: {', '.join(ACTION_STATUSES_BY_ID)}", choices=tuple(ACTION_STATUSES_BY_ID)),
]


@dataclass
class Comment:
    date: object  # WrittenDate
    voice: Voice
    theme: str
    quote: str
    response: str
    action: str
    status: ActionStatus
    line: int


@dataclass
class Year:
    year: int
    comments: list  # newest first

    @property
    def anchor(self):
        return f"year-{self.year}"

    @property
    def voice_counts(self):
        """[(Voice, count)] for the voices heard this year."""
        counts = [(voice, sum(1 for c in self.comments if c.voice is voice)) for voice in VOICES]
        return [(voice, n) for voice, n in counts if n]

    @property
    def status_counts(self):
        counts = [(status, sum(1 for c in self.comments if c.status is status)) for status in ACTION_STATUSES]
        return [(status, n) for status, n in counts if n]

    @property
    def theme_counts(self):
        """[(theme, count)], most talked about first, then A to Z."""
        themes = {}
        for comment in self.comments:
            themes[comment.theme] = themes.get(comment.theme, 0) + 1
        return sorted(themes.items(), key=lambda item: (-item[1], item[0].casefold()))

    @property
    def summary_text(self):
        """One sentence: how many comments, and from whom."""
        total = len(self.comments)
        parts = [f"{n} from {voice.many if n > 1 else 'a ' + voice.one}" for voice, n in self.voice_counts]
        noun = "comment" if total == 1 else "comments"
        return f"In {self.year} we published {total} {noun}: {and_list(parts)}."

    @property
    def actions_text(self):
        """One sentence: where the actions stand."""
        parts = [f"{n} {status.counted}" for status, n in self.status_counts]
        return f"Where the actions stand: {and_list(parts)}."


def read_feedback(path, display_path, today):
    """(ListFile, [Year]) with the newest year first, and the newest comment first in each."""
    def not_in_future(entry_path, values, loaded, display):
        date = values["date"]
        if date.first_day > today:
            return [Problem(display, loaded.line_of(entry_path + ("date",)), entry_path + ("date",),
                            f"`{date.iso}` is after the build date ({today.isoformat()}); "
                            "write the date the comment was made")]
        return []

    result = read_list_file(path, display_path, "feedback", FIELDS, "a comment", [not_in_future])
    comments = [
        Comment(date=v["date"], voice=VOICES_BY_ID[v["who"]], theme=v["theme"], quote=v["quote"],
                response=v["response"], action=v["action"], status=ACTION_STATUSES_BY_ID[v["status"]], line=line)
        for _, v, line in result.entries
    ]
    return result, group_by_year(comments)


def group_by_year(comments):
    # A month sorts as its first day; equal dates keep the file's order.
    ordered = sorted(comments, key=lambda c: (c.date.first_day, -c.line), reverse=True)
    years = []
    for comment in ordered:
        if not years or years[-1].year != comment.date.year:
            years.append(Year(comment.date.year, []))
        years[-1].comments.append(comment)
    return years


def and_list(parts):
    """"a, b and c"."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
