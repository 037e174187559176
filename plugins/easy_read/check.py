"""The easy-read check: the rules from GOV.UK's accessible communication
formats and the Department of Health's easy-read guidance, as heuristics a
build can run on every page in a few milliseconds.

Sentence rules run on the words readers see (acronyms already written out);
the acronym and emphasis rules run on the words as written.
"""

import logging
import math
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)



@dataclass(frozen=True)
class Finding:
    """One easy-read problem, for the build log and the editorial report."""

    file: str  # the source file, relative to the project (providers/x.yaml, content/pages/x.easy-read.md)
    line: int | None  # its line in that file, when known
    rule: str  # sentence-length, acronym, passive-voice, one-idea, hard-word, emphasis, picture-missing, picture-unknown, readability, page-length
    message: str
    where: str = ""  # the field or part of the page, e.g. easy_read.points[2].text
    url: str = ""  # the easy-read page's address, e.g. services/x/easy-read/

    def __str__(self):
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"


SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")
# A word is anything between spaces with a letter or digit in it: "9:30am",
# "01632", "hello@example.org" are one word each.
WORD = re.compile(r"\S*\w\S*")

BE = r"(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't)"
PASSIVE = re.compile(
    rf"\b{BE}\s+(?:(?:not|never|also|only|usually|often|always|sometimes|then|now|just|all)\s+)?([a-z]+)\b",
    re.IGNORECASE,
)
IRREGULAR_PARTICIPLES = {
    "been", "bought", "brought", "built", "chosen", "done", "driven", "found", "given", "heard", "held",
    "hidden", "kept", "known", "led", "left", "lost", "made", "meant", "met", "paid", "put", "said", "seen",
    "sent", "set", "shown", "sold", "spent", "spoken", "taken", "taught", "told", "thought", "understood",
    "won", "written",
}
# Words ending in -ed that describe a person or thing rather than an action done to it.
NOT_PASSIVE = {
    "aged", "bored", "closed", "confused", "crowded", "disabled", "excited", "experienced", "frightened",
    "interested", "married", "pleased", "qualified", "relaxed", "scared", "skilled", "surprised", "tired",
    "worried",
}

ONE_IDEA_JOINERS = (";", ", but ", ", so ", ", which ", ", because ", ", although ", ", while ", ", and then ")
# *word* or _word_ (Markdown italics), but not **bold**.
ITALICS = re.compile(r"(?<![*\w])\*(?!\*)[^*\n]+(?<!\*)\*(?![*\w])|(?<![_\w])_(?!_)[^_\n]+(?<!_)_(?![_\w])|<(?:em|i|u)\b", re.IGNORECASE)


def sentences(text):
    return [part.strip() for part in SENTENCE_END.split(text or "") if part.strip()]


def word_count(sentence):
    return len(WORD.findall(sentence))


def passive_phrases(sentence):
    found = []
    for match in PASSIVE.finditer(sentence):
        word = match.group(1).lower()
        participle = word in IRREGULAR_PARTICIPLES or (
            word.endswith("ed") and len(word) > 4 and not word.endswith("eed")
        )
        if participle and word not in NOT_PASSIVE:
            found.append(match.group(0))
    return found


class Checker:
    """Checks easy-read text against the rules, with the site's glossary and settings."""

    def __init__(self, glossary, max_words=15, min_reading_ease=70, max_points=40, hard_words=None,
                 pictures_url="/easy-read/pictures/"):
        self.glossary = glossary
        self.pictures_url = pictures_url
        self._checked = {}
        self.max_words = max_words
        self.min_reading_ease = min_reading_ease
        self.max_points = max_points
        self.hard_words = [
            (re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE), word, easy)
            for word, easy in sorted((hard_words or {}).items())
        ]

    def check_text(self, written, shown):
        """[(rule, message)] for one piece of text: `written` as its author
        wrote it (plain text, Markdown markers included), `shown` as readers
        see it (acronyms written out, markup removed)."""
        # Generated sentences repeat on every service page: check each once.
        key = (written, shown)
        if key not in self._checked:
            self._checked[key] = self._check_text(written, shown)
        return list(self._checked[key])

    def _check_text(self, written, shown):
        problems = []
        for word, meanings in self.glossary.problems(written):
            if meanings:
                problems.append(("acronym", f'"{word}" has more than one meaning in the SEND glossary ({"; ".join(meanings)}); write the one you mean in full'))
            else:
                problems.append(("acronym", f'"{word}" is not in the SEND glossary; write it out in full, or ask for it to be added to the glossary'))
        if ITALICS.search(written):
            problems.append(("emphasis", "italics and underlining make words harder to read; use bold (**like this**) for emphasis"))
        for sentence in sentences(shown):
            count = word_count(sentence)
            if count > self.max_words:
                problems.append(("sentence-length", f'sentence has {count} words; easy read has at most {self.max_words}: "{sentence}"'))
            for phrase in passive_phrases(sentence):
                problems.append(("passive-voice", f'"{phrase}" looks like passive voice; say who does what ("we check it", not "it is checked")'))
            joiners = [joiner.strip(" ,") for joiner in ONE_IDEA_JOINERS if joiner in sentence]
            if joiners:
                problems.append(("one-idea", f'sentence joins two ideas with "{joiners[0]}"; write one idea in each sentence: "{sentence}"'))
            for pattern, word, easy in self.hard_words:
                if pattern.search(sentence):
                    problems.append(("hard-word", f'"{word}" is not an everyday word; write "{easy}"'))
        return problems

    def forget(self):
        """Let go of what the checks remember of each text (its problems, its words written out,
        its counts for the reading ease), once every page is made: each service's own texts
        are checked once, so it would only be held to the end of the build (1.6 KB a service
        at 2,000 services). A page made after this is checked as it always is, only sooner."""
        self._checked.clear()
        self.glossary.forget()
        _ended_texts.clear()
        if _textstat:
            _textstat.forget_parts()

    def check_picture(self, picture, known):
        if not picture:
            return [("picture-missing", f"point has no picture; choose one from the list at {self.pictures_url}")]
        if picture not in known:
            return [("picture-unknown", f'picture "{picture}" is not in the picture set; choose one from the list at {self.pictures_url}')]
        return []

    def reading_ease_of(self, shown):
        score = reading_ease([shown])
        return score if score is not None else 0

    def easy_enough(self, shown_texts):
        """Whether the texts together have the reading ease a page needs."""
        if self.min_reading_ease is None:
            return True
        score = reading_ease(shown_texts)
        return score is None or score >= self.min_reading_ease

    def check_page(self, shown_texts, points):
        """[(rule, message)] for a whole page: its length and its reading ease."""
        problems = []
        if points > self.max_points:
            problems.append(("page-length", f"page has {points} points; easy read has at most {self.max_points} on a page: split it into shorter pages"))
        score = reading_ease(shown_texts)
        if score is not None and self.min_reading_ease is not None and score < self.min_reading_ease:
            # Rounded down, so 69.96 is never shown as "70.0, below 70".
            score = math.floor(score * 10) / 10
            problems.append(("readability", f"reading ease is {score:.1f}, below {self.min_reading_ease}; use shorter words and sentences"))
        return problems


_textstat = None


def reading_ease(texts):
    """The Flesch reading ease of the sentences in `texts` (higher is easier;
    easy read usually scores 70 or more), or None without textstat."""
    global _textstat
    if _textstat is None:
        try:
            from . import reading_ease as textstat  # textstat's formula, each word's syllables counted once
        except ImportError:
            logger.warning("easy_read: textstat is missing, so no reading ease is scored; run `make setup`")
            _textstat = False
        else:
            _textstat = textstat
    if not _textstat:
        return None
    parts = list(filter(None, map(_ended, texts)))
    if not parts:
        return None
    # The score of the parts joined with spaces; each part is counted once a
    # build, however many times a page is scored as its optional text is left out.
    return _textstat.flesch_reading_ease_of_parts(parts)


_ended_texts = {}  # text -> its sentences, each ending in . ! or ?, joined with spaces


def _ended(text):
    ended = _ended_texts.get(text)
    if ended is None:
        ended = _ended_texts[text] = " ".join(
            sentence if sentence[-1] in ".!?" else sentence + "." for sentence in sentences(text)
        )
    return ended
