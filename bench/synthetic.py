"""Write a synthetic folder of provider files shaped like a real directory.

Names, summaries and descriptions are drawn from word lists with a fixed seed,
so two runs write the same files. Used by the benchmarks, never by the site.
"""

import random
from pathlib import Path

WORDS = (
    "play support group family young children parents carers school college therapy speech language "
    "autism sensory quiet swimming music art club advice help learning skills friends weekend holiday "
    "respite transport travel independence work training health nurse visits home community centre "
    "wheelchair hearing vision signing confidence emotional wellbeing moving adult options money benefits"
).split()
NEEDS = ["asd", "slcn", "spld", "mld", "sld", "pmld", "semh", "hi", "vi", "msi", "pd", "oth"]
CATEGORIES = [
    "education", "early-years", "health", "social-care", "activities-and-short-breaks",
    "advice-and-support", "preparing-for-adulthood", "travel-and-transport",
]
AREAS = ["northmoor-city", "eastbridge", "fenwick", "highcombe", "westmarsh"]


def _sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def provider_text(index, rng):
    low = rng.randint(0, 20)
    high = min(25, low + rng.randint(0, 10))
    needs = ["all"] if rng.random() < 0.2 else sorted(rng.sample(NEEDS, rng.randint(1, 4)))
    areas = ["all"] if rng.random() < 0.3 else sorted(rng.sample(AREAS, rng.randint(1, 3)))
    paragraphs = "\n\n    ".join(_sentence(rng, 12, 30) for _ in range(rng.randint(3, 8)))
    name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7))).title()
    return f"""template_version: 1
id: service-{index:05d}
organisation:
  name: {rng.choice(WORDS).title()} {rng.choice(["Trust", "Charity", "Team", "School", "Club"])}
service:
  name: {name} {index}
  summary: {_sentence(rng, 10, 18)}
  description: |
    {paragraphs}

    ## What happens

    - {_sentence(rng, 5, 12)}
    - {_sentence(rng, 5, 12)}
  categories: [{", ".join(sorted(rng.sample(CATEGORIES, rng.randint(1, 2))))}]
  needs: [{", ".join(needs)}]
  age_range: {{min: {low}, max: {high}}}
  areas: [{", ".join(areas)}]
  cost: {{free: {rng.choice(["yes", "no"])}}}
  how_to_access:
    referral: [{rng.choice(["self", "professional", "gp"])}]
    details: {_sentence(rng, 8, 20)}
  keywords: [{", ".join(rng.sample(WORDS, 2))}]
eligibility:
  who_can_use: {_sentence(rng, 6, 14)}
  diagnosis_needed: no
  ehcp_needed: no
accessibility:
  step_free_access: {rng.choice(["yes", "no", "unknown"])}
locations:
  - name: {rng.choice(WORDS).title()} Centre
    address: [{rng.randint(1, 99)} High Street, Northmoor]
    postcode: NM{rng.randint(1, 9)} {rng.randint(1, 9)}AB
contact:
  phone: "01632 960 {rng.randint(0, 999):03d}"
last_reviewed: 2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}
"""


def write_providers(folder, count, seed=2026):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for index in range(count):
        (folder / f"service-{index:05d}.yaml").write_text(provider_text(index, rng), encoding="utf-8")
    return folder
