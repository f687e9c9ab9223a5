"""Meetings whose side is the focus of a cleft or a dative clitic (sentences written for the tests)."""
from datetime import date

import pytest

PUB = date(2021, 6, 3)  # a Thursday


def meetings(rows):
    names = rows["names"]
    return [({names[i] for i in m["participant_entity_idxs"]}, m["status"]) for m in rows["meeting_mentions"]]


@pytest.mark.parametrize("text", [
    "Paul Girard dirige l'hôpital depuis 2019. C'est lui qui a reçu mardi la visite d'Anton Berg.",
    "Paul Girard dirige l'hôpital depuis 2019. C'est lui qui a rencontré Anton Berg mardi.",
    "C'est Paul Girard qui a reçu mardi la visite d'Anton Berg.",
])
def test_the_focus_of_a_cleft_is_the_subject_of_its_qui(extract, text):
    """'C'est lui qui a reçu la visite de Y': the parser hangs the verb of 'qui' on the focus of 'c'est' (not
    as a relative clause); that focus, a name or a stressed pronoun standing for the man named before, meets Y."""
    assert meetings(extract(text, PUB)) == [({"Paul Girard", "Anton Berg"}, "occurred")]


@pytest.mark.parametrize("text, status", [
    ("Paul Girard dirige l'hôpital depuis 2019. Anton Berg lui a rendu visite mardi.", "occurred"),
    ("Paul Girard dirige l'hôpital depuis 2019. Anton Berg lui rendra visite lundi.", "planned"),
])
def test_the_dative_clitic_of_a_visit_is_the_one_visited(extract, text, status):
    """'X lui a rendu visite': 'rendre visite' takes its partner with 'à'; the clitic 'lui' before the verb
    stands for the man named before."""
    assert meetings(extract(text, PUB)) == [({"Paul Girard", "Anton Berg"}, status)]


@pytest.mark.parametrize("text", [
    "Dans son livre, à paraître mardi, Paul Girard critique Anton Berg pour son attitude lors des multiples "
    "sommets avec Ingrid Falk.",
    "Anton Berg a eu plusieurs entretiens avec Ingrid Falk en 2018.",
    "Anton Berg a tenu de nombreuses réunions avec Ingrid Falk l'an dernier.",
])
def test_a_plural_meeting_noun_after_a_quantifier_is_a_series(extract, text):
    """'lors des multiples sommets avec X', 'plusieurs entretiens avec Y': several meetings, none of which the
    sentence's date is the date of."""
    assert extract(text, PUB)["meeting_mentions"] == []


def test_a_plural_meeting_noun_without_a_quantifier_may_be_one_round(extract):
    rows = extract("Anton Berg a eu des entretiens avec Ingrid Falk mardi.", PUB)
    assert meetings(rows) == [({"Anton Berg", "Ingrid Falk"}, "occurred")]


@pytest.mark.parametrize("text", [
    "Paul Girard a critiqué la Chine avant le sommet de lundi prochain entre les dirigeants des institutions "
    "européennes et le Premier ministre chinois Anton Berg.",
    "Paul Girard a critiqué la Chine avant le sommet entre les dirigeants européens et le Premier ministre chinois "
    "Anton Berg.",
])
def test_leaders_named_by_their_body_are_a_side_of_entre(extract, text):
    """'le sommet entre les dirigeants européens et X': when the parse gives the noun no sides, the phrase after
    'entre' still names one: the body whose leaders they are."""
    assert participant_names(extract(text, PUB)) == [{"Union européenne", "Anton Berg"}]


def participant_names(rows):
    return [m[0] for m in meetings(rows)]
