"""Find an email address or a phone number however it is written.

"You said, we did" publishes what families said, and nothing published may
identify a person (SEND Regulations 2014, regulation 56). People write
addresses in ways meant to get past a filter, or that a copy and paste
brings with it: `jane.doe＠example.com` (a fullwidth @), zero-width spaces
inside a word, `jane [at] example [dot] com`, `jane at example dot com`,
`O1632 960123` (a letter O for the zero), `0 1 6 3 2 - 9 6 0 1 2 3`. Text is
first normalised (Unicode NFKC, which turns fullwidth letters and digits into
ordinary ones, then invisible characters removed) and then searched for the
plain and the spelled-out forms.

Every pattern here takes time in proportion to the text (possessive
quantifiers and anchored starts): a file's longest value cannot make a check
take minutes.
"""

import re
import unicodedata

# The plain forms.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
# UK numbers: 0 or +44, then nine or ten more digits, with spaces, dots,
# hyphens or brackets between them: 01632 960123, (01632) 960 123, +44 7700 900123.
PHONE = re.compile(r"(?<![\w+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)(?:[\s().-]{0,2}\d){9,10}(?![\d])")

# `at` and `dot` spelled out, perhaps in brackets, ending in a usual domain ending.
_OPEN, _CLOSE = r"[\[({<]?", r"[\])}>]?"
_AT = rf"\s*+{_OPEN}\s*+(?:@|at(?![\w]))\s*+{_CLOSE}\s*+"
_DOT = rf"\s*+{_OPEN}\s*+(?:\.|dot(?![\w]))\s*+{_CLOSE}\s*+"
_ENDINGS = r"(?:com|org|net|uk|gov|nhs|edu|ac|co|io|info|biz|me|email|scot|wales)(?![\w])"
SPELLED_EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]++{_AT}(?:[\w-]++{_DOT})+{_ENDINGS}", re.IGNORECASE)

# A run of digits, and letters that look like digits, with spaces and
# punctuation between them; a UK number once O is read as 0 and l or I as 1.
DIGIT_RUN = re.compile(r"(?<![A-Za-z0-9])\+?[0-9OolI](?:[\s().\-/]{0,3}[0-9OolI])++(?![A-Za-z0-9])")
LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
ZERO_WIDTH = {"\u00ad", "\u034f", "\u180e"}  # not all of them are in Unicode's format category


def normalised(text):
    """`text` with compatibility forms folded (NFKC) and invisible characters removed."""
    if text.isascii():
        return text  # ASCII has no compatibility forms and no invisible format characters
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) != "Cf" and c not in ZERO_WIDTH)


def has_email(text):
    text = normalised(text)
    return bool(EMAIL.search(text) or SPELLED_EMAIL.search(text))


def has_phone(text):
    text = normalised(text)
    if PHONE.search(text):
        return True
    for run in DIGIT_RUN.finditer(text):
        written = run.group()
        if not any(character.isdigit() for character in written):
            continue  # "lIl" is a word, not a number
        digits = re.sub(r"[^0-9+]", "", written.translate(LOOKALIKES))
        if digits.startswith("+44"):
            digits = "0" + digits[3:]
        if re.fullmatch(r"0[1-9][0-9]{8,9}", digits):
            return True
    return False
