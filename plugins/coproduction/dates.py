"""Dates as editors write them: a day (2026-03-14) or a month (2026-03)."""

import calendar
import datetime
import re
from dataclasses import dataclass

_WRITTEN = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


@dataclass(frozen=True)
class WrittenDate:
    """A day, or a whole month when `day` is None."""

    year: int
    month: int
    day: int | None = None

    @property
    def first_day(self):
        return datetime.date(self.year, self.month, self.day or 1)

    @property
    def last_day(self):
        return datetime.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    @property
    def text(self):
        """"14 March 2026", or "March 2026" for a month."""
        month_year = f"{MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {month_year}" if self.day else month_year

    @property
    def iso(self):
        """The machine-readable form for <time datetime>: 2026-03-14 or 2026-03."""
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


def parse(text):
    """A WrittenDate from `2026-03-14` or `2026-03`, or None if it is not a real one."""
    match = _WRITTEN.fullmatch(text.strip()) if isinstance(text, str) else None
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2]), int(match[3]) if match[3] else None
    try:
        datetime.date(year, month, day or 1)
    except ValueError:
        return None
    return WrittenDate(year, month, day)


def day_text(day):
    """A datetime.date as families read it: "22 November 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
