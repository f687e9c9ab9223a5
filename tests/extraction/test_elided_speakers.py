"""A speaker phrase whose name follows an elided article or preposition ("l'OSPA", "le département
d'Etat") can speak, as one whose later word is capitalised does; a common noun after "l'" still cannot.
Sentences written for these tests."""
from datetime import date

import pytest

PUB = date(2025, 3, 14)


def indirect(rows):
    return [t for t, typ, _ in rows["speakers"] if typ == "indirect"]


@pytest.mark.parametrize("sentence, content", [
    ("Trois villages de la vallée ont été évacués, a précisé l'OSPA.", "Trois villages de la vallée ont été évacués"),
    ("Le département d'Etat a assuré que Paul Girard serait reçu à Washington.",
     "Paul Girard serait reçu à Washington"),
])
def test_name_after_an_elision_can_speak(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert content in indirect(rows), rows["speakers"]


def test_common_noun_after_an_elision_still_cannot(extract):
    rows = extract("L'accord demande que les troupes se retirent avant l'hiver.", PUB)
    assert indirect(rows) == [], rows["speakers"]


def test_demonym_after_an_elision_is_left_to_the_resolution(extract):
    rows = extract("« Nous verrons », a dit Anton Berg. Les ministres ont confirmé ne pas reconnaître le scrutin, "
                   "a dit l'Autrichien. « Il faut faire avec la réalité », a-t-il ajouté.", PUB)
    assert ("Il faut faire avec la réalité", "direct", "Anton Berg") in rows["speakers"], rows["speakers"]


def test_a_crowd_of_a_demonym_after_an_elision_is_no_name(extract):
    rows = extract("Samedi, des dizaines de milliers d'Autrichiens ont réclamé le départ du chancelier.", PUB)
    assert indirect(rows) == [], rows["speakers"]
