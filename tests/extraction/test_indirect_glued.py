"""Indirect rows that should not be: a quotation glued to the sentence before it ('discussions."Fermer'),
a quotation closed by a spaced guillemet after its full stop ('« ... inquiets. » Elle a ...'), quotations
joined by 'ou encore', and a colon glossing a quotation after a phrase naming a speech (sentences written
for these tests)."""
from datetime import date

import pytest

PUB = date(2025, 3, 14)


def indirect(rows):
    return [t for t, typ, _ in rows["speakers"] if typ == "indirect"]


def direct(rows):
    return [t for t, typ, _ in rows["speakers"] if typ == "direct"]


def test_quotation_glued_to_the_sentence_before_it(extract):
    rows = extract("Hugo Lemaire a pris ses distances avec les propos tenus en mai par Anton Berg, qui voulait fermer "
                   "le port en cas d'échec des discussions.\"Fermer le port maintenant, c'est renoncer d'avance\", "
                   "a-t-il dit.", PUB)
    assert indirect(rows) == [], rows["speakers"]
    assert direct(rows) == ["Fermer le port maintenant, c'est renoncer d'avance"]


def test_spaced_guillemet_closes_the_sentence(extract):
    rows = extract("Clara Vidal a déclaré à la presse : « Les pêcheurs sont inquiets. » Elle a ensuite tenté de "
                   "rassurer en précisant que les quais resteraient ouverts.", PUB)
    assert indirect(rows) == ["les quais resteraient ouverts"], rows["speakers"]


def test_quotations_joined_by_ou_encore(extract):
    rows = extract("Ingrid Falk a publié un long message. On peut y lire : \"Le conseil gaspille l'argent public\" "
                   "ou encore \"les habitants sont las des promesses\".", PUB)
    assert indirect(rows) == [], rows["speakers"]


@pytest.mark.parametrize("sentence", [
    "À la fin de son discours, Paul Girard a crié deux fois \"Victoire !\" en levant le poing : un slogan ancien "
    "signifiant à peu près \"nous tiendrons\" et repris par ses partisans.",
])
def test_colon_gloss_after_a_fronted_speech_noun(extract, sentence):
    rows = extract(sentence, PUB)
    assert indirect(rows) == [], rows["speakers"]


def test_colon_after_a_speech_noun_in_the_predicate_still_reports(extract):
    rows = extract("Paul Girard a lancé un avertissement : la ville ne paiera plus les dettes du club.", PUB)
    assert indirect(rows) == ["la ville ne paiera plus les dettes du club"], rows["speakers"]
