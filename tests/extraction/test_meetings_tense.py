"""Meeting status and dates read from the grammar around a meeting word (sentences written for the tests)."""
from datetime import date

import pytest

PUB = date(2021, 6, 3)  # a Thursday


def found(rows, trigger):
    return [(m["status"], m["meeting_date"], m["date_precision"]) for m in rows["meeting_mentions"]
            if m["trigger"] == trigger]


@pytest.mark.parametrize("text", [
    "Paul Girard a évoqué mercredi la possibilité d'un sommet entre Hugo Lemaire et Anton Berg.",
    "Hugo Lemaire a évoqué mercredi la possibilité d'une participation d'Anton Berg à un sommet élargi de l'Otan.",
    "Le gouvernement de Hugo Lemaire a défendu mercredi sa fermeté, mais laissé la porte ouverte à une "
    "participation d'Anton Berg à un sommet élargi de l'Otan.",
])
def test_a_meeting_under_a_noun_of_possibility_is_planned(extract, text):
    """'la possibilité d'une participation de X à un sommet', 'la porte ouverte à ...': up the chain of nouns
    that holds the meeting noun, a noun of possibility (or an open door) makes it one that may come."""
    assert [m[0] for m in found(extract(text, PUB), "sommet")] == ["planned"]


def test_a_meeting_a_proposal_was_made_at_is_held(extract):
    """'la proposition de X lors du sommet': the summit is no complement of the proposal, but its time."""
    rows = extract("La proposition de Hugo Lemaire lors du sommet avec Anton Berg mardi a été rejetée.", PUB)
    assert [m[0] for m in found(rows, "sommet")] == ["occurred"]


@pytest.mark.parametrize("published, day, status", [
    (date(2021, 6, 1), date(2021, 6, 3), "planned"),  # a Tuesday: the coming Thursday
    (date(2021, 6, 5), date(2021, 6, 3), "occurred"),  # a Saturday: the Thursday just past
])
def test_the_weekday_of_a_meeting_a_purpose_infinitive_governs_is_the_nearest(extract, published, day, status):
    """'X est arrivé à Oslo pour préparer le sommet de jeudi': the summit lies after the arrival the past tells;
    its weekday is the nearest one, ahead as well as past."""
    rows = extract("« Nous sommes dans une impasse », a averti Hugo Lemaire à son arrivée à Oslo pour préparer la "
                   "rencontre de jeudi entre Anton Berg et Ingrid Falk.", published)
    assert found(rows, "rencontre") == [(status, day, "day")]


@pytest.mark.parametrize("who", ["du président Hugo Lemaire", "du président français"])
def test_a_meeting_a_dated_trip_was_for_takes_the_trips_day(extract, who):
    """'depuis celui du 27 février à Oslo pour un sommet': the summit the trip was for was held on its day, not
    on the article's."""
    rows = extract(f"Il s'agit du premier déplacement {who} depuis celui du 27 février à Oslo pour un sommet "
                   "franco-norvégien.", PUB)
    assert found(rows, "sommet") == [("occurred", date(2021, 2, 27), "day")]
