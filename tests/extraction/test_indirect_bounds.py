"""Where an indirect statement starts and ends, and who says it, on sentences written for these tests:
a fronted participle whose main-clause subject the parser hangs on the content as an apposition, a date
between an incise's verb and its inverted subject, and a cue inside a relative clause on its object.
"""
from datetime import date

import pytest

from .conftest import speaker_of

PUB = date(2025, 3, 14)
CONTROL = "\n\nLe ministre a déclaré que la réforme avançait."


def indirect(rows):
    return [(t, spk) for t, typ, spk in rows["speakers"] if typ == "indirect"]


# a fronted participle: its content ends before the main clause's subject and its appositions ------------

@pytest.mark.parametrize("sentence, content", [
    ("Dénonçant une atteinte sans précédent à la liberté de la presse, l'ONG Vigie, spécialisée dans la défense "
     "des journalistes, a reçu plus de 300 signalements.", "une atteinte sans précédent à la liberté de la presse"),
    ("Dénonçant une ingérence \"sans précédent\" dans la vie politique du pays, l'ONG Vigie, spécialisée dans la "
     "défense des électeurs, a recensé plus de 800 plaintes.",
     "une ingérence \"sans précédent\" dans la vie politique du pays"),
    ("Dénonçant un recul \"sans précédent\" des libertés publiques, l'association Clarté, fondée en 1990, a publié "
     "un rapport accablant.", "un recul \"sans précédent\" des libertés publiques"),
])
def test_fronted_participle_ends_before_an_apposed_subject(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert [t for t, _ in indirect(rows)][:1] == [content], rows["speakers"]


# a date between the incise's verb and the inverted subject -----------------------------------------------

@pytest.mark.parametrize("incise, speaker", [
    ("a révélé le 17 mars le quotidien", "le quotidien"),
    ("révèle ce 22 décembre le quotidien", "le quotidien"),
    ("a précisé le 3 juin le ministère", "le ministère"),
])
def test_incise_with_a_date_before_the_inverted_subject(extract, incise, speaker):
    rows = extract(f"Hugo Lemaire a envoyé un courrier à ses homologues nordiques, {incise}.", PUB)
    found = [(s["text"], s["speaker_text"]) for s in rows["statements"]]
    assert found == [("Hugo Lemaire a envoyé un courrier à ses homologues nordiques", speaker)], found


def test_incise_with_a_date_before_a_named_speaker(extract):
    rows = extract("Les deux pays reprendront leurs échanges en mai, a indiqué le 3 juin Ingrid Falk.", PUB)
    assert speaker_of(rows, "Les deux pays reprendront") == "Ingrid Falk"


# a cue whose object is the relative pronoun: the words after it are an attribute, not a report ---------

@pytest.mark.parametrize("sentence", [
    "Le traité qu'il juge caduc, et que Clara Vidal défend, sera renégocié.",
    "La guerre, qu'il qualifie de génocide, dure depuis deux ans.",
    "L'accord, qu'il jugeait insuffisant, a été abandonné par Anton Berg.",
])
def test_attribute_of_a_relative_object_is_no_statement(extract, sentence):
    rows = extract(sentence + CONTROL, PUB)
    assert [t for t, _ in indirect(rows)] == ["la réforme avançait"], rows["speakers"]


def test_quoted_attribute_of_a_relative_object_keeps_its_speaker(extract):
    rows = extract("Paul Girard a répondu à la crise, qu'il a qualifiée de « psychose », par un discours.", PUB)
    assert ("psychose", "direct", "Paul Girard") in rows["speakers"], rows["speakers"]


@pytest.mark.parametrize("sentence, content", [
    ("Le pays voisin, qu'il accuse de complaisance envers les rebelles, a fermé sa frontière.",
     "de complaisance envers les rebelles"),
    ("Le traité qu'Anton Berg a menacé de déchirer sera renégocié.", "de déchirer"),
])
def test_content_of_de_after_a_relative_object_stays(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert content in [t for t, _ in indirect(rows)], rows["speakers"]


def test_attribute_after_a_named_object_still_reports(extract):
    rows = extract("Paul Girard a jugé insuffisant l'accord conclu mardi.", PUB)
    assert [t for t, _ in indirect(rows)] == ["insuffisant l'accord conclu mardi"]


# 'et' joining words inside the content is no new clause of the narrator before the next speaker ---------

@pytest.mark.parametrize("sentence, content", [
    ("Demandant des élections libres et équitables, Ingrid Falk a appelé ses partisans au calme.",
     "des élections libres et équitables"),
    ("Le ministre a dénoncé la corruption et l'inaction du gouvernement, Hugo Lemaire a prévenu que "
     "rien ne changerait.", "la corruption et l'inaction du gouvernement"),
])
def test_coordination_inside_the_content_before_a_new_speaker(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert content in [t for t, _ in indirect(rows)], rows["speakers"]


# a speech noun that is the subject of the main verb: its que-clause ends before that verb -----------------

@pytest.mark.parametrize("sentence, content", [
    ("L'annonce par Anton Berg que la frontière serait fermée a surpris les voisins.", "la frontière serait fermée"),
    ("L'annonce par le gouvernement qu'il allait augmenter les impôts a provoqué la colère des syndicats.",
     "il allait augmenter les impôts"),
    ("Le marché a chuté après l'annonce par Anton Berg que la frontière serait fermée.", "la frontière serait fermée"),
])
def test_que_clause_of_a_subject_speech_noun_ends_before_the_main_verb(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert [t for t, _ in indirect(rows)] == [content], rows["speakers"]


# a present participle the tagger calls a past one ('prédisant' after a participial aside) still reports -----

@pytest.mark.parametrize("sentence, content", [
    ("Hugo Lemaire a rejoint le mouvement Les Rouges, créé par Paul Girard après son départ du parti, "
     "prédisant que le PS allait disparaître.", "le PS allait disparaître"),
])
def test_present_participle_mistagged_as_past_still_reports(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert (content, "Hugo Lemaire") in indirect(rows), rows["speakers"]


# a medial 'selon X,' inside a clause the words after it finish: the content is the whole clause ------------

@pytest.mark.parametrize("sentence, content", [
    ("Les conseillers du président oscillaient, d'après l'ancien ministre Paul Girard, entre colère et résignation.",
     "Les conseillers du président oscillaient, d'après l'ancien ministre Paul Girard, entre colère et résignation"),
    ("Le dossier semble être l'un des sujets sur lesquels, selon Hugo Lemaire, les deux camps ont rapproché "
     "leurs positions.", "Le dossier semble être l'un des sujets sur lesquels, selon Hugo Lemaire, les deux camps "
     "ont rapproché leurs positions"),
    ("L'incendie a touché un hangar où avaient été entreposées, selon les pompiers, 300 tonnes d'engrais.",
     "L'incendie a touché un hangar où avaient été entreposées, selon les pompiers, 300 tonnes d'engrais"),
    ("Le régime a multiplié les manœuvres, selon des analystes, pour s'assurer une victoire écrasante.",
     "Le régime a multiplié les manœuvres, selon des analystes, pour s'assurer une victoire écrasante"),
])
def test_medial_source_inside_an_unfinished_clause_reports_the_whole_clause(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert [t for t, _ in indirect(rows)] == [content], rows["speakers"]


@pytest.mark.parametrize("sentence, content", [
    ("Le ministre a démissionné, selon le porte-parole, Paul Girard.", "Le ministre a démissionné"),
    ("Le ministre a été blessé, selon l'armée, lors d'une embuscade.", "Le ministre a été blessé"),
])
def test_medial_source_before_words_on_the_source_keeps_the_clause_before(extract, sentence, content):
    rows = extract(sentence + CONTROL, PUB)
    assert [t for t, _ in indirect(rows)] == [content, "la réforme avançait"], rows["speakers"]


# an adjunct set off by commas right after the content's verb: the verb's object or complement follows -----

@pytest.mark.parametrize("sentence, content", [
    ("Hugo Lemaire a affirmé que son homologue Anton Berg lui avait promis, lors d'un entretien téléphonique, "
     "son aide pour sécuriser la frontière.",
     "son homologue Anton Berg lui avait promis, lors d'un entretien téléphonique, son aide pour sécuriser la frontière"),
    ("Le gouvernement a annoncé qu'il renonçait, en raison de la pandémie, à organiser ce sommet en présence "
     "des chefs d'Etat.", "il renonçait, en raison de la pandémie, à organiser ce sommet en présence des chefs d'Etat"),
])
def test_medial_adjunct_after_the_verb_keeps_its_object_in_the_content(extract, sentence, content):
    rows = extract(sentence, PUB)
    assert [t for t, _ in indirect(rows)] == [content], rows["speakers"]


def test_adjunct_before_an_absolute_clause_still_ends_the_content(extract):
    rows = extract("Hugo Lemaire a déclaré que le soldat avait été tué, lors de l'attaque, des tirs ayant visé "
                   "le camp." + CONTROL, PUB)
    assert [t for t, _ in indirect(rows)] == ["le soldat avait été tué", "la réforme avançait"], rows["speakers"]
