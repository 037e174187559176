"""What each easy-read sentence means, and the one picture for that meaning.

A generated sentence is made for one idea ("you can get in without steps",
"there are steps"), and its picture is looked up from the idea, never chosen
beside the words: so the picture cannot contradict the sentence, the idea
"there are steps" never gets the wheelchair sign, and on any page one picture
stands for one idea (IDEAS gives each idea its own picture).

A point a person wrote (a provider's easy_read point, a twin's Markdown) has
no idea of its own: its picture is the idea the writer chose. The check
(`picture_problems`) looks at every point on a page: a picture whose words
say the opposite of what it shows (any point), and a picture that stands for
two different generated ideas (a council's category words can do that).
"""

import re

from .money import FREE_WORD, PRICE_WORDS

# idea -> (picture, what the picture stands for on a page). One idea, one
# picture: no picture appears twice here. Ideas with a polarity come in pairs
# (step_free_access / steps) with different pictures.
IDEAS = {
    # Who it is for
    "age": ("birthday", "how old you are"),
    "needs": ("people", "the needs it helps with"),
    "area": ("map", "where you live"),
    "who": ("family", "who can use it"),
    "rule": ("list", "a rule about who can use it"),
    "diagnosis_needed": ("doctor", "you need a diagnosis"),
    "ehcp": ("plan", "an Education, Health and Care plan"),
    "not_needed": ("check", "something you do not need"),
    # What it costs
    "free": ("free", "it is free"),
    "charge": ("money", "you pay for it"),
    "gives_money": ("money-bag", "it gives you money"),
    # Asking and contacting
    "ask": ("question", "ask them"),
    "self_referral": ("ask", "you can ask them yourself"),
    "referral": ("worker", "someone can ask for you"),
    "phone": ("phone", "phone them"),
    "textphone": ("mobile", "text them"),
    "email": ("email", "email them"),
    "website": ("website", "their website"),
    "waiting": ("hourglass", "how long you wait to see someone"),
    # Where and when
    "place": ("place", "where it happens"),
    "opening": ("clock", "when it is open"),
    # Getting in
    "step_free_access": ("wheelchair", "you can get in without steps"),
    "steps": ("steps", "there are steps"),
    "toilet": ("toilet", "a toilet for disabled people"),
    "hearing_loop": ("hearing", "a hearing loop"),
    "accessible_parking": ("parking", "parking for disabled people"),
    "quiet_space": ("quiet", "a quiet room"),
    "sensory_friendly": ("sound-off", "calm, with little noise"),
    "bsl_available": ("deaf", "British Sign Language"),
    "easy_read_information": ("easy-read", "easy read information"),
    "access_missing": ("not-here", "something they do not have"),
    "access_details": ("building", "getting into the building"),
    "languages": ("chat", "languages they speak"),
    # Notices
    "closed": ("stop", "it has stopped for now"),
    "not_checked": ("calendar", "when this page was last checked"),
    # Other categories (words.CATEGORY_FALLBACK)
    "category": ("info", "what it is about"),
}

# An accessibility feature id -> its idea when the answer is yes. Both toilets
# are one idea: a toilet for disabled people.
FEATURE_IDEAS = {
    "step_free_access": "step_free_access",
    "accessible_toilet": "toilet",
    "changing_places_toilet": "toilet",
    "hearing_loop": "hearing_loop",
    "accessible_parking": "accessible_parking",
    "quiet_space": "quiet_space",
    "sensory_friendly": "sensory_friendly",
    "bsl_available": "bsl_available",
    "easy_read_information": "easy_read_information",
}

POSITIVE = "positive"
NEGATIVE = "negative"


def picture_of(idea):
    return IDEAS[idea][0]


assert len({picture for picture, _ in IDEAS.values()}) == len(IDEAS), "two ideas share a picture in IDEAS"

# Pictures that show one side of a yes-or-no fact, and the words that say the
# other side: (picture, words that contradict it, words that make it right
# again, what the picture shows, the picture to use instead).
_STEPS = r"\b(?:steps?|stairs?)\b"
_STEP_FREE = r"\b(?:without (?:any )?steps|no steps|step[- ]free|level access|a ramp|a lift)\b"
CONTRADICTIONS = [
    ("wheelchair", re.compile(_STEPS, re.I), re.compile(_STEP_FREE, re.I), "step-free access", "steps"),
    ("steps", re.compile(_STEP_FREE, re.I), None, "steps", "wheelchair"),
    ("free", re.compile(PRICE_WORDS, re.I), re.compile(r"\bfree\b|\bdo not (?:have to )?pay\b|\bno charge\b", re.I), "that it is free", "money"),
    ("money", re.compile(FREE_WORD, re.I), re.compile(PRICE_WORDS, re.I), "paying", "free"),
]


def picture_problems(points, where_of):
    """[(point, rule, message)] for a page's points: a picture whose words
    say the opposite of what it shows, and a picture used for two ideas.
    `where_of(point)` names the point's field, for the message."""
    problems = []
    for point in points:
        text = point.text or ""
        for picture, contradicting, agreeing, shows, instead in CONTRADICTIONS:
            if point.picture != picture or not contradicting.search(text):
                continue
            if agreeing is not None and agreeing.search(text):
                continue
            problems.append((point, "picture-meaning",
                             f'the picture "{picture}" shows {shows}, but the words say otherwise: "{text}"; '
                             f'choose "{instead}" or change the words'))
    first = {}  # picture -> (idea, point), for generated points
    for point in points:
        if point.idea is None:
            continue
        if point.picture not in first:
            first[point.picture] = (point.idea, point)
            continue
        idea, earlier = first[point.picture]
        if point.idea != idea:
            problems.append((point, "picture-reused",
                             f'the picture "{point.picture}" already stands for something else on this page '
                             f'({where_of(earlier)}); each picture means one thing on a page: choose another'))
    return problems
