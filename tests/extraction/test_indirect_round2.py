"""Indirect statements on sentences written for these tests: a purpose infinitive after a relative aside
inside the content, plural demonstrative sources, a closing 'selon X' the parser hangs on a noun, counted
groups after 'pour', 'on y voit', and short noun-phrase contents of verbs of claim and demand.
"""
from datetime import date

import pytest

PUB = date(2025, 3, 14)


def indirect(rows):
    return [(t, spk) for t, typ, spk in rows["speakers"] if typ == "indirect"]


# a relative aside inside the content, then a purpose infinitive ------------------------------------------

@pytest.mark.parametrize("sentence, content", [
    ("Ingrid Falk a exhorté Anton Berg à faire pression sur Paul Girard, dont il est un allié essentiel, afin de "
     "favoriser le dialogue avec l'opposition.",
     "Anton Berg à faire pression sur Paul Girard, dont il est un allié essentiel, afin de favoriser le dialogue "
     "avec l'opposition"),
    ("Hugo Lemaire a appelé Anton Berg à faire pression sur le chef de l'Etat Paul Girard, dont il est un allié "
     "essentiel, pour favoriser un dialogue avec les syndicats.",
     "Anton Berg à faire pression sur le chef de l'Etat Paul Girard, dont il est un allié essentiel, pour favoriser "
     "un dialogue avec les syndicats"),
])
def test_purpose_after_a_relative_aside_goes_on_with_the_content(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert [t for t, _ in indirect(rows)] == [content], rows["speakers"]


def test_purpose_after_the_content_without_an_aside_is_still_cut(extract):
    rows = extract("Hugo Lemaire a appelé Anton Berg à la retenue, pour éviter une escalade.", PUB)
    assert [t for t, _ in indirect(rows)] == ["Anton Berg à la retenue"], rows["speakers"]


# plural demonstratives as sources -------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["Selon ces derniers", "D'après ces derniers", "Selon ceux-ci"])
def test_plural_demonstrative_source_reports(extract, source):
    rows = extract(f"Le quotidien cite des responsables du port. {source}, les seules perturbations sont de rares "
                   "incidents sans gravité.", PUB)
    assert [t for t, _ in indirect(rows)] == ["les seules perturbations sont de rares incidents sans gravité"], \
        rows["speakers"]


# a closing 'selon X' with no comma --------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, content", [
    ("Les troupes quitteront la région avant la fin du mois selon Hugo Lemaire.",
     "Les troupes quitteront la région avant la fin du mois"),
    ("Le texte a été adopté à une large majorité selon des diplomates.", "Le texte a été adopté à une large majorité"),
    ("Le plan de Paul Girard sera retiré selon le ministre de l'Intérieur.", "Le plan de Paul Girard sera retiré"),
])
def test_closing_selon_without_comma_reports(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert [t for t, _ in indirect(rows)] == [content], rows["speakers"]


def test_closing_selon_a_rule_reports_nothing(extract):
    rows = extract("Les visiteurs ont été accueillis dans la salle selon le protocole.", PUB)
    assert indirect(rows) == [], rows["speakers"]


# 'pour' + a counted group; 'on y voit' ---------------------------------------------------------------------

def test_pour_a_counted_group_of_countries_is_no_source(extract):
    rows = extract("Pour ces douze Etats, le montant total des échéances reportées atteint deux milliards.", PUB)
    assert indirect(rows) == [], rows["speakers"]


def test_pour_a_counted_group_of_people_is_a_source(extract):
    rows = extract("Pour les deux ministres, cette décision est inacceptable.", PUB)
    assert [t for t, _ in indirect(rows)] == ["cette décision est inacceptable"], rows["speakers"]


def test_on_y_voit_is_no_view(extract):
    rows = extract("La vidéo a été publiée lundi. On y voit Hugo Lemaire serrer la main de Paul Girard.", PUB)
    assert indirect(rows) == [], rows["speakers"]


def test_y_voir_with_a_speaker_is_a_view(extract):
    rows = extract("Hugo Lemaire y voit une provocation inacceptable.", PUB)
    assert indirect(rows) == [("une provocation inacceptable", "Hugo Lemaire")], rows["speakers"]


# short noun-phrase contents of verbs of claim and demand ---------------------------------------------------

@pytest.mark.parametrize("sentence, content", [
    ("Clara Vidal a une nouvelle fois clamé son innocence.", "son innocence"),
    ("Anton Berg a réclamé son acquittement.", "son acquittement"),
    ("Paul Girard exige leur libération.", "leur libération"),
])
def test_short_claim_or_demand_is_a_content(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert [t for t, _ in indirect(rows)] == [content], rows["speakers"]


def test_short_object_of_other_verbs_stays_a_topic(extract):
    rows = extract("Clara Vidal a évoqué la situation.", PUB)
    assert indirect(rows) == [], rows["speakers"]


# an adverb between the comma and a closing source phrase; a quotation after a colon with its own incise ------

@pytest.mark.parametrize("sentence, content", [
    ("Paris dispose de 300 ogives et Londres de 215, toujours selon l'institut suédois.",
     "Paris dispose de 300 ogives et Londres de 215"),
    ("Le nombre de victimes a dépassé 200, toujours d'après Hugo Lemaire.", "Le nombre de victimes a dépassé 200"),
])
def test_adverb_before_a_closing_source_goes_with_the_source(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert [t for t, _ in indirect(rows)] == [content], rows["speakers"]


def test_quotation_after_a_colon_with_its_own_inverted_incise_is_no_indirect_row(extract):
    rows = extract("Hugo Lemaire a provoqué la colère du gouvernement voisin : \"Ces déclarations sont "
                   "surprenantes\", peut-on lire dans une note de la présidence.", PUB)
    assert indirect(rows) == [], rows["speakers"]


# a cue after the comma that closes an aside on the content's subject; a purpose after a passive cue ---------

def test_cue_after_an_aside_on_the_content_subject_goes_on_with_the_content(extract):
    rows = extract("Hugo Lemaire a déclaré qu'une trentaine d'ONG, réunies au sein du réseau, avaient annoncé leur "
                   "refus de participer au sommet.", PUB)
    assert ("une trentaine d'ONG, réunies au sein du réseau, avaient annoncé leur refus de participer au sommet",
            "Hugo Lemaire") in indirect(rows), rows["speakers"]


def test_purpose_infinitive_after_a_passive_cue_is_no_content(extract):
    rows = extract("Ces succès ont signé l'échec de l'offensive lancée en avril par le général Paul Girard pour "
                   "s'emparer de la capitale.", PUB)
    assert indirect(rows) == [], rows["speakers"]
