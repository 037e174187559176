"""service_directory's settings: defaults, checks and the dates they derive."""

import datetime

import pytest

from localoffer.service_directory.settings import DEFAULTS, check_settings, months_before


@pytest.mark.parametrize("day, months, expected", [
    (datetime.date(2026, 11, 22), 12, datetime.date(2025, 11, 22)),
    (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
    (datetime.date(2024, 3, 30), 1, datetime.date(2024, 2, 29)),
    (datetime.date(2026, 1, 15), 13, datetime.date(2024, 12, 15)),
])
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def settings(tmp_path, **overrides):
    values = dict(DEFAULTS, PROVIDERS_PATH=str(tmp_path), LOCAL_OFFER_CATEGORIES={"health": "Health"},
                  LOCAL_OFFER_AREAS={"fenwick": "Fenwick"})
    values.update(overrides)
    return values


def test_good_settings_have_no_messages(tmp_path):
    assert check_settings(settings(tmp_path)) == []


def test_each_bad_setting_is_named_with_what_is_used_instead(tmp_path):
    bad = settings(
        tmp_path, PROVIDERS_PATH=str(tmp_path / "missing"), LOCAL_OFFER_CATEGORIES=["health"],
        LOCAL_OFFER_AREAS={"all": "Everywhere"}, SERVICES_BUILD_DATE="22/11/2026",
        SERVICES_STALE_AFTER_MONTHS=0, SERVICES_HIDE_AFTER_MONTHS=6, SERVICES_AGE_GROUPS=[("0-4", "Babies", 4, 0)],
    )
    assert check_settings(bad) == [
        f"PROVIDERS_PATH {str(tmp_path / 'missing')!r} is not a folder; no services will be published",
        "LOCAL_OFFER_CATEGORIES must map ids to labels, e.g. {'health': 'Health and therapies'}; got ['health']",
        "LOCAL_OFFER_AREAS may not use the id 'all', which means every one",
        "SERVICES_BUILD_DATE '22/11/2026' is not a date like '2026-11-22'; today is used instead",
        "SERVICES_STALE_AFTER_MONTHS must be a whole number of months, at least 1; got 0; 12 is used",
        "SERVICES_HIDE_AFTER_MONTHS must be None or a whole number of months above SERVICES_STALE_AFTER_MONTHS (12); got 6; no service is hidden",
        "SERVICES_AGE_GROUPS entry ('0-4', 'Babies', 4, 0) must be (id, label, youngest, oldest)",
    ]
    assert bad["SERVICES_BUILD_DATE"] is None
    assert bad["SERVICES_STALE_AFTER_MONTHS"] == 12
    assert bad["SERVICES_HIDE_AFTER_MONTHS"] is None
