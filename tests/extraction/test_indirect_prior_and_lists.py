"""Indirect statements on sentences written for these tests: an infinitive cue after 'avant de' (a verbless
sentence on the subject of the one before, an adjunct on the main clause's subject; not under an impersonal
verb), and a list 'A, B et C' inside a content that the parser splits at its first comma.
"""
from datetime import date

import pytest

PUB = date(2025, 3, 14)


def indirect(rows):
    return [(t, spk) for t, typ, spk in rows["speakers"] if typ == "indirect"]


# 'avant de' + a cue infinitive ---------------------------------------------------------------------------

def test_verbless_avant_de_sentence_reports_for_the_subject_before(extract):
    rows = extract("Anton Berg a rencontré les syndicats lundi à Lyon. Avant d'estimer que la situation restait "
                   "très fragile dans la région.", PUB)
    assert indirect(rows) == [("la situation restait très fragile dans la région", "Anton Berg")], rows["speakers"]


@pytest.mark.parametrize("sentence", [
    "Avant d'affirmer que la situation restait très fragile, Ingrid Falk a rencontré les syndicats.",
    "Ingrid Falk a rencontré les syndicats avant d'affirmer que la situation restait très fragile.",
])
def test_avant_de_adjunct_reports_for_the_main_subject(extract, sentence):
    rows = extract(sentence, PUB)
    assert indirect(rows) == [("la situation restait très fragile", "Ingrid Falk")], rows["speakers"]


def test_avant_de_under_an_impersonal_verb_reports_nothing(extract):
    rows = extract("Il faut attendre les résultats avant de dire que la réforme de Clara Vidal a échoué.", PUB)
    assert indirect(rows) == [], rows["speakers"]


# a list 'A, B et C' the parser splits at its first comma ---------------------------------------------------

@pytest.mark.parametrize("sentence, content", [
    ("Paul Girard a appelé les parties à s'entendre sur les étapes, les questions logistiques et les garanties "
     "sécuritaires.",
     "les parties à s'entendre sur les étapes, les questions logistiques et les garanties sécuritaires"),
])
def test_list_after_a_comma_goes_on_with_the_content(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert [t for t, _ in indirect(rows)] == [content], rows["speakers"]


def test_postposed_avant_de_quotation_is_one_direct_row(extract):
    # an infinitive adjunct after its verb has no main clause after it: its quotation is not cut at its comma
    rows = extract("\"Ce n'était pas une visite politique\", a assuré Paul Girard, avant d'ajouter : \"Je lui ai "
                   "parlé de notre ville et de la crise, on a évoqué l'avenir du port depuis l'incendie.\"", PUB)
    assert indirect(rows) == [], rows["speakers"]


# 'selon ce dernier': the demonstrative and 'dernier' stand for the one named last --------------------------

def test_selon_cette_derniere_is_a_source(extract):
    rows = extract("Paul Girard a reçu Clara Vidal mardi. Selon cette dernière, la réforme sera retirée avant l'été.",
                   PUB)
    assert indirect(rows) == [("la réforme sera retirée avant l'été", "Clara Vidal")], rows["speakers"]


# 'selon les confidences de X': the noun for what was said hands the source on to X -------------------------

@pytest.mark.parametrize("phrase, speaker", [
    ("Selon les confidences de son entourage", "son entourage"),
    ("Selon les explications de son porte-parole", "son porte-parole"),
])
def test_speech_noun_of_a_source(extract, phrase, speaker):
    rows = extract(f"{phrase}, Clara Vidal aurait sollicité une rencontre avec le président.", PUB)
    found = [(s["text"], s["speaker_text"]) for s in rows["statements"] if s["statement_type"] == "indirect"]
    assert found == [("Clara Vidal aurait sollicité une rencontre avec le président", speaker)], found


def test_terms_of_an_agreement_are_no_source(extract):
    rows = extract("Selon les termes de l'accord, Clara Vidal restera ministre pendant dix-huit mois.", PUB)
    assert indirect(rows) == [], rows["speakers"]


# 'ce qu'il a appelé X': the relative 'que' is the object, X the name given — no appeal -------------------

def test_ce_que_x_a_appele_names_and_reports_no_appeal(extract):
    rows = extract("Clara Vidal a critiqué ce qu'elle a appelé une manoeuvre électorale à quelques jours du scrutin.",
                   PUB)
    assert [t for t, _ in indirect(rows) if t.startswith("une manoeuvre")] == [], rows["speakers"]


# 'X, pour qui Y' is X's view unless Y has a verb of saying with a subject of its own ----------------------

def test_pour_qui_with_its_own_verb_of_saying_is_no_source(extract):
    rows = extract("Clara Vidal avait déjà pris ses distances avec Paul Girard, pour qui elle avait dit qu'elle ne "
                   "voterait pas au second tour.", PUB)
    assert [t for t, _ in indirect(rows)] == ["elle ne voterait pas au second tour"], rows["speakers"]


def test_pour_qui_without_a_verb_of_saying_stays_a_source(extract):
    rows = extract("Le vote a suscité la préoccupation d'Anton Berg, pour qui le pays doit affirmer sa place en "
                   "Europe.", PUB)
    assert indirect(rows) == [("le pays doit affirmer sa place en Europe", "Anton Berg")], rows["speakers"]
