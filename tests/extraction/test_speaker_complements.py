"""Speakers reached through a noun's complement: a name its preposition hangs on a subject is no subject
for the pronouns after it; the words or news an outlet or a body gave out speak for it (sentences written
for the tests, invented people)."""
from datetime import date

import pytest

from .conftest import speaker_of

PUB = date(2024, 3, 10)


def test_a_complement_of_the_subject_is_no_topic_for_the_next_pronoun(extract):
    text = ("Depuis le lancement de son mouvement en avril, Hugo Lemaire ne cache plus ses ambitions. Mais le "
            "calendrier de l'ancien conseiller politique de Paul Girard reste secret : \"Il y a plusieurs "
            "étapes\", a-t-il confié samedi au journal.")
    rows = extract(text, PUB)
    assert speaker_of(rows, "plusieurs étapes") == "Hugo Lemaire"


def test_a_named_apposition_to_the_subject_still_is_the_subject(extract):
    text = ("Ingrid Falk a visité l'usine lundi. Le procureur Paul Girard enquêtait alors sur la fraude. "
            "\"Nous irons jusqu'au bout\", a-t-il dit.")
    rows = extract(text, PUB)
    assert speaker_of(rows, "jusqu'au bout") == "Paul Girard"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Selon les informations de BFMTV, Hugo Lemaire a quitté le parti mardi.", "quitté le parti", "BFMTV"),
    ("Selon une information du Figaro, Hugo Lemaire va démissionner.", "va démissionner", "Le Figaro"),
    ("Le député Hugo Lemaire a commenté mardi des déclarations de Paris accusant Vienne d'avoir fait "
     "\"obstruction\" aux négociations.", "obstruction", "France"),
])
def test_the_news_or_words_of_a_named_source_are_its_own(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


def test_a_place_in_the_complement_of_a_news_noun_is_no_issuer(extract):
    text = "Selon une information sur les primes versées en Autriche, la réforme serait retardée."
    rows = extract(text, PUB)
    assert all(s[2] != "Autriche" for s in rows["speakers"])
