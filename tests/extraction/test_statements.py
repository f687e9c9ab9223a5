"""Quotes and indirect speech with their speakers, on sentences written for the tests."""
from datetime import date

import pytest

from .conftest import speaker_entity_of_only_statement, speaker_of

PUB = date(2022, 3, 15)


@pytest.mark.parametrize("text, fragment, speaker", [
    # postposed verb, inverted subject
    ("« Nous ne céderons rien sur la souveraineté », a déclaré Angela Merkel.", "céderons", "Angela Merkel"),
    # present-tense inverted incise
    ("« Les discussions avancent bien », confirme Emmanuel Macron.", "discussions avancent", "Emmanuel Macron"),
    ("« Rien n'est décidé », poursuit Emmanuel Macron devant la presse.", "Rien n'est", "Emmanuel Macron"),
    # canonical order with a colon
    ("Emmanuel Macron a déclaré : « La France restera aux côtés de ses alliés ».", "France restera", "Emmanuel Macron"),
    # selon X
    ("Selon Angela Merkel, « l'Europe doit parler d'une seule voix ».", "Europe doit", "Angela Merkel"),
    # straight and curly quotes
    ('"Le dialogue reste ouvert", a assuré Emmanuel Macron.', "dialogue reste", "Emmanuel Macron"),
    ("“Le dialogue reste ouvert”, a estimé Angela Merkel.", "dialogue reste", "Angela Merkel"),
])
def test_direct_quote_word_orders(extract, text, fragment, speaker):
    rows = extract(text, PUB)
    assert speaker_of(rows, fragment) == speaker
    assert any(s[1] == "direct" and fragment in s[0] for s in rows["speakers"])


def test_pronoun_speaker_agrees_in_gender(extract):
    text = ("Angela Merkel a reçu Emmanuel Macron à Berlin. "
            "« Nous avons beaucoup à faire ensemble », a-t-elle insisté.")
    assert speaker_of(extract(text, PUB), "beaucoup à faire") == "Angela Merkel"


def test_pronoun_speaker_masculine(extract):
    text = ("Angela Merkel a reçu Emmanuel Macron à Berlin. "
            "« La relation franco-allemande est solide », a-t-il ajouté.")
    assert speaker_of(extract(text, PUB), "franco-allemande") == "Emmanuel Macron"


def test_indirect_speech_after_que(extract):
    rows = extract("Emmanuel Macron a affirmé mardi que la France soutiendrait l'accord de paix.", PUB)
    texts = [(t, typ) for t, typ, _ in rows["speakers"]]
    assert ("la France soutiendrait l'accord de paix", "indirect") in texts
    assert speaker_of(rows, "soutiendrait") == "Emmanuel Macron"


def test_nominal_complement_is_reported_content(extract):
    rows = extract("Angela Merkel a salué les progrès accomplis par les deux pays.", PUB)
    assert ("les progrès accomplis par les deux pays", "indirect", "Angela Merkel") in rows["speakers"]


def test_participle_clause_keeps_the_main_speaker(extract):
    text = ("« Le texte est prêt », a déclaré Emmanuel Macron, ajoutant que la signature aurait lieu en mai.")
    rows = extract(text, PUB)
    assert speaker_of(rows, "signature aurait lieu") == "Emmanuel Macron"


def test_mixed_quotation_gives_fragment_and_clause(extract):
    rows = extract("Angela Merkel a estimé que la rencontre avait été « très constructive » pour les deux pays.", PUB)
    kinds = {(t, typ) for t, typ, spk in rows["speakers"] if spk == "Angela Merkel"}
    assert ("très constructive", "direct") in kinds
    assert any(typ == "indirect" and "« très constructive »" in t for t, typ in kinds)


def test_negated_reporting_is_not_a_statement(extract):
    rows = extract("Emmanuel Macron n'a pas indiqué quand il se rendrait à Moscou. "
                   "Angela Merkel a affirmé que la visite était utile.", PUB)
    assert [(t, spk) for t, _, spk in rows["speakers"]] == [("la visite était utile", "Angela Merkel")]


def test_quote_spanning_two_sentences_is_one_row(extract):
    text = "« Nous voulons la paix. Mais pas à n'importe quel prix », a prévenu Angela Merkel."
    rows = extract(text, PUB)
    direct = [s for s in rows["speakers"] if s[1] == "direct"]
    assert direct == [("Nous voulons la paix. Mais pas à n'importe quel prix", "direct", "Angela Merkel")]


@pytest.mark.parametrize("text, name", [
    ("Le ministre a accordé un entretien au quotidien « Die Welt » lundi.", "Die Welt"),
    ("Les députés du parti « Renaissance » ont voté le texte.", "Renaissance"),
    ("L'opération « Barkhane » a pris fin en novembre.", "Barkhane"),
])
def test_quoted_names_are_not_statements(extract, text, name):
    rows = extract(text + " « Nous verrons bien », a déclaré Emmanuel Macron.", PUB)
    assert speaker_of(rows, "Nous verrons bien") == "Emmanuel Macron"  # the extraction did run
    assert not [s["text"] for s in rows["statements"] if name in s["text"]]


@pytest.mark.parametrize("text", [
    "La ministre Anne Dubois s'est dite « très préoccupée ».",
    "La ministre Anne Dubois a dit être « très préoccupée ».",
    "Interrogée mardi, la ministre Anne Dubois se dit « très préoccupée ».",
])
def test_a_quote_after_se_dire_or_dit_etre_is_speech_not_a_name(extract, text):
    rows = extract(text, PUB)
    assert [(s["text"], s["statement_type"]) for s in rows["statements"]] == [("très préoccupée", "direct")]
    assert speaker_of(rows, "très préoccupée") == "Anne Dubois"
    # the other "dit": a nickname, no statement
    assert extract("Le chanteur Paul Girard, dit « le Tigre », est arrivé.", PUB)["statements"] == []


def test_offsets_point_at_the_stored_text(extract):
    text = "« Nous restons prudents », a dit Angela Merkel. Emmanuel Macron a estimé que la crise durerait."
    rows = extract(text, PUB)
    assert {s["statement_type"] for s in rows["statements"]} == {"direct", "indirect"}
    for s in rows["statements"]:
        assert text[s["char_start"]:s["char_end"]] == s["text"]
        if s["speaker_char_start"] is not None:
            assert text[s["speaker_char_start"]:s["speaker_char_end"]] == s["speaker_text"]


def test_pour_x_attributes_the_clause(extract):
    rows = extract("Pour Angela Merkel, « l'accord doit être respecté par tous ».", PUB)
    assert speaker_of(rows, "accord doit") == "Angela Merkel"


def test_passive_agent_is_the_speaker(extract):
    rows = extract("L'Iran a été accusé par la France de violer ses engagements nucléaires.", PUB)
    assert ("de violer ses engagements nucléaires", "indirect", "France") in rows["speakers"]


def test_incise_without_quotes_reports_the_clause_before(extract):
    rows = extract("L'Europe doit rester unie face à la crise, a estimé Emmanuel Macron, avant de partir.", PUB)
    assert ("L'Europe doit rester unie face à la crise", "indirect", "Emmanuel Macron") in rows["speakers"]


def test_relay_media_is_not_the_speaker(extract):
    text = "« Nous ne céderons pas », a déclaré Emmanuel Macron, selon l'AFP."
    rows = extract(text, PUB)
    (st,) = [s for s in rows["statements"] if s["statement_type"] == "direct"]
    names = rows["names"]
    assert names[st["speaker_entity_idx"]] == "Emmanuel Macron"
    assert names[st["reported_via_entity_idx"]] == "Agence France-Presse"


def test_speech_noun_before_a_colon(extract):
    text = "Pedro Sánchez a lancé un avertissement dans un entretien : l'Espagne ne cédera sur rien."
    rows = extract(text, PUB)
    assert speaker_of(rows, "Espagne ne cédera") == "Pedro Sánchez"


def test_headline_quote_takes_the_speaker_of_the_body(extract):
    text = ("Un partenariat « sans précédent »\n\n"
            "« Ce partenariat est sans précédent dans notre histoire », a affirmé Emmanuel Macron.")
    rows = extract(text, PUB)
    assert [spk for t, typ, spk in rows["speakers"] if t == "sans précédent"] == ["Emmanuel Macron"]


def test_boilerplate_lines_give_no_statements(extract):
    text = ("A lire : « Nous gagnerons », promet le président\n\n"
            "« Le dialogue continue », a déclaré Emmanuel Macron.")
    assert [s["text"] for s in extract(text, PUB)["statements"]] == ["Le dialogue continue"]


def test_a_quoted_label_with_nobody_saying_it_is_not_a_statement(extract):
    rows = extract("Le texte prévoit un mécanisme de « retour rapide » en cas de violation. "
                   "Angela Merkel a estimé que le texte était équilibré.", PUB)
    assert speaker_of(rows, "texte était équilibré") == "Angela Merkel"  # the extraction did run
    assert not [s["text"] for s in rows["statements"] if "retour rapide" in s["text"]]


@pytest.mark.parametrize("text, label", [
    # the elided article glued to the naming noun
    ("L'armée a lancé l'opération « Tempête du désert » samedi. Hugo Lemaire a estimé que l'offensive était "
     "risquée.", "Tempête du désert"),
    # a naming noun the list had not, and one adjective between a naming noun and the title
    ("La série « Les Années noires » revient à l'antenne. Hugo Lemaire a estimé que l'offensive était risquée.",
     "Années noires"),
    ("L'armée a lancé l'opération militaire « Aube rouge ». Hugo Lemaire a estimé que l'offensive était risquée.",
     "Aube rouge"),
    # a title in sentence case after a definite article, also under a reporting verb, and a nickname
    ("Hugo Lemaire a estimé que l'offensive était risquée et a critiqué le « Pacte vert » de Bruxelles.",
     "Pacte vert"),
    ("Ingrid Falk, la « Dame de fer » du parti, a quitté Berlin. Hugo Lemaire a estimé que l'offensive était "
     "risquée.", "Dame de fer"),
    # a demonstrative before a scare quote
    ("Ces « consultations » n'ont rien donné. Hugo Lemaire a estimé que l'offensive était risquée.",
     "consultations"),
])
def test_quoted_titles_and_nicknames_are_not_statements(extract, text, label):
    rows = extract(text, PUB)
    assert speaker_of(rows, "offensive était risquée") == "Hugo Lemaire"  # the extraction did run
    assert not [s for s in rows["statements"] if s["statement_type"] == "direct" and label in s["text"]]


def test_a_quoted_clause_after_a_naming_noun_is_speech(extract):
    rows = extract("Hugo Lemaire a estimé que le plan « ne tenait pas la route ».", PUB)
    assert ("ne tenait pas la route", "direct", "Hugo Lemaire") in rows["speakers"]


def test_a_noun_after_a_determiner_is_not_a_reporting_verb(extract):
    rows = extract("Le ministre voit une menace directe pour la région dans ces manœuvres. "
                   "Emmanuel Macron a affirmé que la France restait vigilante.", PUB)
    assert [(t, spk) for t, _, spk in rows["speakers"]] == [("la France restait vigilante", "Emmanuel Macron")]


def test_a_quote_continuing_the_previous_one_keeps_its_speaker(extract):
    text = "« Nous sommes prêts », a assuré Angela Merkel. « Mais rien ne se fera sans Paris. »"
    assert speaker_of(extract(text, PUB), "rien ne se fera") == "Angela Merkel"


@pytest.mark.parametrize("answer", [
    "Pas du tout, rétorque Clara Vidal.",
    "Non, a répondu Clara Vidal.",
])
def test_a_quote_after_a_short_answer_goes_on_with_who_answered(extract, answer):
    # the subject put after a verb of saying, which the parser takes for its object, is the sentence's
    # subject: the quotation after it is hers, not the last speaker's before
    text = ("Le ministre Paul Girard avait laissé entendre que la réforme serait plus lente. "
            f"{answer} « Certains ont voulu faire croire à un ralentissement. Je veux garder le rythme. »")
    assert speaker_of(extract(text, PUB), "garder le rythme") == "Clara Vidal"


def test_a_name_taken_up_by_a_stressed_pronoun_is_the_subject_of_its_clause(extract):
    # "X, elle, est restée ...": X is the subject the next "elle" stands for, not the body put after the
    # verb of saying before it
    text = ("« Le sommet compte », a souligné la présidence française. La chancelière Clara Vidal, elle, "
            "est restée volontairement ambiguë sur ses intentions. « Je lutterai pour le multilatéralisme », "
            "a-t-elle déclaré.")
    assert speaker_of(extract(text, PUB), "multilatéralisme") == "Clara Vidal"


@pytest.mark.parametrize("sentence, fragment, speaker", [
    ("Pour « donner une chance à la paix », la ministre Clara Vidal a suspendu les ventes d'armes.",
     "donner une chance", "Clara Vidal"),
    ("Pour « tourner la page », Anton Berg a quitté la présidence du parti.", "tourner la page", "Anton Berg"),
])
def test_a_quoted_clause_before_the_main_verb_is_its_subjects(extract, sentence, fragment, speaker):
    # words quoted as a whole clause put before the main verb are that verb's subject's, not the last
    # speaker's before the sentence
    text = f"« Nous restons prudents », a déclaré Hugo Lemaire mardi. {sentence}"
    assert speaker_of(extract(text, PUB), fragment) == speaker


@pytest.mark.parametrize("sentence, fragment, speaker", [
    ("Clara Vidal s'inquiète du racisme, ravivé par les déclarations du président Hugo Lemaire sur le "
     "« virus étranger ».", "virus étranger", "Hugo Lemaire"),
    ("Les propos d'Ingrid Falk sur la « faillite de l'État » ont choqué Anton Berg.",
     "faillite de l'État", "Ingrid Falk"),
])
def test_a_quote_in_a_noun_of_speech_is_the_words_of_its_owner(extract, sentence, fragment, speaker):
    # words quoted inside "les déclarations de Y sur « ... »" are Y's, not those of who reports them
    assert (fragment, "direct", speaker) in extract(sentence, PUB)["speakers"]


def test_a_complement_of_the_same_sentence_is_not_the_holder_of_a_definite_title(extract):
    # "Contrairement au ministre X, le représentant de ... juge": someone else than X; the name given
    # in the next sentence is the title's holder
    text = ("Contrairement au ministre Hugo Lemaire, le représentant de l'Union européenne à Oslo estime "
            "qu'un accord avant juillet est peu probable. « Les discussions sont au point mort », a déclaré "
            "le Portugais Anton Berg.")
    assert speaker_of(extract(text, PUB), "un accord avant juillet") == "Anton Berg"


@pytest.mark.parametrize("text, content, speaker", [
    # 'selon' and a stressed pronoun inside a relative or participle clause, no commas
    ("Anton Berg dénonce les manifestations, qui font selon lui partie d'un complot étranger.",
     "les manifestations, qui font selon lui partie d'un complot étranger", "Anton Berg"),
    ("Clara Vidal a évoqué le sort de son mari, condamné selon elle à l'issue d'un procès expéditif.",
     "son mari, condamné selon elle à l'issue d'un procès expéditif", "Clara Vidal"),
    # a source phrase between commas after a conjunction vouches for the clause after it
    ("Anton Berg a quitté la salle car, selon lui, le débat était truqué.", "le débat était truqué", "Anton Berg"),
])
def test_selon_inside_a_clause_vouches_for_that_clause(extract, text, content, speaker):
    assert (content, "indirect", speaker) in extract(text, PUB)["speakers"]


def test_a_quote_after_a_colon_in_the_next_paragraph(extract):
    text = "Emmanuel Macron a déclaré devant les ambassadeurs :\n\n« La France tiendra parole. »"
    assert speaker_of(extract(text, PUB), "tiendra parole") == "Emmanuel Macron"


def test_feminine_institution_is_the_antecedent_of_elle(extract):
    text = "La présidence française a reçu le texte mardi. Elle a estimé que la proposition était sérieuse."
    assert speaker_of(extract(text, PUB), "proposition était sérieuse") == "Élysée"


def test_an_unnamed_ministry_speaks_as_an_organisation(extract):
    rows = extract("Le ministère slovène de la Défense a affirmé avoir repoussé l'attaque.", PUB)
    speaker = speaker_entity_of_only_statement(rows)
    assert (speaker["name"], speaker["actor_type"]) == ("ministère slovène de la Défense", "organization")


def test_apostrophe_scraped_as_double_quote_is_not_a_quote_mark(extract):
    rows = extract('La ministre a salué "l"engagement" de la Norvège. Elle a affirmé que "l"accord tiendra".', PUB)
    texts = [s["text"] for s in rows["statements"]]
    assert all(len(t) > 1 for t in texts)
    assert any(t.startswith('l"accord') for t in texts)


def test_a_shared_pronoun_speaker_is_resolved_where_it_stands(extract):
    # the earlier quoted word repeats the pronoun's words: the antecedent is still the subject just
    # before the pronoun, not a name before that first quote
    text = ("L'Espagne, l'Italie et la Grèce contestent le projet. Le texte prévoit de sanctionner les "
            "rassemblements \"illégaux\". La Turquie a critiqué le projet lundi à Ankara. Elle a aussi accusé les "
            "syndicats d'organiser des rassemblements \"illégaux\".")
    assert speaker_of(extract(text, PUB), "les syndicats d'organiser") == "Turquie"


def test_an_auxiliary_the_tagger_left_unclassed_still_makes_an_incise(extract):
    # 'tweeté' is unknown to the tagger, which leaves 'a' a word of no class: the incise holds
    text = ("Le ministre a reçu les familles. « Je condamne cette attaque lâche et barbare perpétrée dans la "
            "paisible localité », a tweeté pour sa part le président Traoré, qui a adressé ses condoléances aux familles.")
    assert speaker_of(extract(text, PUB), "Je condamne cette attaque") == "Traoré"


@pytest.mark.parametrize("text, fragment", [
    # the parser leaves 'dernier' an adjunct and gives the verb no subject
    ("Le président a reçu Paul Girard. Ce dernier, qui fut maire de Brest pendant quinze ans, a également "
     "indiqué qu'il était « à l'école » avec le traducteur.", "il était"),
    # the parser gives the verb the 'qui' of the relative clause before it
    ("Le président a reçu Paul Girard. Ce dernier, qui a longtemps dirigé le parti, a affirmé que la réforme "
     "était nécessaire.", "la réforme était nécessaire"),
])
def test_ce_dernier_with_a_relative_clause_is_the_speaker(extract, text, fragment):
    assert speaker_of(extract(text, PUB), fragment) == "Paul Girard"


def test_the_name_in_the_complement_of_detractors_is_not_the_speaker(extract):
    rows = extract("Les adversaires de Paul Girard estiment qu'il a trahi ses électeurs.", PUB)
    assert speaker_of(rows, "il a trahi ses électeurs") is None
    (statement,) = rows["statements"]
    assert statement["speaker_text"] == "Les adversaires de Paul Girard"


@pytest.mark.parametrize("text", [
    # the quotation closes in the next paragraph
    'Paul Girard a tranché. "J\'estime que c\'est ma responsabilité de passer la main. J\'ai préparé le terrain.\n\n'
    'Luc Perrin est aujourd\'hui maire. L\'honneur, ce n\'est pas de s\'accrocher", a-t-il déclaré.',
    # the press reopens the quotation at the new paragraph
    'Paul Girard a tranché. "J\'estime que c\'est ma responsabilité de passer la main. J\'ai préparé le terrain.\n\n'
    '"Luc Perrin est aujourd\'hui maire. L\'honneur, ce n\'est pas de s\'accrocher", a-t-il déclaré.',
])
def test_a_straight_quote_running_over_a_paragraph_break(extract, text):
    rows = extract(text, PUB)
    assert speaker_of(rows, "passer la main") == "Paul Girard"
    assert all(s[1] == "direct" and s[2] == "Paul Girard" for s in rows["speakers"])


def test_a_quotation_reopened_with_guillemets_at_each_paragraph_is_one_segment_per_paragraph(extract):
    text = ("Paul Girard a pris la parole. « Nous avons fait le choix de la prudence. Le texte protège les plus "
            "fragiles.\n\n« Nous ne reculerons pas sur l'essentiel.\n\n« Chacun doit prendre ses "
            "responsabilités », a-t-il conclu.")
    rows = extract(text, PUB)
    quotes = [s for s in rows["speakers"] if s[1] == "direct"]
    assert [q[0].rstrip(".") for q in quotes] == [
        "Nous avons fait le choix de la prudence. Le texte protège les plus fragiles",
        "Nous ne reculerons pas sur l'essentiel", "Chacun doit prendre ses responsabilités"]
    assert all(q[2] == "Paul Girard" for q in quotes)


def test_an_incise_inside_a_quotation_gives_it_its_speaker(extract):
    text = ("« J'avais hâte de ressortir », plaisante Marc Dubois. A Barcelone, Lucia Navarro, coiffeuse de 56 ans, "
            "respire à travers un masque. « Nous travaillons avec nervosité, pour appliquer le protocole, dit-elle. "
            "Mais il est important de rouvrir. »")
    rows = extract(text, PUB)
    assert speaker_of(rows, "Nous travaillons avec nervosité") == "Lucia Navarro"
    assert [s[1] for s in rows["speakers"]] == ["direct", "direct"]


@pytest.mark.parametrize("heading", ["- Rome menace de quitter l'alliance -", "• Berlin exige l'arrêt des combats",
                                     "LE KREMLIN DÉMENT TOUTE IMPLICATION DANS L'ATTAQUE",
                                     "Le maire de Lyon annonce sa démission au conseilpar Lyon Info"])
def test_a_headline_gives_no_indirect_row(extract, heading):
    rows = extract(heading + "\n\nLe ministre a déclaré que la réforme avançait.", PUB)
    assert [t for t, typ, _ in rows["speakers"] if typ == "indirect"] == ["la réforme avançait"]


def test_a_quoted_intertitle_keeps_its_direct_row(extract):
    rows = extract("- Paris hausse le ton: \"Une faute grave\" -\n\nLe ministre a dit que c'était une faute.", PUB)
    assert ("Une faute grave", "direct") in [(t, typ) for t, typ, _ in rows["speakers"]]


def test_a_short_denial_of_any_thing_is_a_claim(extract):
    rows = extract("L'ambassade rejette toute ingérence étrangère.\n\nLe ministre a remercié tout le monde.", PUB)
    assert [t for t, typ, _ in rows["speakers"] if typ == "indirect"] == ["toute ingérence étrangère"]


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Pour l'économiste Julien Marchand, la taxe est mal conçue. L'étude publiée lundi confirme que la réforme "
     "restera sans effet. « Personne ne sera surpris par ce recul », affirme-t-il.",
     "Personne ne sera surpris", "Julien Marchand"),
    ("La ministre Claire Dubois a présidé la réunion de mardi. Quatorze autres pays ont demandé un report de "
     "leurs échéances de paiement. Leurs dossiers devraient « avancer sans tarder », a-t-elle précisé.",
     "avancer sans tarder", "Claire Dubois"),
])
def test_an_unnamed_source_is_no_antecedent_of_a_pronoun_it_does_not_agree_with(extract, text, fragment, speaker):
    # 'l'étude' is feminine, 'quatorze autres pays' plural: the pronoun goes back to the person before them
    assert speaker_of(extract(text), fragment) == speaker


def test_a_name_apposed_after_a_parenthesis_is_the_speaker(extract):
    # the parse ends the speaker phrase inside "(NRA": the name after "), " is still the one who speaks
    text = ("Le vol a décollé à l'heure, a précisé le président de la compagnie Nordic Regional Airlines (NRA), "
            "Lars Holm.")
    assert speaker_of(extract(text), "décollé à l'heure") == "Lars Holm"


def test_a_plural_definite_source_does_not_stand_for_the_person_named_before(extract):
    text = ("Le port a rouvert mardi, a indiqué le directeur du port de commerce, Paul Mercier. Les dockers ont "
            "repris le travail dès l'aube, selon les autorités.")
    rows = extract(text)
    assert speaker_of(rows, "Le port a rouvert") == "Paul Mercier"
    assert speaker_of(rows, "Les dockers ont repris") is None


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Le chef de l'Etat a réclamé jeudi « un cessez-le-feu immédiat » devant les journalistes. Le président "
     "Emmanuel Macron a aussi rendu hommage aux soldats tombés.", "cessez-le-feu", "Emmanuel Macron"),
    ("La première dame a confié être « très émue » par l'accueil des enfants. Claire Vasseur a ensuite visité "
     "une école du quartier avec Paul Girard.", "très émue", "Claire Vasseur"),
    # a man named next is not 'la ministre'
    ("La ministre de la Santé a jugé le projet « bien trop coûteux » pour les hôpitaux. Paul Girard a promis "
     "une réponse rapide.", "bien trop coûteux", None),
])
def test_a_title_nobody_before_holds_is_the_subject_named_in_the_next_sentence(extract, text, fragment, speaker):
    assert speaker_of(extract(text), fragment) == speaker


def test_a_quotation_after_a_subject_pronoun_goes_on_with_the_person_it_stands_for(extract):
    text = ("Le ministre Paul Girard a quitté Lyon jeudi. Il a confié au journal comment il envisageait la suite. "
            "« Je veux encore servir mon pays ».")
    assert speaker_of(extract(text), "servir mon pays") == "Paul Girard"


def test_a_fronted_infinitive_content_ends_before_the_main_clause(extract):
    # the parser hangs the main clause under 'avoir annoncé': the que-clause still ends at the comma
    rows = extract("Après avoir annoncé en mars que le sommet aurait lieu à Rome, le ministre Paul Girard a "
                   "évoqué mercredi la possibilité d'un report.")
    assert ("le sommet aurait lieu à Rome", "indirect", "Paul Girard") in rows["speakers"]


@pytest.mark.parametrize("text, speaker", [
    ("« Ces mesures sont absolument inacceptables », a estimé mardi l'un des dirigeants du syndicat, Paul Girard.",
     "Paul Girard"),
    ("« Ces mesures sont inacceptables », a estimé mardi l'un des dirigeants du syndicat de Paul Girard.", None),
])
def test_one_of_a_group_named_in_apposition_is_the_speaker(extract, text, speaker):
    assert speaker_of(extract(text), "inacceptables") == speaker


def test_a_name_the_ner_missed_after_the_comma_of_the_speaker_phrase_is_the_speaker(extract):
    text = ("L'avion a effectué un virage brutal avant de disparaître des radars, a indiqué le ministre grec de la "
            "Défense, Panos Kammenos.")
    assert speaker_of(extract(text), "virage brutal") == "Panos Kammenos"


@pytest.mark.parametrize("text, speaker", [
    # "Palestiniens" is already a mention: the name is what follows it
    ("« Nous ne reviendrons pas à la table des négociations », a déclaré à l'AFP le négociateur des Palestiniens "
     "Saëb Erakat.", "Saëb Erakat"),
    # a party and a town, no person
    ("« Nous nous sommes vus hier », a confirmé le député-maire Les Républicains de Meaux.", None),
])
def test_a_name_after_a_mention_in_the_speaker_phrase(extract, text, speaker):
    assert speaker_of(extract(text), "vus hier" if "Meaux" in text else "reviendrons") == speaker


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Paul Girard a revu les photos de son enfance. « Mon passé revient avec cette crise », soupire l'acteur.",
     "Mon passé revient", "Paul Girard"),
    ("« Ces événements sont inacceptables », a tempêté Carsten Weber, l'un des dirigeants du groupe.",
     "inacceptables", "Carsten Weber"),
])
def test_an_incise_verb_the_tagger_took_for_a_noun(extract, text, fragment, speaker):
    assert speaker_of(extract(text), fragment) == speaker


@pytest.mark.parametrize("text, speaker", [
    # the office of a party the text names: the person who was the subject just before
    ("Sophie Marchand a attaqué le budget du gouvernement jeudi. « Ce texte est injuste », a lancé la présidente "
     "du Mouvement républicain.", "Sophie Marchand"),
    # the one named before disagrees in gender: nobody
    ("Sophie Marchand a attaqué le budget du gouvernement jeudi. « Ce texte est injuste », a lancé le président "
     "du Mouvement républicain.", None),
    # a head of state known to the dictionary presides over no party
    ("Emmanuel Macron a défendu le budget jeudi. « Ce texte est injuste », a lancé le président du Mouvement "
     "républicain.", None),
])
def test_the_office_of_a_named_body_is_the_person_just_named(extract, text, speaker):
    assert speaker_of(extract(text), "texte est injuste") == speaker


@pytest.mark.parametrize("text, fragment, speaker", [
    # a person named in the complement of the speaker's title is not the speaker
    ("Yossi Amar a quitté la coalition l'an dernier. « Ils ont commis une faute et ils le savent », a dit cet "
     "ancien ministre du Budget de M. Levinson.", "commis une faute", "Yossi Amar"),
    ("« Ils ont commis une faute », a dit le conseiller de Daniel Levinson.", "commis une faute", None),
    # the name after the complement and a comma is still the speaker
    ("« Ils ont commis une faute », a dit le porte-parole de M. Levinson, Yossi Amar.", "commis une faute",
     "Yossi Amar"),
    ("« Ils ont commis une faute », a dit la ministre de la Santé Anna Levinson.", "commis une faute",
     "Anna Levinson"),
])
def test_a_name_in_the_complement_of_the_title_is_not_the_speaker(extract, text, fragment, speaker):
    assert speaker_of(extract(text), fragment) == speaker


@pytest.mark.parametrize("text", [
    "Des milliers de manifestants ont marché dans Kiev pour exiger le départ du Premier ministre.",
    "Quelques dizaines de milliers de manifestants ont marché dans Kiev pour exiger le départ du Premier ministre.",
])
def test_a_crowd_counted_by_a_noun_of_quantity_can_speak(extract, text):
    rows = extract(text)
    assert [t for t, typ, _ in rows["speakers"] if typ == "indirect"] == ["le départ du Premier ministre"]


def test_adherent_nouns_and_company_nouns_speak(extract):
    # a noun in -iste names people; "le géant", "le constructeur" name a company
    rows = extract("Les écologistes dénoncent une « capitulation devant les lobbies ». "
                   "Le constructeur japonais a confirmé lundi que des discussions étaient en cours pour céder l'usine.")
    assert any("capitulation devant les lobbies" in text for text, _type, _speaker in rows["speakers"])
    assert any("des discussions étaient en cours" in text for text, _type, _speaker in rows["speakers"])


def test_definite_adherent_and_company_nouns_refer_back(extract):
    rows = extract("Pierre Lenoir a quitté le gouvernement en mars. « Nous avons choisi seuls nos priorités », "
                   "a déclaré l'ancien socialiste. La maison d'édition Gallimard publiera le livre en mai. "
                   "« Ce sera un événement », a assuré l'éditeur.")
    assert speaker_of(rows, "Nous avons choisi seuls") == "Pierre Lenoir"
    assert speaker_of(rows, "Ce sera un événement") == "Gallimard"


def test_an_unnamed_role_is_no_antecedent_of_another_role(extract):
    rows = extract("Le gouvernement veut renvoyer son ministre. Comme l'a rappelé le maire, la ville est sûre.")
    (statement,) = [s for s in rows["statements"] if "la ville est sûre" in s["text"]]
    assert statement["speaker_entity_idx"] is None
    assert statement["speaker_description"] == "le maire"


def test_subject_with_a_quoted_predicate_goes_on_with_the_speaker_before(extract):
    rows = extract("Le président estonien Karl Saar a déclaré : « Nous espérons que les soldats resteront ». "
                   "L'Estonie « serait ravie d'accueillir davantage de troupes alliées ». "
                   "Le parti a subi une « défaite historique » dimanche.")
    indirect = [(text, speaker) for text, kind, speaker in rows["speakers"] if kind == "indirect"]
    assert [(t, s) for t, s in indirect if t.startswith("L'Estonie « serait ravie")] == [
        ("L'Estonie « serait ravie d'accueillir davantage de troupes alliées »", "Karl Saar")]
    assert speaker_of(rows, "serait ravie d'accueillir") == "Karl Saar"
    # a quotation that is not the sentence's predicate is no indirect speech of its own
    assert not [t for t in indirect if "défaite historique" in t]


def test_a_speaker_named_by_a_trade_can_speak(extract):
    rows = extract("La gérante du magasin a expliqué qu'elle avait dû fermer plus tôt, car elle manquait de personnel.",
                   PUB)
    assert ("elle avait dû fermer plus tôt, car elle manquait de personnel", "indirect", None) in rows["speakers"]


def test_an_unnamed_source_is_no_antecedent_of_a_title_it_does_not_bear(extract):
    rows = extract("L'envoyé spécial de l'ONU, Martin Gray, a salué l'échange de prisonniers. Un diplomate de la "
                   "délégation a dit à l'AFP que l'accord porte sur 600 prisonniers. « Il faut avancer vite », a "
                   "souligné l'envoyé de l'ONU.", PUB)
    assert speaker_of(rows, "Il faut avancer vite") == "Martin Gray"


def test_se_dire_with_a_short_adjective_is_a_statement(extract):
    # what the speaker says of themself is a claim however short; a plain short noun phrase stays a topic
    rows = extract("Pour sauver le festival, la maire Alice Royer se dit prête à tout. "
                   "Le préfet Hugo Lemaire a évoqué la météo.", PUB)
    assert [(t, typ, s) for t, typ, s in rows["speakers"]] == [("prête à tout", "indirect", "Alice Royer")]


@pytest.mark.parametrize("text, content", [
    ("La ministre Alice Royer a décrit la situation comme très inquiétante pour les éleveurs.",
     "la situation comme très inquiétante pour les éleveurs"),
    ("Le préfet Hugo Lemaire a qualifié la situation de critique dans tout le département.",
     "la situation de critique dans tout le département"),
    ("Le maire Hugo Lemaire a écarté toute idée de candidature aux prochaines régionales.",
     "toute idée de candidature aux prochaines régionales"),
])
def test_a_noun_that_points_back_heads_a_claim_when_a_predicate_or_any_follows(extract, text, content):
    assert content in [t for t, typ, _ in extract(text, PUB)["speakers"] if typ == "indirect"]


def test_a_noun_that_points_back_alone_is_no_claim(extract):
    assert extract("Le maire Hugo Lemaire a rejeté l'idée d'un référendum.", PUB)["speakers"] == []


def test_a_pronoun_reaches_the_person_a_portrait_is_about_past_the_usual_window(extract):
    text = ("La navigatrice Alice Royer a bouclé dimanche son tour du monde en solitaire.\n\n"
            "Le voilier est entré au port vers midi.\n\nLa foule attendait sur les quais depuis l'aube.\n\n"
            "Le vent était tombé dans la nuit.\n\nLes organisateurs avaient prévu un feu d'artifice.\n\n"
            "Le maire avait fait pavoiser la ville.\n\nLes écoles avaient fermé plus tôt.\n\n"
            "Le port n'avait pas connu pareille affluence depuis des années.\n\n"
            "« J'ai pensé abandonner au cap Horn », a-t-elle raconté.")
    assert speaker_of(extract(text, PUB), "J'ai pensé abandonner") == "Alice Royer"


def test_a_pronoun_far_back_needs_a_person_of_its_gender(extract):
    text = ("Le navigateur Hugo Lemaire a bouclé dimanche son tour du monde en solitaire.\n\n"
            "Le voilier est entré au port vers midi.\n\nLa foule attendait sur les quais depuis l'aube.\n\n"
            "Le vent était tombé dans la nuit.\n\nLes organisateurs avaient prévu un feu d'artifice.\n\n"
            "Le maire avait fait pavoiser la ville.\n\nLes écoles avaient fermé plus tôt.\n\n"
            "Le port n'avait pas connu pareille affluence depuis des années.\n\n"
            "« Ce fut une belle journée », a-t-elle raconté.")
    assert speaker_of(extract(text, PUB), "Ce fut une belle journée") is None


def test_a_quote_after_said_and_an_infinitive_or_a_possessive_is_speech_not_a_name(extract):
    rows = extract("Le ministre Jean Dumont a dit vouloir « tout faire » pour éviter la guerre. "
                   "La ministre Anne Leroy a dit sa « colère » face à l'attaque.", PUB)
    direct = {s[0]: s[2] for s in rows["speakers"] if s[1] == "direct"}
    assert direct == {"tout faire": "Jean Dumont", "colère": "Anne Leroy"}


def test_dit_before_a_quote_after_a_name_gives_a_nickname_not_speech(extract):
    rows = extract("Le chef rebelle Ahmed Salah, dit « le Boucher », a été arrêté mardi par l'armée.", PUB)
    assert rows["speakers"] == []


def test_a_quote_repeated_in_one_article_is_one_statement(extract):
    rows = extract("Le syndicaliste Paul Girard a dit avoir « senti une volonté d'ouverture » du ministre.\n\n"
                   "Reçu mardi, Paul Girard a dit avoir « senti une volonté d'ouverture » lors de l'entretien.", PUB)
    direct = [s for s in rows["speakers"] if s[1] == "direct"]
    assert direct == [("senti une volonté d'ouverture", "direct", "Paul Girard")]
    # the same words said by two different speakers stay two statements
    rows = extract("« C'est inacceptable », a dit Jean Dumont. « C'est inacceptable », a répondu Anne Leroy.", PUB)
    assert sorted(s[2] for s in rows["speakers"] if s[1] == "direct") == ["Anne Leroy", "Jean Dumont"]


def test_summoning_an_ambassador_to_denounce_reports_what_is_denounced(extract):
    rows = extract("Vienne a convoqué mardi l'ambassadeur de Russie pour dénoncer la détention arbitraire de deux "
                   "chercheurs autrichiens.", PUB)
    assert [(s[1], s[2]) for s in rows["speakers"] if "détention arbitraire" in s[0]] == [("indirect", "Autriche")]


def test_a_poll_speaks_for_its_pollster_named_before(extract):
    rows = extract("Selon un sondage Ifop publié dimanche, 60 % des Français approuvent le texte. Le sondage indique "
                   "aussi que les moins de 30 ans restent sceptiques. Et selon une étude du même institut parue "
                   "lundi, les retraités sont plus réservés.", PUB)
    assert speaker_of(rows, "moins de 30 ans") == "Ifop"
    assert speaker_of(rows, "retraités sont plus réservés") == "Ifop"


@pytest.mark.parametrize("text, fragment, speaker", [
    # "la présidence" is the Élysée, named before, whose dictionary aliases hold "présidence française"
    ("L'Elysée a confirmé la visite du chancelier. La présidence a précisé que trois ministres "
     "accompagneraient le chef de l'Etat.", "trois ministres", "Élysée"),
    # a participle after a comma the parser hangs on the fronted "Tout comme X" phrase, which has no verb
    ("Tout comme la Grèce, la France agite la menace de sanctions, assurant bénéficier d'un soutien "
     "croissant au sein de l'UE.", "soutien croissant", "France"),
    # a source opening a reported clause belongs to what was said
    ("Le ministre Jean Dumont a rappelé que, d'après les exploitants, la réouverture devrait se faire "
     "partout en même temps.", "réouverture devrait", "Jean Dumont"),
    # a name after the comma of a source phrase opens the content
    ("Selon Le Monde, Jean Dumont séjournera à Honfleur cet été.", "séjournera à Honfleur", "Le Monde"),
    # a negated attitude inside what a medium reports leaves the medium the speaker
    ("Selon Le Parisien, l'Élysée ne souhaite pas communiquer sur la rencontre entre les deux "
     "présidents.", "ne souhaite pas communiquer", "Le Parisien"),
])
def test_a_speaker_the_parse_or_the_relay_rules_used_to_miss(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


def test_a_set_phrase_between_the_auxiliary_and_the_participle_keeps_the_frame(extract):
    # the parser makes "a" the main verb and hangs the participle on "côté"
    rows = extract("L'Elysée a de son côté précisé que sa position avait été soutenue par la Belgique.", PUB)
    assert [(s[1], s[2]) for s in rows["speakers"]] == [("indirect", "Élysée")]


def test_french_media_are_speakers_by_name(extract):
    rows = extract("Europe 1 rappelle que le ministre a tenu des propos bienveillants. Les deux victimes seraient "
                   "un boucher et un employé, précise franceinfo.", PUB)
    assert speaker_of(rows, "propos bienveillants") == "Europe 1"
    assert speaker_of(rows, "boucher") == "Franceinfo"


def test_a_quoted_adjective_the_narrator_sets_after_a_noun_is_a_scare_quote(extract):
    rows = extract("Le plan est prêt. Il reste à convaincre les pays « économes » de la Baltique avant le "
                   "sommet de juillet.", PUB)
    assert rows["speakers"] == []
    # the same shape inside a sentence that reports someone stays their words
    rows = extract("Le syndicaliste Paul Girard a jugé la mesure « aveugle » et injuste.", PUB)
    assert any(s[1] == "direct" and s[0] == "aveugle" and s[2] == "Paul Girard" for s in rows["speakers"])


@pytest.mark.parametrize("text, fragment", [
    ("« Le pays n'est plus un allié fiable », a asséné le ministre Jean Dumont.", "plus un allié"),
    ("Le ministre Jean Dumont prétend que la réforme est populaire.", "réforme est populaire"),
    ("Le ministre Jean Dumont a toutefois nuancé que la crise n'était pas finie.", "crise n'était pas"),
    ("« Nous ne céderons pas ! », s'est écrié le ministre Jean Dumont.", "ne céderons pas"),
    ("Le ministre Jean Dumont avance que la dette sera remboursée en dix ans.", "dette sera remboursée"),
])
def test_less_common_verbs_of_saying(extract, text, fragment):
    assert speaker_of(extract(text, PUB), fragment) == "Jean Dumont"


def test_avancer_reports_only_a_que_clause(extract):
    assert extract("Les troupes du général Jean Dumont avancent vers la capitale.", PUB)["statements"] == []


@pytest.mark.parametrize("text, speaker", [
    ("Le ministère de l'Intérieur a indiqué que trois suspects avaient été arrêtés. Deux d'entre eux étaient "
     "déjà connus, selon la même source.", "ministère de l'Intérieur"),
    ("Jean Dumont a assuré que le chantier serait fini en mai. Le coût a doublé, selon cette même source.",
     "Jean Dumont"),
])
def test_the_same_source_is_the_last_speaker(extract, text, speaker):
    rows = extract(text, PUB)
    assert [s[2] for s in rows["speakers"]] == [speaker, speaker]


def test_the_communique_speaks_for_whoever_issued_it(extract):
    rows = extract("Dans un communiqué, l'Unicef a dénoncé les bombardements. Selon le communiqué, trois écoles ont été "
                   "détruites.", PUB)
    assert speaker_of(rows, "trois écoles") == "Unicef"


def test_a_communique_no_sentence_before_names_stays_unnamed(extract):
    rows = extract("Selon le communiqué, trois écoles ont été détruites.", PUB)
    (st,) = rows["statements"]
    assert st["speaker_entity_idx"] is None and st["speaker_description"] == "le communiqué"


@pytest.mark.parametrize("text, content", [
    ("La ministre Anne Morel a mis en garde les exportateurs contre une hausse des taxes.", "une hausse des taxes"),
    ("Le député Paul Girard a plaidé en faveur d'une trêve hivernale.", "une trêve hivernale"),
    ("La maire Anne Morel espère une réouverture des écoles avant la fin du mois.",
     "une réouverture des écoles avant la fin du mois"),
])
def test_complements_past_an_addressee_or_a_compound_preposition(extract, text, content):
    """'mettre en garde X contre Y': Y, past the addressee X; 'plaider en faveur de Y' as 'plaider pour Y';
    'espérer Y' as 'souhaiter Y' (a hope for what the noun phrase names)."""
    rows = extract(text, PUB)
    assert [s[0] for s in rows["speakers"]] == [content]


def test_a_body_voting_in_favour_is_no_speech(extract):
    assert extract("Le conseil municipal s'est prononcé en faveur d'une piste cyclable.", PUB)["statements"] == []


@pytest.mark.parametrize("text", ["Pour Louise Petit, « le temps presse ».",
                                  "Pour la ministre Louise Petit, « le temps presse »."])
def test_a_quote_after_pour_x_is_x_s_when_the_parser_makes_the_name_the_root(extract, text):
    """A verbless quote after 'Pour X,': the parser makes X the root of the sentence, comma included."""
    assert speaker_of(extract(text, PUB), "le temps presse") == "Louise Petit"


def test_a_title_is_not_held_by_the_name_in_its_own_reported_words(extract):
    # "Le président" looks ahead for its holder, but not inside what it reports
    rows = extract("Le président a affirmé que Jean Rivière mentait.", PUB)
    assert [(s[0], s[2]) for s in rows["speakers"]] == [("Jean Rivière mentait", None)]


def test_a_pronoun_not_going_on_takes_the_person_made_subject_since(extract):
    text = ("Le ministre Anton Berg a dénoncé l'attitude de Rome. « C'est inacceptable », a-t-il ajouté. "
            "Son homologue Hugo Lemaire s'est montré plus mesuré. « Il faut dialoguer », a-t-il estimé.")
    rows = extract(text, PUB)
    assert speaker_of(rows, "C'est inacceptable") == "Anton Berg"
    assert speaker_of(rows, "Il faut dialoguer") == "Hugo Lemaire"


def test_a_pronoun_of_a_verb_that_goes_on_keeps_the_last_speaker(extract):
    text = ("« Nous resterons fermes », a dit le président Paul Girard. Son fils Marc Girard a été arrêté "
            "mardi. « Ce n'est pas une surprise », a-t-il ajouté.")
    assert speaker_of(extract(text, PUB), "pas une surprise") == "Paul Girard"


def test_ce_dernier_after_the_cue(extract):
    text = ("La ministre Claire Vidal a reçu son homologue Nikos Petrou. « Nous voulons la paix », a déclaré "
            "ce dernier.")
    assert speaker_of(extract(text, PUB), "Nous voulons la paix") == "Nikos Petrou"


@pytest.mark.parametrize("text, quote", [
    ("Le ministre Paul Girard a qualifié le plan d'aide de « gaspillage ».", "gaspillage"),
    ("Pour la ministre Claire Vidal, ce plan était « une illusion ».", "une illusion"),
])
def test_a_naming_word_a_few_words_before_a_quote_does_not_make_it_a_name(extract, text, quote):
    assert any(s[0] == quote and s[1] == "direct" for s in extract(text, PUB)["speakers"])


def test_a_plural_so_called_quote_is_a_label(extract):
    rows = extract("Les pays dits « frugaux » refusent tout compromis, a affirmé Hugo Lemaire.", PUB)
    assert not [s for s in rows["speakers"] if s[1] == "direct"]


def test_a_title_with_a_country_for_a_person_of_unknown_country_who_bore_it(extract):
    # nobody says which country Moussa Diop serves; "le diplomate sénégalais" is still the diplomat named
    text = ("Le diplomate Moussa Diop a rencontré mardi les rebelles. « La paix est possible », a estimé le "
            "diplomate sénégalais.")
    assert speaker_of(extract(text, PUB), "La paix est possible") == "Moussa Diop"


def test_a_title_with_a_country_is_not_someone_of_another_title(extract):
    text = ("Le porte-parole Marc Aubry a commenté la visite. « Les tirs sont regrettables », a déclaré le "
            "ministre japonais de la Défense.")
    assert speaker_of(extract(text, PUB), "Les tirs sont regrettables") != "Marc Aubry"


@pytest.mark.parametrize("text, content", [
    ("Le ministre Hugo Lemaire a exclu tout report du vote.", "tout report du vote"),
    ("La présidente Ingrid Falk a démenti toute ingérence de son gouvernement.", "toute ingérence de son gouvernement"),
])
def test_an_any_determiner_opens_the_content(extract, text, content):
    # "tout" is an adverb the cue may skip ("a tout de suite dit") but here the determiner of the claim
    assert any(s[0] == content and s[1] == "indirect" for s in extract(text, PUB)["speakers"])


def test_a_participle_clause_after_a_comma_ends_a_phrase_content(extract):
    rows = extract("Le syndicat a appelé à une journée de grève le 5 décembre, rejoignant plusieurs partis de gauche.",
                   PUB)
    assert [s[0] for s in rows["speakers"]] == ["à une journée de grève le 5 décembre"]
    # quoted words after the participle stay with the content, and so with its speaker
    rows = extract("Hugo Lemaire a critiqué les propos d'anciens ministres comme Anton Berg, défendant sa « cohérence ».",
                   PUB)
    assert speaker_of(rows, "cohérence") == "Hugo Lemaire"


@pytest.mark.parametrize("text, speaker", [
    # the story names two heads of state: "le chef de l'Etat" is the one the discourse points to, not the
    # head of the one country named in the article
    ("Emmanuel Macron a critiqué Bachar al-Assad. Le chef de l'Etat a estimé que le régime syrien devait "
     "rendre des comptes.", "Emmanuel Macron"),
    # the parser splits the name and makes its last word the subject: the name is still the subject
    ("Bachar al-Assad a critiqué Emmanuel Macron. Le chef de l'Etat a estimé que le régime syrien ne céderait "
     "pas.", "Bachar al-Assad"),
])
def test_a_role_with_no_country_is_the_subject_named_before_among_its_holders(extract, text, speaker):
    assert speaker_of(extract(text, date(2018, 11, 2)), "régime syrien") == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Contacté par l'AFP, Hugo Lemaire a assuré que l'entente restait parfaite.", "Hugo Lemaire"),
    ("Sollicitée par la radio, Ingrid Falk a estimé que le projet était mal ficelé.", "Ingrid Falk"),
])
def test_the_name_after_a_fronted_participle_phrase_is_the_subject(extract, text, speaker):
    # the parser hangs the name on the participle before the comma and leaves the verb without a subject
    (statement,) = extract(text, PUB)["speakers"]
    assert statement[2] == speaker


def test_a_source_phrase_ends_before_an_adjunct_of_the_clause(extract):
    rows = extract("Au moins douze personnes ont péri selon les pompiers dans un incendie près de Lyon.", PUB)
    (statement,) = rows["statements"]
    assert (statement["text"], statement["speaker_text"]) == ("Au moins douze personnes ont péri", "les pompiers")


def test_a_fronted_participle_content_ends_before_the_main_clause(extract):
    rows = extract("Estimant que la crise était grave, la ministre Ingrid Falk a convoqué l'ambassadeur.", PUB)
    assert rows["speakers"] == [("la crise était grave", "indirect", "Ingrid Falk")]


@pytest.mark.parametrize("text, speaker", [
    ("« Rien n'est signé », indique-t-on à Matignon.", "Matignon"),
    ("« Rien n'est signé », précise-t-on au Kremlin.", "Kremlin"),
])
def test_on_speaks_for_the_body_after_a_split_clitic(extract, text, speaker):
    # the tokenizer splits "-t-on" into "-t" and "-on", and the parser may make "-t" the subject
    assert speaker_of(extract(text, PUB), "Rien n'est signé") == speaker


def test_a_count_of_people_with_a_number_word_can_speak(extract):
    rows = extract("Nombre des douze personnes interrogées ont affirmé que la police avait chargé sans sommation.", PUB)
    assert ("la police avait chargé sans sommation", "indirect", None) in rows["speakers"]


def test_a_contrast_after_an_incise_is_the_narrators(extract):
    rows = extract("Le texte « ne répond pas aux attentes », a regretté Ingrid Falk, tandis qu'Anton Berg a salué "
                   "« une avancée majeure ».", PUB)
    assert not [s for s in rows["speakers"] if s[0].startswith("tandis")]
    assert speaker_of(rows, "une avancée majeure") == "Anton Berg"


def test_speaking_on_the_radio_reports_nothing(extract):
    rows = extract("Pour Hugo Lemaire, qui s'exprimait sur France Inter, « la crise est sous contrôle ».", PUB)
    assert [s[0] for s in rows["speakers"]] == ["la crise est sous contrôle"]


@pytest.mark.parametrize("text", [
    "Plus de 300 personnes ont été déclarées positives au virus dans la région.",
    "Le journaliste Anton Berg a été reconnu coupable d'avoir divulgué des secrets.",
    "Les pompiers, qui avaient été appelés à 10H15, sont arrivés trop tard.",
])
def test_a_passive_finding_with_no_one_behind_it_is_no_statement(extract, text):
    assert extract(text, PUB)["speakers"] == []


@pytest.mark.parametrize("text, fragment, speaker", [
    # the name after a minister's portfolio: a nationality between title and portfolio, "au" before it
    ("Le ministre suédois de l'Energie Lars Ekholm a estimé que les prix allaient baisser.", "prix allaient",
     "Lars Ekholm"),
    ("La secrétaire canadienne au Commerce Ingrid Falkner a jugé que la croissance restait solide.", "croissance",
     "Ingrid Falkner"),
    # the leader of a parliamentary country is its head of government
    ("Le président américain a reçu le Premier ministre japonais Fumio Kishida. "
     "Le dirigeant japonais a affirmé que l'alliance était solide.", "alliance était solide", "Fumio Kishida"),
    # the diplomat is the ambassador named before
    ("L'ambassadeur de France en Norvège, Hugo Lemaire, a rencontré des élus. "
     "« Le dialogue continue », a souligné le diplomate français.", "dialogue continue", "Hugo Lemaire"),
    # a scholar is the one named with that trade
    ("Le sociologue Pierre Lenoir se montre sceptique. « Rien ne changera », estime le sociologue.",
     "Rien ne changera", "Pierre Lenoir"),
    ("Le politologue Pierre Lenoir se montre sceptique. « Rien ne changera », estime l'universitaire.",
     "Rien ne changera", "Pierre Lenoir"),
    # the subject after a fronted phrase the parser hung it on
    ("Lors d'une visite à Oslo, Ingrid Falkner a assuré que la Suède ne laisserait pas tomber la Norvège.",
     "Suède ne laisserait", "Ingrid Falkner"),
    # a name the NER takes for a body, set between commas beside a minister's title
    ("Le ministre de l'Energie, Petro Hrytsenko, a déclaré que les frappes avaient visé des centrales.",
     "frappes avaient", "Petro Hrytsenko"),
    # the source of "Pour X, ..." is the topic a later pronoun stands for
    ("Le ministre Hugo Lemaire a dénoncé le coup d'Etat. Pour l'analyste Anton Berg, la junte cherche à "
     "gagner du temps. « Elle joue la montre », explique-t-il.", "joue la montre", "Anton Berg"),
])
def test_who_a_speaker_phrase_names(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


@pytest.mark.parametrize("text, fragment, speaker", [
    # a "pas" of the quoted words that the parser hangs on the verb of the incise negates nothing
    ("Anton Berg a quitté la salle. « Nous ne reculerons pas », a affirmé Ingrid Falk.", "reculerons", "Ingrid Falk"),
    ("« Ce n'est qu'un premier pas », juge Ingrid Falk.", "premier pas", "Ingrid Falk"),
])
def test_a_negation_inside_the_quote_does_not_negate_the_incise(extract, text, fragment, speaker):
    rows = extract(text, PUB)
    assert any(s["cue_verb"] and fragment in s["text"] for s in rows["statements"])
    assert speaker_of(rows, fragment) == speaker


@pytest.mark.parametrize("text, fragment", [
    ("Hugo Lemaire et Anton Berg ont estimé que la situation était grave.", "situation était grave"),
    ("« Nous sommes unis », ont déclaré Hugo Lemaire et Anton Berg.", "Nous sommes unis"),
    ("La Norvège et la Suède ont critiqué la « trahison » de leurs voisins.", "trahison"),
])
def test_a_joint_subject_is_no_single_speaker(extract, text, fragment):
    rows = extract(text, PUB)
    hits = [s for s in rows["statements"] if fragment in s["text"]]
    assert hits and all(s["speaker_entity_idx"] is None for s in hits)
    assert any(" et " in (s["speaker_description"] or "") for s in hits)


def test_an_agency_dateline_is_not_part_of_the_lead(extract):
    rows = extract("OSLO, 15 mars (AFP) - Le président Hugo Lemaire a rencontré Anton Berg, a annoncé la présidence.",
                   PUB)
    (st,) = [s for s in rows["statements"] if "rencontré" in s["text"]]
    assert st["text"].startswith("Le président Hugo Lemaire")


@pytest.mark.parametrize("text", [
    "Oslo, 15 mars 2021 (AFP) - La Norvège a affirmé jeudi que les exercices étaient une provocation.",
    "OSLO (Reuters) - La Norvège a affirmé jeudi que les exercices étaient une provocation.",
    "Stockholm, 3 juin (AFP) - Oslo a affirmé jeudi que les exercices étaient une provocation.",
])
def test_the_city_of_a_dateline_in_any_case_or_without_a_date_is_no_speaker(extract, text):
    (st,) = extract(text, PUB)["speakers"]
    assert st == ("les exercices étaient une provocation", "indirect", "Norvège")


@pytest.mark.parametrize("text, content, counts", [
    ("Ingrid Falk a dénoncé une décision injuste.", "une décision injuste", True),
    ("Le ministère a dénoncé une nouvelle provocation de Berlin.", "une nouvelle provocation de Berlin", True),
    ("Ingrid Falk a salué la décision.", "la décision", False),
    ("Ingrid Falk a évoqué la crise politique.", "la crise politique", False),
])
def test_a_short_noun_phrase_counts_when_an_adjective_judges_it(extract, text, content, counts):
    rows = extract(text, PUB)
    assert any(s["text"] == content for s in rows["statements"]) == counts


@pytest.mark.parametrize("text", [
    "Pour le politologue Anton Berg, la Russie « teste les limites de l'Alliance ».",
    "Pour le président norvégien Anton Erik Berg, la Russie « teste les limites de l'Alliance ».",
])
def test_pour_a_title_and_a_name_before_a_quote_is_the_source(extract, text):
    rows = extract(text, PUB)
    assert speaker_of(rows, "teste les limites") in ("Anton Berg", "Anton Erik Berg")


@pytest.mark.parametrize("text, fragment, speaker", [
    # a coordinated pair, then each member by its rank
    ("Hugo Lemaire et Anton Berg se sont rencontrés jeudi. Le premier a estimé que la situation était critique, "
     "tandis que le second a réclamé une réunion de l'Otan.", "la situation était critique", "Hugo Lemaire"),
    ("Hugo Lemaire et Anton Berg se sont rencontrés jeudi. Le premier a estimé que la situation était critique, "
     "tandis que le second a réclamé une réunion de l'Otan.", "une réunion de l'Otan", "Anton Berg"),
    ("Hugo Lemaire et Anton Berg ont salué le vote. Le premier a jugé que le texte était équilibré, tandis que "
     "le second a appelé à une adoption \"sans délai\".", "sans délai", "Anton Berg"),
    ("Hugo Lemaire et Anton Berg se sont entretenus jeudi. Le deuxième a assuré que la coopération allait se "
     "renforcer.", "la coopération allait", "Anton Berg"),
    # the second named in apposition to a counterpart
    ("Hugo Lemaire et son homologue polonais, Anton Berg, se sont rencontrés jeudi. Le premier a jugé la "
     "situation « critique ».", "critique", "Hugo Lemaire"),
    ("Hugo Lemaire et son homologue allemande Ingrid Falk ont appelé à un cessez-le-feu. La seconde a ajouté que "
     "l'Allemagne enverrait de l'aide.", "l'Allemagne enverrait", "Ingrid Falk"),
    # subject and object make the pair too; a person in a noun's complement is no member of it
    ("Hugo Lemaire a rencontré Anton Berg jeudi à Varsovie. Le second a affirmé que la Pologne était prête à "
     "aider.", "la Pologne était prête", "Anton Berg"),
    ("Hugo Lemaire, conseiller de Paul Girard, a rencontré Anton Berg jeudi. Le second a estimé que les "
     "discussions avaient été utiles.", "discussions avaient été utiles", "Anton Berg"),
])
def test_le_premier_and_le_second_are_the_members_of_the_last_pair(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


@pytest.mark.parametrize("text, fragment, speaker", [
    # a body named in a clause about what it claimed
    ("Le ministre ukrainien a démenti que Kiev ait perdu le village, contrairement à ce qu'affirmait mercredi le "
     "ministère russe de la Défense. Ce dernier avait assuré que ses troupes avaient pris la localité.",
     "ses troupes avaient pris", "ministère russe de la Défense"),
    # the object of the sentence before, not its subject nor the last speaker
    ("Hugo Lemaire a accusé le Kremlin de mentir. Ce dernier a démenti toute implication dans l'attaque.",
     "toute implication", "Kremlin"),
    # a country named as a place is nobody's antecedent
    ("Hugo Lemaire a rencontré Anton Berg au Mali. Ce dernier a affirmé que la coopération était solide.",
     "la coopération était solide", "Anton Berg"),
])
def test_ce_dernier_is_the_last_actor_mentioned(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


@pytest.mark.parametrize("text, fragment, description", [
    # the unnamed source is the subject of its incise, whatever the parse made of it
    ("A Washington, la porte-parole adjointe du Pentagone, Sabrina Singh, a indiqué que les Etats-Unis étaient "
     "au courant.\n\n\"Nous avons eu des discussions franches\", a de son côté affirmé un responsable américain "
     "ayant requis l'anonymat. \"Nous restons en contact avec les autorités\", a-t-il ajouté.",
     "Nous restons en contact", "un responsable américain"),
    ("Ingrid Falk a indiqué que Washington était au courant. Un diplomate ouest-africain juge, sous couvert "
     "d'anonymat, que Niamey \"se tourne vers l'Est\". Pour lui, \"le départ des Américains n'est qu'une question "
     "de temps\".", "le départ des Américains", "Un diplomate ouest-africain"),
])
def test_a_pronoun_after_an_unnamed_source_stays_unnamed(extract, text, fragment, description):
    rows = extract(text, PUB)
    (st,) = [s for s in rows["statements"] if fragment in s["text"]]
    assert st["speaker_entity_idx"] is None or rows["names"].get(st["speaker_entity_idx"]) is None
    assert description in (st["speaker_description"] or "")


def test_il_after_an_unnamed_woman_is_not_her(extract):
    rows = extract("Paul Girard a indiqué que Paris était au courant. \"Nous avons eu des discussions franches\", "
                   "a affirmé une haute responsable européenne. \"Nous restons en contact\", a-t-il ajouté.", PUB)
    assert speaker_of(rows, "Nous restons en contact") == "Paul Girard"



def _row_with(rows, fragment):
    hits = [s for s in rows["statements"] if fragment in s["text"]]
    assert hits, f"no statement containing {fragment!r} in {rows['speakers']}"
    return hits[0]


@pytest.mark.parametrize("text, fragment, speaker, description, via", [
    # a medium that quotes someone relays; the one quoted speaks
    ("Les troupes ont franchi la frontière, a indiqué l'agence Yonhap, citant Hugo Lemaire.",
     "troupes ont franchi", "Hugo Lemaire", None, "Yonhap"),
    ("Selon l'agence officielle KCNA, citant Ingrid Falk, le pays ne renoncera jamais à ses armes.",
     "ne renoncera jamais", "Ingrid Falk", None, "KCNA"),
    ("L'armée a repoussé l'attaque, rapporte l'agence Irna, qui cite un commandant local.",
     "repoussé l'attaque", None, "un commandant local", "IRNA"),
    ("Selon Le Monde, qui cite un diplomate européen, Paris envisage de rappeler son ambassadeur.",
     "envisage de rappeler", None, "un diplomate européen", "Le Monde"),
    ("Selon l'agence Chine nouvelle, citant un responsable des garde-côtes, le navire avait heurté un bâtiment.",
     "navire avait heurté", None, "un responsable des garde-côtes", "Xinhua"),
])
def test_a_medium_citing_someone_relays_the_one_it_cites(extract, text, fragment, speaker, description, via):
    rows = extract(text, PUB)
    st = _row_with(rows, fragment)
    assert rows["names"].get(st["speaker_entity_idx"]) == speaker
    if description is not None:
        assert st["speaker_description"] == description
    assert rows["names"].get(st["reported_via_entity_idx"]) == via


@pytest.mark.parametrize("text, fragment, speaker, via", [
    ("« Nous sommes prêts à riposter », a déclaré Hugo Lemaire, cité par l'agence KCNA.", "prêts à riposter",
     "Hugo Lemaire", "KCNA"),
    ("Le ministre Anton Berg, cité par l'agence Irna, a assuré que les négociations reprendraient bientôt.",
     "négociations reprendraient", "Anton Berg", "IRNA"),
    ("Interrogé par la chaîne ARD, Paul Girard a estimé que l'Europe devait livrer davantage d'armes.",
     "l'Europe devait", "Paul Girard", "ARD"),
    ("« Il faut négocier », a déclaré Paul Girard dans un entretien à la chaîne CNN.", "Il faut négocier",
     "Paul Girard", "CNN"),
    # the article's own agency relays nothing
    ("« Il faut négocier », a déclaré Paul Girard dans un entretien à l'AFP.", "Il faut négocier",
     "Paul Girard", None),
])
def test_a_medium_that_carried_the_words_relays_and_the_speaker_stays(extract, text, fragment, speaker, via):
    rows = extract(text, PUB)
    st = _row_with(rows, fragment)
    assert rows["names"].get(st["speaker_entity_idx"]) == speaker
    assert rows["names"].get(st["reported_via_entity_idx"]) == via


def test_an_interview_after_the_content_is_not_part_of_it(extract):
    rows = extract("Ingrid Falk a estimé que le dialogue restait possible, dans un entretien accordé au quotidien "
                   "Le Figaro.", PUB)
    assert ("le dialogue restait possible", "indirect", "Ingrid Falk") in rows["speakers"]


@pytest.mark.parametrize("text, fragment, speaker", [
    # an intertitle summing up a quote of its section takes its speaker
    ("Ingrid Falk a reçu mardi Anton Berg. \"Nous sommes inquiets\", a déclaré M. Berg.\n\n"
     "- \"Non négociable\" -\n\n"
     "Hugo Lemaire a abordé la question du barrage.\n\n"
     "\"Notre souveraineté sur le fleuve n'est pas négociable\", a lancé M. Lemaire.",
     "Non négociable", "Hugo Lemaire"),
    # a definite role after its verb does not take the pronouns from its named holder
    ("La ministre de la Justice, Ingrid Falk, a indiqué que la réforme avançait. \"Nous tiendrons les délais\", "
     "a expliqué la garde des Sceaux. \"Le texte sera prêt en mai\", a-t-elle ajouté.",
     "Le texte sera prêt en mai", "Ingrid Falk"),
    # a narrative infinitive with its subject before it is that subject's
    ("Anton Berg a critiqué le plan. Et Hugo Lemaire de rétorquer : \"Nous ne céderons pas\".",
     "Nous ne céderons pas", "Hugo Lemaire"),
    ("Anton Berg a critiqué le plan. Et le ministre Paul Girard de conclure que la crise était finie.",
     "la crise était finie", "Paul Girard"),
])
def test_speakers_of_intertitles_definite_roles_and_narrative_infinitives(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


def test_ce_dernier_coordinated_with_another_side_is_no_speaker_alone(extract):
    text = ("Le directeur Paul Girard a rencontré les inspecteurs de l'agence norvégienne. \"Les dates ont été "
            "convenues\", ont annoncé dans un communiqué commun cette dernière et le ministère suédois.")
    (st,) = [s for s in extract(text, PUB)["statements"] if s["text"].startswith("Les dates")]
    assert st["speaker_entity_idx"] is None



@pytest.mark.parametrize("sentence, content", [
    # a definite phrase after a verb of judgement names what is judged, however long
    ("Hugo Lemaire a rejeté les résultats de l'élection, qui ont donné Anton Berg gagnant avec 80% des voix.", None),
    ("Ingrid Falk a salué la normalisation des relations entre la Norvège et la Suède.", None),
    ("Paul Girard a critiqué la politique commerciale de l'administration suédoise.", None),
    ("Ingrid Falk a dénoncé la réponse du gouvernement norvégien à la crise.", None),
    # an indefinite phrase, a judged one or one whose head is a claim says something
    ("Hugo Lemaire a dénoncé des passages à tabac et des tortures dans les prisons.",
     "des passages à tabac et des tortures dans les prisons"),
    ("Hugo Lemaire a dénoncé la mauvaise volonté de certains de ses homologues.",
     "la mauvaise volonté de certains de ses homologues"),
    ("Anton Berg a dénoncé la détention arbitraire de deux journalistes suédois.",
     "la détention arbitraire de deux journalistes suédois"),
    ("Anton Berg a dénoncé les violences policières qui frappent les manifestants.",
     "les violences policières qui frappent les manifestants"),
    ("Hugo Lemaire a défendu sa demande d'un meilleur partage des dépenses de défense.",
     "sa demande d'un meilleur partage des dépenses de défense"),
    ("Ingrid Falk a salué la possibilité de nouveaux déploiements dans la région.",
     "la possibilité de nouveaux déploiements dans la région"),
])
def test_definite_target_of_a_verb_of_judgement_is_not_a_statement(extract, sentence, content):
    indirect = [s[0] for s in extract(sentence, PUB)["speakers"] if s[1] == "indirect"]
    assert indirect == ([content] if content else [])


@pytest.mark.parametrize("text, words, speaker", [
    # a mission or a delegation speaks for the body that sent it
    ("Une mission de l'Union africaine a exprimé l'espoir que la junte libère les détenus.",
     "la junte libère", "Union africaine"),
    ("Une délégation de l'Union africaine a estimé que la junte devait libérer les détenus.",
     "la junte devait", "Union africaine"),
    # ... and a later "elle" goes on with that body
    ("Une mission de médiation de l'Union africaine s'est achevée lundi sans accord. Mais elle a exprimé "
     "l'espoir que la junte libère les détenus.", "la junte libère", "Union africaine"),
    # AFP writes the acronyms it pronounces as words in lower case
    ("L'Onu s'est dite « extrêmement préoccupée » par le sort d'Ingrid Falk.", "extrêmement préoccupée",
     "Nations unies"),
    # an unnamed source of both genders agrees as its determiner ("une autre fidèle" is no "il", whatever
    # gender the tagger gives the noun)
    ("« C'est bien la normalité », a ajouté une autre fidèle.\n\n"
     "« Les attentats reviennent beaucoup », commente pour la presse Hugo Lemaire. "
     "« On ne juge pas une politique sur un an », ajoute-t-il.", "On ne juge pas", "Hugo Lemaire"),
    # tweeting spelt either way reports the quote
    ("« Nous avons un nouveau visage », a twitté Hugo Lemaire, qui diffuse une photo.", "nouveau visage",
     "Hugo Lemaire"),
    ("« Nous avons un nouveau visage », twitte Hugo Lemaire, qui diffuse une photo.", "nouveau visage",
     "Hugo Lemaire"),
])
def test_speakers_of_bodies_epicene_sources_and_tweets(extract, text, words, speaker):
    assert speaker_of(extract(text, PUB), words) == speaker


@pytest.mark.parametrize("text", [
    "Un tribunal d'Oslo a condamné mercredi un ancien conseiller d'Anton Berg à près de neuf ans de prison pour "
    "espionnage.",
    "La cour a condamné Hugo Lemaire à mort.",
    "Un juge a condamné lundi un militant à une amende de 500 euros pour outrage.",
])
def test_a_court_sentence_is_no_statement(extract, text):
    assert extract(text, PUB)["speakers"] == []


def test_condemning_in_words_stays_a_statement(extract):
    rows = extract("Ingrid Falk a condamné une attaque « lâche » contre un poste de police à Oslo.", PUB)
    assert ("une attaque « lâche » contre un poste de police à Oslo", "indirect", "Ingrid Falk") in rows["speakers"]



@pytest.mark.parametrize("text, fragment, speaker", [
    # a description whose head was written as a title beside a name stands for that person, not the last speaker
    ("Le président ghanéen Hugo Lemaire a eu un bref échange avec le prince héritier jordanien, Karim Haddad. "
     "« Ne vous inquiétez pas », dit le prince. « Je suis inquiet », répond Hugo Lemaire.",
     "Ne vous inquiétez pas", "Karim Haddad"),
    # a job noun no head of state is called by: not the president who spoke before
    ("Le président ghanéen Hugo Lemaire a quitté la salle avant la fin. « Il a été très dur avec eux », a affirmé "
     "un membre de sa délégation. « Tout cela a été raconté de manière exagérée », a regretté le conseiller.",
     "Tout cela a été raconté", None),
    # a journalist is only someone introduced as one
    ("Le ministre ghanéen des Affaires étrangères Paul Girard était l'invité de la radio mardi. « Que pensez-vous "
     "de cette réforme ? », lui demande le journaliste de la station. « Je la soutiens », répond Paul Girard.",
     "Que pensez-vous", None),
    # a former office in a place or body is the person just named, whatever office he holds now
    ("« Je n'ai jamais utilisé cette procédure », assure le ministre ghanéen des Affaires étrangères Paul Girard. "
     "« Je n'en ai pas eu besoin. Mes alliés étaient au gouvernement », affirmait en 2015 l'ex-député de la Volta.",
     "Mes alliés étaient", "Paul Girard"),
    ("Ingrid Falk a été ministre du Travail avant de présider la région. « Ces chiffres sont faux », a réagi "
     "l'ancienne présidente de la Ligue des Droits Civiques.", "Ces chiffres sont faux", "Ingrid Falk"),
    # "son parti, le X": the parse ends the speaker phrase at the comma; the body named after it speaks
    ("« Pour la première fois, Hugo Lemaire a brisé ce tabou », a réagi son parti, le Rassemblement "
     "Civique. Le Rassemblement Civique a été fondé en 1990.", "brisé ce tabou", "Rassemblement Civique"),
    # "le ministre de l'Économie" is not the foreign minister last introduced as "le ministre ..."
    ("Le ministre ghanéen des Affaires étrangères, Paul Girard, a proposé un pont. « Faisons-le », a-t-il dit. "
     "Interrogé vendredi, Hugo Lemaire a répondu « pourquoi pas ». « Toutes les idées doivent être "
     "étudiées », a déclaré le ministre de l'Économie.", "Toutes les idées", "Hugo Lemaire"),
    # the journalist only saw Hugo Lemaire leave; Hugo Lemaire is who shouts next
    ("Hugo Lemaire a quitté le palais sous les huées, selon un journaliste de l'AFP. « Je reviendrai », "
     "a-t-il lancé aux manifestants.", "Je reviendrai", "Hugo Lemaire"),
])
def test_a_description_or_title_stands_for_the_person_it_fits(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


@pytest.mark.parametrize("text, label", [
    ("Berlin maintient qu'il peut rétablir les sanctions par le biais du mécanisme de « retour automatique » "
     "de l'accord, une procédure inédite.", "retour automatique"),
    ("Hugo Lemaire a estimé que la notion de « frontière sûre » revenait en force dans le débat.", "frontière sûre"),
    ("Selon Ingrid Falk, l'étiquette « extrémiste » du mouvement gêne les négociations.", "extrémiste"),
    ("Les manifestants brandissaient des pancartes « Paul Girard démission », a rapporté Clara Vidal.",
     "Paul Girard démission"),
    ("Anton Berg a assuré que les derniers rounds de « pourparlers techniques » avaient échoué.",
     "pourparlers techniques"),
])
def test_a_quote_after_a_noun_of_procedure_notion_label_or_inscription_is_a_name(extract, text, label):
    # CONVENTIONS: quoted labels are non-statements, also inside what a speaker reports
    assert not [s for s in extract(text, PUB)["speakers"] if s[0] == label]


@pytest.mark.parametrize("text, label", [
    ("Anton Berg est convoqué mercredi en tant que membre du « conseil de transition » formé par l'opposition.",
     "conseil de transition"),
    ("Le ministre a promis une réponse sous la forme d'un « retour rapide », un mécanisme qui rétablit les "
     "sanctions.", "retour rapide"),
    ("La ministre Clara Vidal prévoit des activités de « randonnée » en Savoie.", "randonnée"),
])
def test_a_quoted_noun_complement_no_frame_reports_is_a_label(extract, text, label):
    # the quote names a thing inside a noun phrase; the clause's subject did not say it
    assert not [s for s in extract(text, PUB)["speakers"] if s[0] == label]


@pytest.mark.parametrize("text, quote", [
    ("Hugo Lemaire a dénoncé une « trahison » de ses alliés.", "trahison"),
    ("Paul Girard a décrété « la mobilisation générale » et l'instauration de « la loi martiale ».",
     "la loi martiale"),
    ("La France est animée à la fois par le « volontarisme » et la « prudence », a-t-il par ailleurs affirmé.",
     "volontarisme"),
    ("Ingrid Falk a lancé un appel à la « désescalade » entre les deux pays.", "désescalade"),
])
def test_a_quoted_noun_phrase_someone_says_stays_a_statement(extract, text, quote):
    assert any(s[0] == quote and s[1] == "direct" for s in extract(text, PUB)["speakers"])


def test_title_named_later_with_the_same_title_noun(extract):
    """A definite title nobody before it holds is the person the article names later beside the same
    title noun ('le ministre moldave ... a souligné le ministre X'); not one of another country."""
    rows = extract("Le ministre moldave de l'Agriculture a estimé mardi que la récolte serait très mauvaise cette "
                   "année. La sécheresse a frappé le sud du pays pendant tout l'été. Les agriculteurs réclament des "
                   "aides. « Nous ferons face à cette crise », a souligné le ministre Anton Berg lors d'une "
                   "conférence de presse.")
    assert speaker_of(rows, "la récolte serait") == "Anton Berg"
    rows = extract("Le ministre moldave de l'Agriculture a estimé mardi que la récolte serait très mauvaise. "
                   "La sécheresse a frappé le sud du pays. « Nous aiderons nos voisins », a déclaré le ministre "
                   "roumain Anton Berg.")
    assert speaker_of(rows, "la récolte serait") is None


def test_title_of_a_body_named_later_beside_the_name(extract):
    """'La présidente du Parti des Travailleurs a dénoncé ... Clara Vidal, présidente du Parti des
    Travailleurs': the same title of the same body; not the president of another party, not a new one."""
    body = ("La présidente du Parti des Travailleurs a dénoncé lundi que la réforme était injuste. Le texte sera "
            "examiné en juin. Les syndicats appellent à manifester. Clara Vidal, {}présidente du {}, doit "
            "rencontrer le Premier ministre jeudi.")
    rows = extract(body.format("", "Parti des Travailleurs"))
    assert speaker_of(rows, "la réforme était") == "Clara Vidal"
    rows = extract(body.format("", "Parti Vert"))
    assert speaker_of(rows, "la réforme était") is None
    rows = extract(body.format("nouvelle ", "Parti des Travailleurs"))
    assert speaker_of(rows, "la réforme était") is None


def test_title_named_later_needs_the_same_office(extract):
    """'Le chef de l'Etat' is not the one named later as 'chef de la diplomatie'."""
    rows = extract("Le chef de l'Etat a estimé mardi que la crise serait longue. La sécheresse a frappé le sud du "
                   "pays. Les agriculteurs réclament des aides. Paul Girard, chef de la diplomatie, doit se rendre "
                   "à Rome jeudi.")
    assert speaker_of(rows, "la crise serait") != "Paul Girard"
    # a spokesman of some group is not the spokesman of a named body introduced later
    rows = extract("Le porte-parole d'un groupe de rebelles a affirmé mardi que l'offensive avait commencé. Les "
                   "combats ont duré toute la nuit. « La panique est forte », indique Hugo Lemaire, un porte-parole "
                   "du Front Uni.")
    assert speaker_of(rows, "l'offensive avait") != "Hugo Lemaire"


def test_title_of_a_country_s_body_named_later_without_the_body(extract):
    """'Le ministre moldave de l'Aviation civile a estimé ... a souligné le ministre X': the country's
    minister comes back without the portfolio."""
    rows = extract("Le ministre moldave de l'Aviation civile a estimé mardi que la panne était probable. "
                   "L'avion a disparu des radars vers minuit. « Je ne veux pas tirer de conclusions », a souligné "
                   "le ministre Paul Girard lors d'une conférence de presse.")
    assert speaker_of(rows, "la panne était") == "Paul Girard"


@pytest.mark.parametrize("text, fragment, speaker", [
    # a foreign first name the tagger reads as a foreign word (X) still opens the incise's subject: the
    # quote is hers, not the last person's named before it
    ("Hugo Lemaire a présenté le plan lundi. « C'est le loyer qui donne la valeur », avait expliqué "
     "Sudha Varga lundi.", "loyer", "Sudha Varga"),
    ("Hugo Lemaire a présenté le plan lundi. « Le marché a changé depuis des années », rappelle "
     "Sudha David-Falk, du centre de réflexion Atlas.", "marché a changé", "Sudha David-Falk"),
    # ... and so does a surname the tagger reads as an adverb
    ("Hugo Ducron avait prévenu Paul Girard au téléphone, comme le souligne le journal Atlas. « Je vais "
     "devoir taper fort, on n'a pas le choix », explique Ducron avant de détourner le slogan.", "taper fort",
     "Hugo Ducron"),
    # a participle clause after other fronted participle clauses is fronted too: the subject of the
    # main clause after them says its words
    ("Soulignant ses liens avec les syndicats, rappelant ses origines modestes, Hugo Lemaire s'est lui "
     "rendu lundi à Lyon.", "origines modestes", "Hugo Lemaire"),
    ("Arrivé lundi, saluant l'accueil chaleureux, Hugo Lemaire a promis des investissements.",
     "accueil chaleureux", "Hugo Lemaire"),
    ("Estimant que le vote était truqué, rappelant ses origines modestes, l'opposante Clara Vidal a appelé "
     "à manifester.", "origines modestes", "Clara Vidal"),
    # a document whose complement names no issuer speaks for the one who answered by it or published it
    ("Hugo Lemaire a répondu à son homologue par un message affirmant « vous mentez sur tout », sans autre "
     "commentaire.", "vous mentez", "Hugo Lemaire"),
    ("Paul Girard a réagi dans une lettre dénonçant une « trahison » du parti.", "trahison", "Paul Girard"),
    # the quotation after the colon is the incise subject's, not the person named inside the first quotation
    ("Mardi, le parti a dénoncé l'arrestation de Clara Vidal. « Clara est de bonne humeur, prête au "
     "combat », a déclaré à l'AFP son avocate, Ingrid Falk : « Elle confirme qu'elle a déchiré son "
     "passeport pour rester au pays ».", "déchiré son passeport", "Ingrid Falk"),
    # the narrative infinitive's subject after an adverbial set off by commas: that subject speaks
    ("Hugo Lemaire souhaite « noyer la région sous les armes », a ironisé son homologue Paul Girard. Et, dans "
     "cette joute oratoire, M. Lemaire de rétorquer auprès du Courrier de Lyon : « J'espère qu'un jour vous "
     "changerez d'avis ».", "changerez d'avis", "Hugo Lemaire"),
    ("Hugo Lemaire souhaite « noyer la région sous les armes », a ironisé son homologue Paul Girard. Mais, "
     "lundi soir, Hugo Lemaire de répliquer : « J'espère qu'un jour vous changerez d'avis ».",
     "changerez d'avis", "Hugo Lemaire"),
    # the office of a body the text names stands for the person named just before, for the pronoun after it too
    ("Clara Vidal veut s'allier à Paul Girard. La présidente du Front national a publié une lettre ouverte "
     "jeudi, dans laquelle elle affirme avoir proposé à son homologue une liste commune.", "liste commune",
     "Clara Vidal"),
    ("Clara Vidal veut s'allier à Paul Girard. La présidente du Front national a publié une lettre ouverte "
     "jeudi. Elle y affirme avoir proposé à son homologue une liste commune.", "liste commune", "Clara Vidal"),
    # 'X a affirmé que Y « ... », tout en rejetant Z': the participle goes with the main verb's subject,
    # not with a verb inside the words X reports
    ("Le ministre norvégien Anton Berg est arrivé à Stockholm. Le diplomate a affirmé que la Norvège "
     "« ne souhaitait pas l'escalade », tout en rejetant la responsabilité des tensions sur la Suède.",
     "la responsabilité des tensions", "Anton Berg"),
    # 'Son homologue norvégien' after a Swedish foreign minister: the Norwegian foreign minister named
    # before, not the Norwegian head of government named after him
    ("La Norvège a convoqué l'ambassadeur suédois, a annoncé le chef de la diplomatie norvégienne, "
     "Anton Berg. La Première ministre norvégienne Ingrid Falk a dénoncé une provocation. Le ministre "
     "suédois des Affaires étrangères Hugo Lemaire a réclamé des preuves. Son homologue norvégien a mis "
     "en cause le gouvernement suédois. « Les indices sont nombreux », a-t-il dit.", "Les indices sont nombreux",
     "Anton Berg"),
    # a comma-set 'qui ... avait' is singular: not 'les Etats' but the secretary, that is X
    ("Hugo Lemaire venait de rencontrer Anton Berg, secrétaire du Conseil pour les relations avec les "
     "Etats, qui lui avait exprimé son soutien pour la réforme.", "son soutien pour la réforme", "Anton Berg"),
    # a quote inside the participle adjunct of an incise ('allant jusqu'à qualifier X de « ... »') is the
    # incise's speaker's, even where the parser took the inverted subject for an object; not that of a
    # later quote that repeats the word
    ("\"La Norvège a des arriérés, ça fait des années qu'elle a des arriérés et elle doit des milliards à "
     "l'alliance et il faut qu'elle paie\", a encore déclaré Hugo Lemaire, allant jusqu'à qualifier la Norvège "
     "de \"délinquante\".\n\n\"La Norvège a été qualifiée trois fois de délinquante\", s'est insurgé un "
     "diplomate suédois.", "délinquante", "Hugo Lemaire"),
])
def test_the_speaker_the_sentence_s_grammar_gives(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


@pytest.mark.parametrize("text, fragment", [
    # not a document someone cites, nor one aimed at the subject
    ("Le ministère a cité un rapport affirmant que la dette avait doublé.", "dette avait doublé"),
    ("Clara Vidal a été visée par un message affirmant qu'elle mentait.", "elle mentait"),
])
def test_participle_on_a_cited_document_stays_unnamed(extract, text, fragment):
    assert speaker_of(extract(text, PUB), fragment) is None


def test_a_plural_relative_qui_skips_a_singular_noun(extract):
    rows = extract("Hugo Lemaire a reçu lundi les représentants des syndicats de la région Bretagne, qui ont réclamé "
                   "une hausse des salaires.")
    (statement,) = [s for s in rows["statements"] if "hausse des salaires" in s["text"]]
    assert statement["speaker_text"] == "les représentants des syndicats de la région Bretagne"


# quoted names governed by a noun of time, place, body or group; names repeated; formulas and new names ----------

@pytest.mark.parametrize("text, label", [
    # inside what a frame reports, the name of an event or a body is still a name
    ("Anton Berg a estimé, à la veille du « premier vol direct » entre les deux pays, que la paix était proche.",
     "premier vol direct"),
    ("Selon Clara Vidal, les membres du « comité de salut » seront arrêtés.", "comité de salut"),
    ("Paul Girard va réunir les ministres pour répondre à la colère des « bonnets verts », a annoncé la présidence.",
     "bonnets verts"),
    # a clause whose subject no frame makes a speaker
    ("Hugo Lemaire s'est dit favorable à un référendum, une des principales revendications des « bonnets verts ».",
     "bonnets verts"),
    ("Ingrid Falk a défendu la formule « une île, deux lois » devant les députés.", "une île, deux lois"),
])
def test_a_quote_governed_by_a_noun_of_event_body_or_group_is_a_name(extract, text, label):
    # CONVENTIONS: quoted labels are non-statements, also inside what a speaker reports
    assert not [s for s in extract(text, PUB)["speakers"] if s[0] == label]


def test_a_name_written_again_elsewhere_in_the_article_is_still_a_name(extract):
    text = ("Paul Girard va réunir les ministres pour répondre à la colère des « bonnets verts », a annoncé la "
            "présidence.\n\nSur les barrages des « bonnets verts », Hugo Lemaire a assuré que le calme revenait.")
    rows = extract(text, PUB)
    assert speaker_of(rows, "le calme revenait") == "Hugo Lemaire"  # the extraction did run
    assert not [s for s in rows["speakers"] if s[0] == "bonnets verts"]


@pytest.mark.parametrize("text, quote", [
    # a noun of speech or evaluation before the complement: someone's words
    ("Paul Girard a dénoncé la démonstration de la « mort lente » de l'alliance.", "mort lente"),
    ("Hugo Lemaire a fait part de la « vive inquiétude » de Berlin.", "vive inquiétude"),
])
def test_a_quoted_complement_of_another_noun_stays_a_statement(extract, text, quote):
    assert any(s[0] == quote and s[1] == "direct" for s in extract(text, PUB)["speakers"])


@pytest.mark.parametrize("text, label", [
    ("Hugo Lemaire a répété qu'il se satisferait d'un « no deal » si Bruxelles refusait.", "no deal"),
    ("Selon Anton Berg, la Chine mise sur son « soft power » en Afrique.", "soft power"),
    ("Ingrid Falk a dénoncé les « fake news » qui visent le gouvernement.", "fake news"),
])
def test_a_short_quote_in_english_is_a_term(extract, text, label):
    # the press translates what is said in English: English words in quotes are a term or a title
    assert not [s for s in extract(text, PUB)["speakers"] if s[0] == label]


def test_a_french_quote_of_words_english_shares_stays_a_statement(extract):
    rows = extract("Paul Girard a dénoncé une « trahison » et un « abandon en rase campagne » de ses alliés.", PUB)
    assert any(s[0] == "trahison" and s[1] == "direct" for s in rows["speakers"])


@pytest.mark.parametrize("text, label", [
    ("La journée « marathon » du ministre a commencé à l'aube devant les éleveurs.", "marathon"),
    ("Les visiteurs pourront venir dans le cadre d'un projet « pilote » de la région.", "pilote"),
])
def test_a_lone_noun_quoted_after_a_noun_is_an_apposition_not_speech(extract, text, label):
    assert not [s for s in extract(text, PUB)["speakers"] if s[0] == label]


def test_a_lone_noun_quoted_after_a_noun_and_a_verb_of_saying_stays_a_statement(extract):
    # the tagger may take a quoted adjective for a noun ('des propos « diffamatoires »'): a verb of saying keeps it
    rows = extract("Le ministre a dénoncé jeudi des propos « diffamatoires » et « calomnieux ».", PUB)
    assert any(s[0] == "diffamatoires" and s[1] == "direct" for s in rows["speakers"])
