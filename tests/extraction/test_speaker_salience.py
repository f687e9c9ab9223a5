"""Speakers round 2: salience of a name inside a relative clause, an incise that repeats a frame, titles
that only govern a complement, judgements passed by a passive participle (sentences written for the tests,
invented people)."""
from datetime import date

import pytest

from .conftest import speaker_of

PUB = date(2024, 3, 10)


def test_an_incise_repeating_a_named_frame_adds_no_row(extract):
    text = ("Le ministre Anton Berg a reçu Ingrid Falk lundi. Dans une rencontre avec des journalistes mardi, "
            "l'ambassadeur de Suède à Oslo Paul Girard a affirmé qu'\"aucune carte unilatérale n'est valable "
            "dans ce cadre\", a-t-il dit.")
    rows = extract(text, PUB)
    assert rows["speakers"] == [("aucune carte unilatérale n'est valable dans ce cadre", "direct", "Paul Girard")]


def test_a_nationality_of_the_sentence_before_is_not_the_next_name_s(extract):
    text = ("Les discussions ont lieu dans un palais de la capitale autrichienne.\n\n"
            "L'ambassadeur Paul Girard mène les discussions.")
    rows = extract(text, PUB)
    (girard,) = [e for e in rows["entities"] if e["name"] == "Paul Girard"]
    assert girard["country_code"] is None


def test_a_coordinated_passive_participle_speaks_for_its_agent(extract):
    text = ("Hugo Lemaire a salué jeudi une réforme lui permettant de rester en poste, un vote critiqué à "
            "l'étranger et qualifié de \"mascarade\" par l'opposition.")
    rows = extract(text, PUB)
    hits = [s for s in rows["statements"] if s["text"] == "mascarade"]
    assert hits and hits[0]["speaker_entity_idx"] is None and hits[0]["speaker_text"] == "l'opposition"


def test_a_judgement_passed_by_nobody_named_is_nobody_s(extract):
    text = ("Paul Girard a dénoncé la réforme. Une mesure jugée \"scandaleuse\". Hugo Lemaire s'est montré "
            "prudent. \"Nous verrons\", a-t-il dit. Il a jugé \"prématuré\" de conclure.")
    rows = extract(text, PUB)
    assert speaker_of(rows, "scandaleuse") is None
    assert speaker_of(rows, "prématuré") == "Hugo Lemaire"


@pytest.mark.parametrize("text, fragment, speaker", [
    # a subject inside a relative clause is no topic for the next pronoun
    ("Hugo Lemaire a dénoncé mardi une « cabale » contre lui. « Je n'ai rien à me reprocher », a-t-il "
     "déclaré devant la presse. Quant à l'affaire des marchés publics, dans laquelle Paul Girard est mis "
     "en examen contrairement à lui, il assure qu'il n'en savait rien.",
     "n'en savait rien", "Hugo Lemaire"),
    # a title governing a name as its complement does not title that name
    ("Le président suédois Anton Berg veut un nouvel accord.\n\n"
     "L'ambassadeur suédois Paul Girard, représentant du président suédois pour le désarmement, mène les "
     "discussions à Vienne.\n\n"
     "Paul Girard a déploré lundi \"l'absence\" de délégation chinoise en publiant une photo.\n\n"
     "\"Pékin se cache derrière le secret\", a commenté le représentant suédois dans ce message.",
     "se cache derrière", "Paul Girard"),
    # a quotation no frame reports takes the subject pronoun of its own clause
    ("Clara Vidal a dénoncé mardi la réforme des retraites. Hugo Lemaire a défendu le texte devant les "
     "députés. Selon l'opposition, la réforme est \"un mensonge\". Dans une allocution télévisée, il a "
     "adressé \"un grand merci\" aux électeurs.",
     "un grand merci", "Hugo Lemaire"),
    # the subject pronoun of a quotation's clause is not its own complement
    ("Le président Hugo Lemaire a présidé mardi une cérémonie militaire au Mont-Valérien.\n\n"
     "Au Mont-Valérien, il a enfin salué plusieurs responsables politiques.\n\n"
     "A son prédécesseur Paul Girard, qu'il consulte régulièrement, il a glissé \"je vous vois bientôt\".",
     "je vous vois bientôt", "Hugo Lemaire"),
    # a relative on 'ce' sums up the sentence before: its subject is the one the story goes on with
    ("Le ministre japonais de la Défense a dénoncé des tirs \"très regrettables\". Oslo avait déjà lancé en mai "
     "des engins similaires, ses premiers tests depuis novembre 2017, ce que Paul Girard avait balayé d'un revers "
     "de la main. Il s'agissait de \"quelque chose de très banal\", avait-il dit.",
     "très banal", "Paul Girard"),
])
def test_the_salient_speaker(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker
