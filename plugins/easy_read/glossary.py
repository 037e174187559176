"""The site's SEND glossary, as easy read uses it: to write acronyms out.

The glossary is a YAML list of entries with the keys `acronym`, `full`,
`meaning` and `synonyms` (content/data/send-glossary.yaml). Easy read needs
`acronym` and `full`; the other keys are read by other parts of the site.
"""

import logging
import re
from pathlib import Path

import yaml

from localoffer.written_yaml.bounded import safe_load_bounded

logger = logging.getLogger(__name__)

# A word counts as an acronym when at least two of its letters are capitals
# and capitals are at least half of its letters: SEND, GP, GPs, SpLD, A&E,
# but not McDonald or Northmoor. Letters and & only, so postcodes (NM1 4AB)
# and times are never acronyms.
WORD = re.compile(r"(?<![\w&'’])[A-Za-z][A-Za-z&]*[A-Za-z](?![\w&])")


SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)[\s(\"'“‘*]*$")


def is_acronym(word):
    capitals = sum(1 for letter in word if letter.isupper())
    smalls = sum(1 for letter in word if letter.islower())
    return capitals >= 2 and capitals >= smalls


# Two capitals in one word: without this, a text has no acronym (most have none).
TWO_CAPITALS = re.compile(r"[A-Z][A-Za-z&]*[A-Z]")


def acronyms_in(text):
    """[(acronym as written, start, end)] in `text`, in order."""
    if not TWO_CAPITALS.search(text):
        return []
    return [(match.group(), match.start(), match.end()) for match in WORD.finditer(text) if is_acronym(match.group())]


class Glossary:
    """Acronym -> full words, matched without regard to case (SPLD finds SpLD).

    An acronym with two meanings in the glossary (CP: cerebral palsy, child
    protection) is never written out: only its writer knows which one it is.
    Entries whose acronym is a phrase (EHC needs assessment) are matched as
    phrases first.
    """

    def __init__(self, entries=(), allowed=()):
        meanings = {}
        for entry in entries:
            acronym, full = entry.get("acronym"), entry.get("full")
            if isinstance(acronym, str) and acronym.strip() and isinstance(full, str) and full.strip():
                fulls = meanings.setdefault(" ".join(acronym.split()).casefold(), [])
                if full.strip() not in fulls:
                    fulls.append(full.strip())
        self.meanings = meanings
        phrases = sorted((key for key in meanings if " " in key), key=len, reverse=True)
        self.phrases = re.compile(
            "|".join(r"(?<![\w&])" + r"\s+".join(map(re.escape, key.split())) + r"(?![\w&])" for key in phrases),
            re.IGNORECASE,
        ) if phrases else None
        # Words in capitals that everyone reads as words (OK, TV): never flagged, never written out.
        self.allowed = {word.casefold() for word in allowed}
        self._written = {}

    def lookup(self, word):
        """(full words, plural?) for an acronym with one meaning, or None. `GPs` is the plural of `GP`."""
        key = " ".join(word.split()).casefold()
        for candidate, plural in ((key, False), (key[:-1], True)):
            if plural and not (word.endswith("s") and len(word) > 2):
                continue
            fulls = self.meanings.get(candidate)
            if fulls:
                return (fulls[0], plural) if len(fulls) == 1 else None
        return None

    def meanings_of(self, word):
        key = word.casefold()
        return self.meanings.get(key) or (self.meanings.get(key[:-1], []) if word.endswith("s") else [])

    def is_allowed(self, word):
        return word.casefold() in self.allowed

    def _terms(self, text):
        """[(term as written, start, end)]: glossary phrases, then acronyms outside them."""
        terms = [(match.group(), match.start(), match.end()) for match in self.phrases.finditer(text)] if self.phrases else []
        taken = [(start, end) for _, start, end in terms]
        terms += [
            (word, start, end) for word, start, end in acronyms_in(text)
            if not self.is_allowed(word) and not any(a <= start < b for a, b in taken)
        ]
        return sorted(terms, key=lambda term: term[1])

    def problems(self, text):
        """[(acronym, meanings)] for each acronym in `text` that cannot be
        written out, once each: meanings is [] when the glossary lacks it,
        or its two or more meanings."""
        found, seen = [], set()
        for word, _, _ in self._terms(text):
            if self.lookup(word) is None and word not in seen:
                seen.add(word)
                found.append((word, self.meanings_of(word)))
        return found

    def write_out(self, text):
        """`text` with each acronym in the glossary replaced by its full words."""
        # The same sentences come back on every service page: remember them.
        if text not in self._written:
            self._written[text] = self._write_out(text)
        return self._written[text]

    def forget(self):
        """Let go of the texts written out so far (Checker.forget)."""
        self._written.clear()

    def _write_out(self, text):
        pieces, last = [], 0
        for word, start, end in self._terms(text):
            found = self.lookup(word)
            if found is None:
                continue
            full, plural = found
            full = self.write_out(full) if full != word else full  # SENDIASS: "SEND Information ..."
            if plural and not full.endswith("s"):
                full += "s"
            if SENTENCE_START.search(text[:start]):
                full = full[0].upper() + full[1:]
            pieces += [text[last:start], full]
            last = end
        return "".join(pieces) + text[last:] if pieces else text


def load_glossary(path, allowed=()):
    """The glossary at `path`, or an empty one with a warning when the file
    is missing or not a list of entries (every acronym is then flagged)."""
    path = Path(path)
    if not path.is_file():
        logger.warning("easy_read: no SEND glossary at %s, so every acronym is flagged", path)
        return Glossary(allowed=allowed)
    try:
        entries = safe_load_bounded(path)  # a content file is read as carefully as a provider file
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        logger.warning("easy_read: could not read the SEND glossary %s (%s), so every acronym is flagged", path, error)
        return Glossary(allowed=allowed)
    if isinstance(entries, dict) and isinstance(entries.get("entries"), list):
        entries = entries["entries"]
    if not isinstance(entries, list):
        logger.warning("easy_read: the SEND glossary %s is not a list of entries, so every acronym is flagged", path)
        return Glossary(allowed=allowed)
    return Glossary([entry for entry in entries if isinstance(entry, dict)], allowed)
