"""Speakers reached through an incise's inverted subject and through office nouns (sentences written for
the tests, invented people)."""
from datetime import date

import pytest

from .conftest import speaker_of

PUB = date(2024, 3, 10)


def test_the_person_named_after_an_incise_verb_is_the_topic_of_the_next_pronoun(extract):
    # "juge" may be read as the noun ("le juge Paul Girard"): the incise's subject is still its subject
    text = ("Dans ce contexte, le chef de la diplomatie européenne Anton Berg a exhorté lundi les Européens à "
            "avoir une stratégie plus robuste à l'égard de Pékin.\n\n"
            "« La Chine devient de plus en plus puissante », a-t-il souligné lors d'un discours à des "
            "ambassadeurs allemands.\n\n"
            "La diplomatie chinoise entend faire diversion face aux critiques d'une partie de la population, "
            "juge Paul Girard, spécialiste de la Chine à l'Université de Londres.\n\n"
            "« La propagande agressive irrite beaucoup à l'étranger mais c'est le prix à payer » pour "
            "conserver de la légitimité à domicile, estime-t-il.")
    assert speaker_of(extract(text, PUB), "propagande agressive") == "Paul Girard"


@pytest.mark.parametrize("text, fragment", [
    # the office of a body nobody named ("d'un groupe")
    ("Des soldats et leurs alliés sont entrés mardi dans la ville, a indiqué le ministre Hugo Lemaire. "
     "Le porte-parole d'un groupe de rebelles a affirmé que l'offensive avait commencé dans la soirée.",
     "offensive avait commencé"),
    # the office of a party the text names by a common noun: not the head of state named before
    ("Le président français Hugo Lemaire a reçu jeudi le Premier ministre britannique Anton Berg. "
     "Le chef du parti travailliste, principale formation d'opposition, a appelé les députés à « rejeter » "
     "l'accord.", "les députés"),
])
def test_an_office_holder_nobody_named_stays_unnamed(extract, text, fragment):
    assert speaker_of(extract(text, PUB), fragment) is None


def test_an_office_noun_still_stands_for_the_titled_person(extract):
    text = ("Le ministre des Sports Hugo Lemaire a visité un stade lundi. « Le championnat reprendra en juin », "
            "a assuré le ministre.")
    assert speaker_of(extract(text, PUB), "championnat reprendra") == "Hugo Lemaire"


def test_this_source_is_the_last_source_even_unnamed_and_plural(extract):
    text = ("Hugo Lemaire, qui a rencontré mardi à Berne le conseiller spécial Anton Berg, « poursuit ses "
            "discussions avec les Américains », ont indiqué mercredi ses services.\n\nIl s'entretient aussi avec de "
            "hauts responsables militaires, a ajouté cette source, confirmant que « d'autres discussions étaient "
            "au programme ».")
    rows = extract(text, PUB)
    assert speaker_of(rows, "hauts responsables militaires") is None
    (st,) = [s for s in rows["statements"] if "hauts responsables militaires" in s["text"]]
    assert st["speaker_description"] == "ses services"


def test_a_bare_government_is_the_country_the_passage_is_about(extract):
    text = ("Le Portugal a rappelé lundi son ambassadeur à Madrid, après la saisie d'un navire de pêche.\n\n"
            "« Nous allons rappeler notre ambassadeur », a affirmé le ministre des Affaires étrangères Paul Girard "
            "à la télévision. Le gouvernement a également annoncé dans un communiqué qu'il suspendait les "
            "échanges commerciaux.")
    assert speaker_of(extract(text, PUB), "échanges commerciaux") == "Portugal"
