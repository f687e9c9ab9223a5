"""Nouns for the sides of a conflict and the members of a party ("les belligérants", "les démocrates",
"les sociaux-démocrates") name people who can speak. Sentences written for these tests."""
from datetime import date

import pytest

PUB = date(2025, 3, 14)


def indirect(rows):
    return [t for t, typ, _ in rows["speakers"] if typ == "indirect"]


@pytest.mark.parametrize("subject", ["Les belligérants", "Les démocrates", "Les sociaux-démocrates",
                                     "Les conservateurs"])
def test_party_nouns_can_speak(extract, subject):
    rows = extract(f"{subject} ont affirmé que la trêve avait été violée près de Valmont.", PUB)
    assert indirect(rows) == ["la trêve avait été violée près de Valmont"], rows["speakers"]
