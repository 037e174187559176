"""The easy-read sentences made from a service's structured fields.

Every sentence here meets the easy-read rules (at most 15 words, one idea,
active voice, everyday words), and each comes with its picture. The tests
check that every sample service's generated page passes the check.
"""

# Category id -> (sentence, picture). A council's own categories can be added
# with EASY_READ_CATEGORY_WORDS; one that is in neither gets CATEGORY_FALLBACK.
CATEGORY_WORDS = {
    "education": ("It helps children and young people learn.", "school"),
    "early-years": ("It is for babies and young children.", "baby"),
    "health": ("It helps children and young people stay healthy.", "stethoscope"),
    "social-care": ("It gives care and support to families.", "help"),
    "activities-and-short-breaks": ("It has fun things to do.", "play"),
    "advice-and-support": ("It gives advice and support.", "talk"),
    "preparing-for-adulthood": ("It helps young people get ready for adult life.", "job"),
    "travel-and-transport": ("It helps with travel.", "travel"),
}
CATEGORY_FALLBACK = ("It is about {label}.", "info")

# Need code (national, from the provider template) -> everyday words.
NEED_WORDS = {
    "asd": "autism",
    "slcn": "talking",
    "spld": "reading and writing",
    "mld": "learning",
    "sld": "learning",
    "pmld": "learning",
    "semh": "feelings",
    "hi": "hearing",
    "vi": "seeing",
    "msi": "hearing and seeing",
    "pd": "moving around",
}
MAX_NEED_WORDS = 3

# Referral code (how_to_access.referral) -> (sentence, idea). Self-referral
# ("self") is said separately.
REFERRAL_WORDS = {
    "professional": ("Someone who works with your family can ask them for you.", "referral"),
    "gp": ("Your doctor can ask them for you.", "referral"),
    "school": ("Your school, nursery or college can ask them for you.", "referral"),
    "social-care": ("Your social worker can ask them for you.", "referral"),
    "ehcp": ("It can be part of an Education, Health and Care plan.", "ehcp"),
}

# Accessibility feature id -> the sentence when the answer is yes (its idea,
# and so its picture, is in ideas.FEATURE_IDEAS).
FEATURE_WORDS = {
    "step_free_access": "You can get in without steps.",
    "accessible_toilet": "There is a toilet for disabled people.",
    "changing_places_toilet": "There is a big toilet with a hoist and a changing bench.",
    "hearing_loop": "There is a hearing loop for hearing aids.",
    "accessible_parking": "There is parking for disabled people.",
    "quiet_space": "There is a quiet room.",
    "sensory_friendly": "It is calm, with soft lights and not much noise.",
    "bsl_available": "They can use British Sign Language.",
    "easy_read_information": "They have easy read information.",
}
# Each feature as a thing, for the lists "They do not have:" (answer no) and
# "Ask them about:" (not answered).
FEATURE_THINGS = {
    "step_free_access": "a way in without steps",
    "accessible_toilet": "a toilet for disabled people",
    "changing_places_toilet": "a big toilet with a hoist and a changing bench",
    "hearing_loop": "a hearing loop",
    "accessible_parking": "parking for disabled people",
    "quiet_space": "a quiet room",
    "sensory_friendly": "calm times with soft lights and not much noise",
    "bsl_available": "British Sign Language",
    "easy_read_information": "easy read information",
}
# "No" to step-free access is said on its own: families need to know about steps.
STEPS_NO = "There are steps to get in."
ACCESS_MISSING = "They do not have:"
ACCESS_UNKNOWN = "Ask them if they have:"

# Grants and allowances. A service gives money when its name, its summary or
# one of its keywords (the whole keyword) has one of MONEY_WORDS, or it is in
# a category the council lists in EASY_READ_MONEY_CATEGORIES. Its amount is
# the first MONEY_AMOUNT in its summary, cost details or description.
MONEY_WORDS = ("grant", "grants", "allowance", "allowances", "bursary", "bursaries",
               "direct payment", "direct payments", "personal budget", "personal budgets")
GIVES_MONEY = "It gives you money."
MONEY_AMOUNT_SENTENCE = "You can get {amount}."
ASK_FOR_MONEY = "You need to ask for the money."

# Cost details that are not easy read: their prices, or that something costs.
PRICES_SENTENCE = "Some prices are {prices}."
SOME_THINGS_COST = "Some things may cost money."
ASK_COST = "Ask them how much it costs."
ASK_WHAT_COSTS = "Ask them what costs money."

# A provider's words that are not easy read are replaced by these, so that the
# fact (there is a rule, there is a note) is still on the page.
RULE_NOT_EASY_READ = "There is another rule about who can use it. Ask them about it."
WHO_NOT_EASY_READ = "Ask them who can use it."
NOTE_NOT_EASY_READ = "Ask them about these times."
ACCESS_DETAILS_NOT_EASY_READ = "Ask them about getting in and getting around."

HEADINGS = {
    "who": "Who it is for",
    "what": "What happens",
    "cost": "How much it costs",
    "money": "Money",
    "help": "How to get help",
    "where": "Where and when",
    "access": "Getting in",
}


def who_words(age_min, age_max):
    if age_max <= 12:
        return "children"
    if age_min >= 18:
        return "young adults"
    if age_min >= 13:
        return "young people"
    return "children and young people"


def age_sentence(age_min, age_max):
    years = f"{age_min} years" if age_min == age_max else f"{age_min} to {age_max} years"
    return f"It is for {who_words(age_min, age_max)} aged {years}."


def needs_sentence(need_ids, all_needs):
    if all_needs:
        return "It can help with any special need or disability."
    words = []
    for need in need_ids:
        word = NEED_WORDS.get(need)
        if word and word not in words:
            words.append(word)
    if not words:
        return None
    if len(words) > MAX_NEED_WORDS:
        return "It can help with many kinds of need."
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"It can help with {listed}."


def clock_time(value):
    """`09:30` -> `9:30am`, `17:00` -> `5pm`, `12:00` -> `midday`."""
    try:
        hours, minutes = (int(part) for part in str(value).split(":"))
    except ValueError:
        return str(value)
    if (hours, minutes) == (12, 0):
        return "midday"
    if (hours, minutes) in ((0, 0), (24, 0)):
        return "midnight"
    suffix = "am" if hours < 12 else "pm"
    hours = hours % 12 or 12
    return f"{hours}{suffix}" if minutes == 0 else f"{hours}:{minutes:02d}{suffix}"


def opening_sentence(days_text, opens, closes):
    return f"It is open {days_text}, {clock_time(opens)} to {clock_time(closes)}."


def languages_sentence(languages):
    others = [language for language in languages if language.strip().casefold() != "english"]
    if not others:
        return None
    if len(others) > 3:
        return "They can speak many languages."
    listed = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " and " + others[-1]
    return f"They can also speak {listed}."


def area_words(labels, all_areas, place):
    """(sentence, lines) for where families must live."""
    if all_areas or not labels:
        return f"You can live anywhere in {place}.", []
    if len(labels) > 3:
        return "You need to live in one of these places:", list(labels)
    listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]
    return f"You need to live in {listed}.", []


def listed(things):
    return things[0] if len(things) == 1 else ", ".join(things[:-1]) + " and " + things[-1]


# How long families usually wait for a first appointment (service.waiting_time).
WAIT_UNDER_A_WEEK = "You usually see someone in less than a week."
WAIT_SENTENCE = "You usually wait about {weeks} to see someone."
WAIT_DETAILS_NOT_EASY_READ = "They say more about the wait. Ask them about it."


def wait_sentence(weeks):
    if weeks == 0:
        return WAIT_UNDER_A_WEEK
    return WAIT_SENTENCE.format(weeks="1 week" if weeks == 1 else f"{weeks} weeks")
