"""Person names: spans, honorifics, NER noise and spellings in one article (sentences written for the tests)."""
from datetime import date

from dagster_project.extraction.names import HONORIFICS, honorific_gender, name_key

PUB = date(2021, 2, 10)


def person_names(rows):
    return {e["name"] for e in rows["entities"] if e["actor_type"] == "person" and e["name"]}


def test_a_longer_surname_is_not_a_known_short_name_glued_to_a_word(extract):
    # "Abe" (a known person's surname) followed by "le" is no glued "Abe le": the surname is "Abele"
    rows = extract("La délégation était conduite par le ministre maltais Ingrid Abele.\n\n"
                   "La ministre Ingrid Abele a salué l'accord, a indiqué Hugo Lemaire.", PUB)
    assert "Ingrid Abele" in person_names(rows)
    assert "Ingrid Abe" not in person_names(rows)


def test_a_surname_joined_to_its_particle_stays_in_the_name(extract):
    rows = extract("Le chef de la diplomatie du pays, Anton Berg al-Falki, a déclaré que la paix était proche.", PUB)
    assert "Anton Berg al-Falki" in person_names(rows)


def test_honorifics_in_full_are_no_part_of_the_name():
    assert name_key("Monsieur Girard") == "girard"
    assert name_key("Mgr Paul Girard") == "paul girard"
    assert HONORIFICS.sub("", "Madame Clara Vidal") == "Clara Vidal"
    assert honorific_gender("Madame Vidal") == "f"
    assert honorific_gender("Monsieur Girard") == "m"


def test_monsieur_x_is_the_person_named_before(extract):
    rows = extract("Paul Girard a été élu maire. « Nous voulons la paix », a déclaré Monsieur Girard.", PUB)
    assert person_names(rows) == {"Paul Girard"}


def test_a_common_word_starting_a_sentence_is_no_person(extract):
    rows = extract("Hugo Lemaire arrivera lundi à Lyon. Suivra un déjeuner avec des élus.\n\n"
                   "Chose promise, chose due : le maire a tenu parole, a affirmé Clara Vidal.", PUB)
    assert person_names(rows) == {"Hugo Lemaire", "Clara Vidal"}


def test_a_surname_alone_in_another_spelling_is_the_person_named_in_full(extract):
    rows = extract("Le chef rebelle Anton Berghaldo a été arrêté mardi. Selon Hugo Lemaire, "
                   "Berghaldi dirigeait le groupe depuis dix ans.", PUB)
    assert "Berghaldi" not in person_names(rows)
    assert "Berghaldi" in next(e["forms"] for e in rows["entities"] if e["name"] == "Anton Berghaldo")


def test_a_surname_opening_with_an_article_keeps_its_titled_form(extract):
    # 'Le Gall' alone reads as article + noun to a lookup that drops leading articles: 'Mme Le Gall',
    # as written, is kept among the forms too; a plain surname keeps only its bare form
    rows = extract("Ingrid Le Gall a rencontré Paul Girard mardi. « Rien n'est décidé », a dit Mme Le Gall. "
                   "M. Girard n'a pas répondu.", PUB)
    forms = {e["name"]: e["forms"] for e in rows["entities"] if e["actor_type"] == "person"}
    assert "Mme Le Gall" in forms["Ingrid Le Gall"] and "Le Gall" in forms["Ingrid Le Gall"]
    assert "M. Girard" not in forms["Paul Girard"] and "Girard" in forms["Paul Girard"]
