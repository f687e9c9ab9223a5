"""French date expressions, resolved against an article date (sentences written for the tests)."""
from datetime import date

import pytest

from dagster_project.extraction.dates import find_dates, infer_publication_date

REF = date(2023, 3, 9)  # a Thursday


def only(text, ref=REF):
    found = [d for d in find_dates(text, ref=ref) if d.value is not None]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, expected, precision", [
    ("Le sommet s'est tenu ce 16 février à Vienne.", date(2023, 2, 16), "day"),
    ("Les ministres se verront vendredi 1er décembre 2023.", date(2023, 12, 1), "day"),
    ("Il a reçu son homologue mardi à Rome.", date(2023, 3, 7), "day"),
    ("La rencontre a eu lieu jeudi.", date(2023, 3, 9), "day"),
    ("Les deux présidents s'étaient vus en septembre 2021.", date(2021, 9, 1), "month"),
    ("Ils s'étaient parlé l'année dernière.", date(2022, 1, 1), "year"),
    ("Le président était venu en juillet dernier.", date(2022, 7, 1), "month"),
    ("Le président viendra en avril prochain.", date(2023, 4, 1), "month"),
    # a stay of several days: its first day
    ("Le ministre a séjourné à Pékin entre le 2 et le 4 mars.", date(2023, 3, 2), "day"),
    ("Les deux présidents se verront les 16 et 17 mai à Séoul.", date(2023, 5, 16), "day"),
    ("Le forum des 16 et 17 mai à Séoul est reporté.", date(2023, 5, 16), "day"),
    ("La délégation est arrivée hier soir.", date(2023, 3, 8), "day"),
    ("Un accord signé en 2019 a été rompu.", date(2019, 1, 1), "year"),
    ("La conférence de février a échoué.", date(2023, 2, 1), "month"),
    ("Le sommet de novembre avait échoué.", date(2022, 11, 1), "month"),
    ("Ils se sont vus le mois dernier à Genève.", date(2023, 2, 1), "month"),
    ("Il s'est rendu à Oman la semaine dernière.", date(2023, 3, 1), "month"),
])
def test_date_forms(text, expected, precision):
    found = only(text)
    assert (found.value, found.precision) == (expected, precision)


def test_day_month_without_year_takes_the_nearest_year():
    assert only("Il était à Paris le 28 décembre.", ref=date(2024, 1, 3)).value == date(2023, 12, 28)


def test_weekday_beside_a_date_chooses_the_year():
    # 1er novembre fell on a Wednesday in 2023 and a Friday in 2024
    assert only("vendredi 1er novembre", ref=date(2024, 2, 1)).value == date(2024, 11, 1)


def test_impossible_date_is_not_invented():
    found = {d.text: d.value for d in find_dates("le 31 février et le 3 mars", ref=REF) if d.kind == "absolute"}
    assert found == {"31 février": None, "3 mars": date(2023, 3, 3)}


def test_offsets_point_into_the_text():
    text = "Les chefs de la diplomatie se sont parlé mardi 14 mars 2023 au téléphone."
    (found,) = find_dates(text, ref=REF)
    assert text[found.start:found.end] == "mardi 14 mars 2023"


def test_publication_date_from_metadata_wins():
    assert infer_publication_date("Texte du 3 mai 2020.", "2021-06-02T10:00:00+02:00").value == date(2021, 6, 2)


def test_publication_date_from_a_dateline():
    got = infer_publication_date("(Berlin, 12 octobre 2022). Le chancelier a reçu son hôte.")
    assert got.value == date(2022, 10, 12) and "dateline" in got.basis


def test_publication_date_from_month_metadata_and_a_dated_sentence():
    got = infer_publication_date("Ce 5 mai, la ministre a reçu son homologue.", "2022-05")
    assert got.value == date(2022, 5, 5)


def test_publication_date_from_weekday_after_the_latest_date():
    text = ("Le ministre a séjourné à Tokyo entre le 3 et le 5 avril 2023, "
            "a annoncé samedi l'agence officielle, qui publie un compte rendu.")
    got = infer_publication_date(text)
    assert got.value == date(2023, 4, 8)  # the Saturday after Wednesday 5 April 2023


def test_publication_date_unknown_is_said():
    got = infer_publication_date("Aucune date ici.")
    assert got.value is None and got.basis == "no date found"


def test_dates_found_by_the_component_resolve_like_a_fresh_search():
    from dagster_project.extraction.dates import date_spans, dates_at

    text = ("Le 3 mai 2022, puis du 4 au 6 juin, mardi dernier, hier et le 12/07/2021 ; "
            "en 2019 et le mois dernier, le 2021-03-04.")
    assert dates_at(text, date_spans(text), ref=REF) == find_dates(text, ref=REF)


@pytest.mark.parametrize("phrase, expected", [
    ("jeudi dernier", date(2024, 3, 7)),  # the reference is a Thursday: last week's, not today
    ("jeudi prochain", date(2024, 3, 21)),
    ("mercredi dernier", date(2024, 3, 13)),
    ("lundi prochain", date(2024, 3, 18)),
])
def test_weekday_with_dernier_or_prochain_is_never_the_reference_day(phrase, expected):
    (found,) = find_dates(f"Le ministre a reçu son homologue {phrase} à Rome.", ref=date(2024, 3, 14))
    assert (found.value, found.precision) == (expected, "day")
