"""A noun phrase joined by ', ainsi que' to a nominal content goes on with it; a name or a noun for people
after it may be a second speaker and is left out. Sentences written for these tests."""
from datetime import date

import pytest

PUB = date(2025, 3, 14)


def indirect(rows):
    return [t for t, typ, _ in rows["speakers"] if typ == "indirect"]


@pytest.mark.parametrize("sentence, content", [
    ("Anton Berg a annoncé l'instauration de la loi martiale, ainsi qu'un couvre-feu dans la capitale.",
     "l'instauration de la loi martiale, ainsi qu'un couvre-feu dans la capitale"),
    ("Ingrid Falk a réclamé la libération des otages, ainsi que l'ouverture d'une enquête.",
     "la libération des otages, ainsi que l'ouverture d'une enquête"),
])
def test_ainsi_que_goes_on_with_a_nominal_content(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert indirect(rows) == [content], rows["speakers"]


@pytest.mark.parametrize("tail", ["Paul Girard", "son homologue"])
def test_ainsi_que_before_people_is_left_out(extract, tail):
    rows = extract(f"Ingrid Falk a réclamé la libération des otages, ainsi que {tail}.", PUB)
    assert indirect(rows) == ["la libération des otages"], rows["speakers"]


def test_ainsi_que_after_a_second_cue_the_parser_hangs_elsewhere(extract):
    rows = extract("Anton Berg a également affirmé s'être emparé d'une colline et annoncé l'instauration de la loi "
                   "martiale, ainsi qu'un couvre-feu à Valmont, dans plusieurs grandes villes et la zone proche du "
                   "front.", PUB)
    assert "l'instauration de la loi martiale, ainsi qu'un couvre-feu à Valmont, dans plusieurs grandes villes et " \
        "la zone proche du front" in indirect(rows), rows["speakers"]
