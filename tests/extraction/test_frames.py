"""Reporting frames read from the parse, and the speakers they give, on sentences written for these tests.

One test (or more) per class of issue #11 and per word order: cue before the content, after it, inside
a quotation; inverted subject; a role and a name in apposition.
"""
from datetime import date

import pytest

from dagster_project.extraction.frames import frames_of

from .conftest import speaker_of

PUB = date(2025, 3, 14)


@pytest.fixture(scope="module")
def frames(nlp):
    def run(text):
        doc = nlp(text)
        return [(f.kind, f.lemma, text[f.speaker[0]:f.speaker[1]] if f.speaker else None,
                 [text[s:e] for s, e in f.contents], f.negated) for f in frames_of(doc)]
    return run


# A negative case passes on an empty extraction too: each one comes with a statement that must be found.
CONTROL = "\n\n« Nous continuerons », a déclaré Emmanuel Macron."
CONTROL_FRAME = "\n\nLe ministre a déclaré que la réforme avançait."


def control_only(rows):
    return [s["text"] for s in rows["statements"]] == ["Nous continuerons"]


def control_contents(found):
    return [c for f in found for c in f[3]] == ["la réforme avançait"]


def contents_of(rows, kind="indirect"):
    return [(t, spk) for t, typ, spk in rows["speakers"] if typ == kind]


# 1. the cue in any tense, mood or person -----------------------------------------------------------------

@pytest.mark.parametrize("cue", ["avait répliqué", "aurait affirmé", "estime", "a fait valoir", "affirmera",
                                 "soulignait", "a tenu à rappeler"])
def test_cue_in_any_tense(frames, cue):
    text = f"La ministre néerlandaise de la Santé {cue} que les hôpitaux manquaient de lits."
    found = frames(text)
    assert [f for f in found if f[3] == ["les hôpitaux manquaient de lits"]
            and f[2] == "La ministre néerlandaise de la Santé"], found


def test_present_participle_speaks_for_the_main_subject(extract):
    rows = extract("Le maire de Lyon a visité le chantier mardi, déclarant que les travaux finiraient en juin.", PUB)
    assert ("les travaux finiraient en juin", "indirect") in [(t, typ) for t, typ, _ in rows["speakers"]]


def test_clitic_subject_after_the_auxiliary(frames):
    found = frames("Les négociations reprendront lundi, a-t-elle ajouté.")
    assert found == [("incise", "ajouter", "-elle", ["Les négociations reprendront lundi"], False)]


def test_dire_with_an_infinitive(frames):
    found = frames("Le syndicat dit vouloir poursuivre la grève jusqu'à la fin du mois.")
    assert found and found[0][3] == ["vouloir poursuivre la grève jusqu'à la fin du mois"]


def test_negated_cue_reports_nothing(extract):
    rows = extract("Le porte-parole n'a pas indiqué que la réunion était annulée." + CONTROL, PUB)
    assert control_only(rows)


def test_infinitive_after_a_preposition_is_not_a_cue(frames):
    # (after a verb of gathering or of summoning, "pour dénoncer X" says what was said: purpose_governors)
    assert control_contents(frames("Il a réservé une salle pour annoncer sa candidature." + CONTROL_FRAME))


# 2. words between the cue and the speaker ----------------------------------------------------------------

def test_inverted_subject_behind_time_and_place(extract):
    rows = extract("Nous ne signerons rien sans garanties, a déclaré jeudi à Bruxelles devant la presse "
                   "la ministre suédoise Anna Lindqvist.", PUB)
    assert speaker_of(rows, "Nous ne signerons rien") == "Anna Lindqvist"


def test_addressee_and_channel_between_cue_and_content(frames):
    found = frames("Le Premier ministre a affirmé dans un communiqué à ses partenaires que l'accord tiendrait.")
    assert found[0][3] == ["l'accord tiendrait"]


# 3. a role and a name in apposition ----------------------------------------------------------------------

def test_role_then_name_in_apposition(extract):
    rows = extract("Le porte-parole du gouvernement malien, Amadou Traoré, a assuré que les élections "
                   "auraient lieu à la date prévue.", PUB)
    assert speaker_of(rows, "les élections auraient lieu") == "Amadou Traoré"


def test_name_after_an_inverted_role(extract):
    rows = extract("« La frontière restera ouverte », a affirmé le ministre estonien de l'Intérieur Karl Saar.", PUB)
    assert speaker_of(rows, "La frontière restera ouverte") == "Karl Saar"


# 4. organisations, institutions and countries that speak -------------------------------------------------

def test_an_organisation_speaks(extract):
    rows = extract("L'Organisation mondiale de la santé a estimé vendredi que l'épidémie reculait.", PUB)
    assert speaker_of(rows, "l'épidémie reculait") is not None


def test_a_capital_speaks_for_its_government(extract):
    rows = extract("Berlin estime que les sanctions doivent être renforcées.", PUB)
    assert speaker_of(rows, "les sanctions doivent") == "Allemagne"


def test_communique_speaks_for_its_issuer(extract):
    rows = extract("La situation reste tendue dans la région, selon un communiqué de l'Otan.", PUB)
    assert speaker_of(rows, "La situation reste tendue") == "OTAN"


# 5. anaphoric sources ------------------------------------------------------------------------------------

def test_pronoun_speaker_takes_the_last_speaker(extract):
    rows = extract("Olaf Scholz a reçu Giorgia Meloni à Berlin. Le chancelier a jugé que la rencontre était utile. "
                   "« Nous avançons », a-t-il ajouté.", PUB)
    assert speaker_of(rows, "Nous avançons") == "Olaf Scholz"


def test_feminine_pronoun_skips_the_masculine_speaker(extract):
    rows = extract("Pedro Sánchez a rencontré Ursula von der Leyen mardi. « Il faut aller vite », a-t-elle déclaré.",
                   PUB)
    assert speaker_of(rows, "Il faut aller vite") == "Ursula von der Leyen"


def test_definite_description_refers_back(extract):
    rows = extract("Le chanteur Youssou Ndour a donné un concert à Dakar. « Je reviendrai », a assuré l'artiste "
                   "devant ses fans.", PUB)
    assert speaker_of(rows, "Je reviendrai") == "Youssou Ndour"


def test_selon_lui(extract):
    rows = extract("Viktor Orban a quitté la réunion. Selon lui, les discussions n'avaient aucun sens.", PUB)
    assert speaker_of(rows, "les discussions n'avaient aucun sens") == "Viktor Orban"


# 6. a name inside the quoted words is not the speaker ----------------------------------------------------

def test_name_inside_the_quote_is_not_the_speaker(extract):
    rows = extract("Karin Keller-Sutter a reçu des journalistes. « Emmanuel Macron m'a appelée hier », "
                   "a-t-elle raconté.", PUB)
    assert speaker_of(rows, "m'a appelée hier") == "Karin Keller-Sutter"


# 7. unnamed sources stay unnamed -------------------------------------------------------------------------

def test_unnamed_official_is_not_the_minister(extract):
    rows = extract("Le ministre de la Défense Boris Pistorius est arrivé à Vilnius. Un haut responsable du "
                   "ministère a affirmé que les troupes resteraient.", PUB)
    (statement,) = [s for s in rows["statements"] if "troupes resteraient" in s["text"]]
    assert statement["speaker_entity_idx"] is None
    assert "responsable" in statement["speaker_description"]


def test_pronoun_after_an_unnamed_source_stays_unnamed(extract):
    rows = extract("Giorgia Meloni a quitté Rome. « Elle ne cédera pas », confie un de ses proches. "
                   "« Jamais », insiste-t-il.", PUB)
    assert speaker_of(rows, "Jamais") is None


# 8. indirect speech beyond que-clauses -------------------------------------------------------------------

@pytest.mark.parametrize("sentence,content", [
    ("Le secrétaire général a exhorté les belligérants à cesser le feu.", "les belligérants à cesser le feu"),
    ("La Commission appelle à la retenue.", "à la retenue"),
    ("Le président a demandé à son gouvernement de revoir le budget.", "de revoir le budget"),
    ("Le groupe armé menace de frapper les convois humanitaires.", "de frapper les convois humanitaires"),
    ("Le parquet accuse l'ancien ministre de corruption passive.", "l'ancien ministre de corruption passive"),
    ("L'ambassadeur a salué les progrès considérables du dialogue bilatéral.",
     "les progrès considérables du dialogue bilatéral"),
])
def test_indirect_complements_beyond_que(frames, sentence, content):
    assert content in [c for f in frames(sentence) for c in f[3]]


def test_adjunct_after_the_content_is_not_content(frames):
    found = frames("Le président a menacé de quitter l'organisation, à l'instar de son voisin.")
    assert found[0][3] == ["de quitter l'organisation"]


def test_coordinated_clause_with_its_own_subject_and_cue_ends_the_content(frames):
    found = frames("La ministre a estimé que le pays faisait des progrès mais elle craint que la crise ne dure.")
    contents = [c for f in found for c in f[3]]
    assert contents == ["le pays faisait des progrès", "la crise ne dure"], found


def test_fronted_infinitive_speaks_for_the_main_subject(frames):
    found = frames("Après avoir accusé le Japon de vouloir affaiblir son pays, la ministre sud-coréenne a changé de ton.")
    assert [(f[2], f[3]) for f in found] == [("la ministre sud-coréenne", ["le Japon de vouloir affaiblir son pays"])]


def test_bare_participle_with_its_agent_is_a_passive(extract):
    rows = extract("Sommée par la ministre Anne Dubois de trouver un accord, la direction a rouvert les discussions.",
                   PUB)
    assert speaker_of(rows, "de trouver un accord") == "Anne Dubois"


def test_finite_cue_with_a_par_phrase_stays_active(frames):
    found = frames("Claire Martin décrit un ministre accaparé par les sondages plutôt que par les réformes.")
    assert [(f[2], f[3]) for f in found] == [
        ("Claire Martin", ["un ministre accaparé par les sondages plutôt que par les réformes"])], found


def test_evaluation_by_an_agent_is_the_agents_words(extract):
    rows = extract("Le projet, qualifié de « pure fiction » par le ministre Paul Girard, a été abandonné. "
                   "Le plan a été jugé « irréaliste » par Berlin.", PUB)
    assert [(t, typ, spk) for t, typ, spk in rows["speakers"]] == [
        ("pure fiction", "direct", "Paul Girard"), ("irréaliste", "direct", "Allemagne")]


def test_unknown_word_with_its_auxiliary_and_a_channel_before_the_speaker(frames):
    found = frames("« Nous ne céderons pas », a tweeté le ministre Jean Dupont. « Rien ne bouge », a déclaré "
                   "dans un communiqué Marie Durand. « Tout va bien », plaisante Paul Girard. « C'est historique », "
                   "a d'ailleurs commenté sur Twitter le ministre Marc Leroi.")
    assert [(f[1], f[2]) for f in found] == [("tweeter", "le ministre Jean Dupont"), ("déclarer", "Marie Durand"),
                                             ("plaisanter", "Paul Girard"), ("commenter", "le ministre Marc Leroi")]


def test_office_in_a_body_the_dictionary_lacks_names_no_head_of_state(extract):
    rows = extract("Emmanuel Macron est à Paris. « Nous gagnerons », a poursuivi le président de Debout la Patrie.",
                   PUB)
    assert speaker_of(rows, "Nous gagnerons") is None


def test_a_pronoun_after_a_title_reaches_the_person_the_title_points_back_to(extract):
    rows = extract("Marie Durand a déposé sa candidature. La ministre de l'Environnement veut ouvrir un nouveau "
                   "chapitre. « C'est sérieux », a-t-elle expliqué.", PUB)
    assert speaker_of(rows, "C'est sérieux") == "Marie Durand"


def test_comme_with_a_cue_vouches_for_the_main_clause(frames):
    found = frames("Comme le rappelle le quotidien Ouest-France, la criminalité a baissé. Les prix ont augmenté, "
                   "comme l'a souligné le ministre Jean Dupont.")
    assert [(f[0], f[2], f[3]) for f in found] == [
        ("source", "le quotidien Ouest-France", ["la criminalité a baissé"]),
        ("source", "le ministre Jean Dupont", ["Les prix ont augmenté"])]


def test_a_fronted_prepositional_phrase_is_not_the_subject(frames):
    found = frames("Aux côtés de Jean Dupont, Pierre Martin a déclaré que la crise était finie.")
    assert [(f[2], f[3]) for f in found] == [("Pierre Martin", ["la crise était finie"])]


def test_a_partitive_subject_is_a_subject(frames):
    found = frames("Les autorités ont admis dix morts, mais des médecins estiment que le bilan approche les trente.")
    assert [f[2] for f in found if f[3] == ["le bilan approche les trente"]] == ["médecins"], found


def test_a_participle_after_a_relative_clause_with_its_own_subject_is_that_subjects(frames):
    found = frames("Il s'est tu pendant cette réunion durant laquelle Marie Durand a parlé longtemps, assurant "
                   "que les électeurs la suivraient.")
    assert ("Marie Durand", ["les électeurs la suivraient"]) in [(f[2], f[3]) for f in found], found


def test_a_participle_after_a_relative_clause_speaks_for_the_main_subject(frames):
    found = frames("Jean Dupont a opposé un refus à Marie Durand qui lui proposait une alliance, assurant "
                   "que les électeurs ne suivraient pas.")
    assert ("Jean Dupont", ["les électeurs ne suivraient pas"]) in [(f[2], f[3]) for f in found], found


@pytest.mark.parametrize("period", ["fin mai", "début 2020", "mi-mars"])
def test_a_period_between_the_cue_and_que_is_not_content(frames, period):
    found = frames(f"Le ministre a annoncé {period} que le pays renonçait au projet.")
    assert [c for f in found for c in f[3]] == ["le pays renonçait au projet"], found


def test_a_clause_told_beside_or_a_comment_after_ends_the_content(extract):
    rows = extract("Marie Durand a appelé Pierre Martin à céder tandis que Jean Dupont a souligné que la crise "
                   "durait. Les opposants veulent rompre avec la Russie, ce qu'a démenti Paul Girard.", PUB)
    assert [(t, spk) for t, _, spk in rows["speakers"]] == [
        ("Pierre Martin à céder", "Marie Durand"), ("la crise durait", "Jean Dupont"),
        ("Les opposants veulent rompre avec la Russie", "Paul Girard")]


def test_people_named_by_their_trade_speak_in_the_plural_too(extract):
    rows = extract("Le vidéaste ajoute que le projet est financé par la mairie. Des épidémiologistes estiment que "
                   "le pic est passé. La crise menace de s'étendre aux pays voisins.", PUB)
    assert [t for t, _, _ in rows["speakers"]] == ["le projet est financé par la mairie", "le pic est passé"]


def test_a_source_after_a_quantity(frames):
    found = frames("La crise va durer, selon bien des observateurs. Les prix vont baisser, d'après nombre d'experts.")
    assert [c for f in found for c in f[3]] == ["La crise va durer", "Les prix vont baisser"], found


def test_the_fact_after_par_is_the_content(frames):
    found = frames("Le ministre a justifié ce retrait par le fait que la Russie ne respectait plus le traité.")
    assert [c for f in found for c in f[3]] == ["la Russie ne respectait plus le traité"], found


def test_inanimate_subject_reports_nothing(extract):
    rows = extract("La crise menace de s'étendre aux pays voisins." + CONTROL, PUB)
    assert control_only(rows)


# 9. selon X, d'après X, pour X ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,content,source", [
    ("Selon le ministère chinois du Commerce, les exportations ont baissé.", "les exportations ont baissé",
     "le ministère chinois du Commerce"),
    ("Les exportations ont baissé, d'après les douanes.", "Les exportations ont baissé", "les douanes"),
    ("Pour le Premier ministre, la réforme est indispensable.", "la réforme est indispensable", "le Premier ministre"),
])
def test_source_prepositions(frames, sentence, content, source):
    assert ("source", content, source) in [(f[0], c, f[2]) for f in frames(sentence) for c in f[3]]


def test_pour_without_a_comma_is_not_a_source(frames):
    assert control_contents(frames("Il a voté pour le candidat du centre." + CONTROL_FRAME))


def test_pour_before_a_hyphenated_noun_the_parser_splits(frames):
    # the parser can head "le libre-échange" on its hyphen, a punctuation mark with nothing after it
    found = frames("En voyage au Chili, la commissaire a milité jeudi pour le libre-échange." + CONTROL_FRAME)
    assert control_contents(found)
    assert not [f for f in found if f[0] == "source"]


def test_selon_inside_a_phrase_is_not_a_source(frames):
    found = frames("Ils ont salué des progrès réels selon eux dans la région.")
    assert found  # the salué frame
    assert not [f for f in found if f[0] == "source"]


# 10. quoted labels are not statements --------------------------------------------------------------------

def test_quoted_label_is_not_a_statement(extract):
    rows = extract("Le mouvement des « gilets verts » a manifesté samedi à Lille." + CONTROL, PUB)
    assert control_only(rows)


def test_short_quote_inside_a_content_is_a_statement(extract):
    rows = extract("Le ministre a qualifié l'attaque de « barbare ».", PUB)
    assert ("barbare", "direct") in [(t, typ) for t, typ, _ in rows["speakers"]]


# word orders ---------------------------------------------------------------------------------------------

def test_cue_before_the_quote_with_a_colon(extract):
    rows = extract("La présidente slovaque Zuzana Caputova a déclaré : « Nous resterons unis ».", PUB)
    assert speaker_of(rows, "Nous resterons unis") == "Zuzana Caputova"


def test_cue_inside_the_quote(extract):
    rows = extract("« Cette loi, affirme le député Marc Lenoir, ne passera pas ».", PUB)
    assert speaker_of(rows, "ne passera pas") == "Marc Lenoir"


def test_medial_incise_in_a_clause_is_one_content(frames):
    found = frames("La Norvège, affirme-t-il, n'a pas l'intention de rejoindre l'Union.")
    assert found[0][3] == ["La Norvège, affirme-t-il, n'a pas l'intention de rejoindre l'Union"]


def test_medial_incise_between_two_clauses_gives_two_contents(frames):
    found = frames("Le cessez-le-feu tient, a-t-il dit, il faut maintenant reconstruire les écoles.")
    assert found[0][3] == ["Le cessez-le-feu tient", "il faut maintenant reconstruire les écoles"]


def test_quote_continues_in_the_next_paragraph(extract):
    rows = extract("« Nous avons tout perdu », raconte Amina Diallo, une habitante du quartier.\n\n"
                   "« Il ne reste que les murs. »", PUB)
    assert speaker_of(rows, "Il ne reste que les murs") == "Amina Diallo"


# 11. scraped text: lost and doubled spaces ---------------------------------------------------------------

def test_sentence_starts_after_a_full_stop_that_lost_its_space(extract):
    rows = extract("La Commission a affirmé qu'elle voulait coopérer \"de bonne foi\".Nadia Berg s'est "
                   "déclarée \"très favorable\" au texte.", PUB)
    assert speaker_of(rows, "très favorable") == "Nadia Berg"


def test_doubled_space_between_cue_and_infinitive(frames):
    found = frames("Le gouverneur de l'Ohio a annoncé  suspendre le plan de réouverture.")
    assert found and found[0][3] == ["suspendre le plan de réouverture"]


def test_speaker_after_the_platform_he_writes_on(extract):
    rows = extract("« Aucune décision n'est prise », a écrit lundi sur Twitter Thierry Lagarde, élu de la région.", PUB)
    assert speaker_of(rows, "Aucune décision") == "Thierry Lagarde"


def test_speaker_after_the_audience_he_speaks_to(extract):
    rows = extract("« Nous tiendrons nos engagements », commente pour la presse Ségolène Duval. « Rien n'est "
                   "joué », a répété devant les députés Marc Lemaire.", PUB)
    assert speaker_of(rows, "Nous tiendrons") == "Ségolène Duval"
    assert speaker_of(rows, "Rien n'est") == "Marc Lemaire"


def test_a_presidency_named_by_its_country_speaks_for_itself(extract):
    rows = extract("« Le dialogue reste ouvert », a indiqué la présidence kényane.", PUB)
    assert speaker_of(rows, "Le dialogue") == "présidence kényane"


def test_the_chair_of_a_body_is_no_body(extract):
    rows = extract("Le Sénégal, qui assure la présidence de l'Union africaine, a affirmé que la crise était grave.", PUB)
    assert speaker_of(rows, "la crise était grave") == "Sénégal"


def test_a_demonstrative_source_points_back_to_the_person_named(extract):
    rows = extract("A Hébron, Samir Haddad a dénoncé l'accord : « Nous avons été trahis », a dit ce commerçant.", PUB)
    assert speaker_of(rows, "Nous avons été trahis") == "Samir Haddad"


def test_a_definite_title_refers_back_to_whom_it_was_apposed(extract):
    rows = extract("« Le bilan est de trois morts », a annoncé le préfet de la région, Alain Moreau. La police "
                   "enquête. « Nous gérons la situation », a déclaré le préfet.", PUB)
    assert speaker_of(rows, "Nous gérons la situation") == "Alain Moreau"


def test_a_medium_or_body_named_in_apposition_speaks(extract):
    rows = extract("« Le calme est revenu », affirmait l'agence de presse Xinhua. Le mouvement islamiste Hezbollah "
                   "a affirmé que la frontière resterait fermée.", PUB)
    assert speaker_of(rows, "Le calme est revenu") == "Xinhua"
    assert speaker_of(rows, "la frontière resterait fermée") == "Hezbollah"


def test_a_body_its_adjective_pins_down_may_be_named_in_its_words(extract):
    rows = extract("Selon l'institut Brookings, la trêve tiendra. Le président iranien a reçu les chefs du "
                   "Hezbollah pour préparer la riposte, a annoncé le mouvement chiite libanais dans un communiqué.",
                   PUB)
    assert speaker_of(rows, "pour préparer la riposte") == "Hezbollah"


def test_a_quote_with_no_cue_goes_on_with_the_subject_just_before(extract):
    rows = extract("« Nous enverrons des secours », a dit Pedro Sanchez.\n\nOlaf Scholz s'est montré très ému. "
                   "« Nos pensées vont aux victimes. »", PUB)
    assert speaker_of(rows, "Nos pensées vont") == "Olaf Scholz"


def test_a_title_no_known_office_goes_by_is_not_that_person(extract):
    rows = extract("Emmanuel Macron a annoncé la réouverture des stades. En Allemagne, le ministre des Sports "
                   "s'est dit favorable à une reprise rapide du championnat.", PUB)
    assert speaker_of(rows, "favorable à une reprise") is None


def test_a_description_with_a_nationality_is_someone_of_that_country(extract):
    rows = extract("« Ne vous inquiétez pas », dit le prince. « Je suis inquiet », répond Emmanuel Macron. "
                   "« Bien sûr que j'écouterai », rétorque le prince héritier saoudien.", PUB)
    assert speaker_of(rows, "Je suis inquiet") == "Emmanuel Macron"
    assert speaker_of(rows, "Bien sûr que") is None


def test_a_quote_after_said_is_speech_not_a_name(extract):
    rows = extract("En partant, Olaf Scholz lui a dit « à la semaine prochaine ». « La paix est possible », "
                   "a-t-il dit. « Le chemin est étroit », a-t-il admis.", PUB)
    assert speaker_of(rows, "à la semaine prochaine") == "Olaf Scholz"
    assert speaker_of(rows, "Le chemin est étroit") == "Olaf Scholz"


def test_an_infinitive_cue_after_a_verb_of_occasion(frames):
    found = frames("La ministre en a profité pour annoncer que le budget serait voté en juin.")
    assert found and found[0][3] == ["le budget serait voté en juin"]


def test_the_infinitive_after_the_addressee_is_the_content(frames):
    found = frames("Le Quai d'Orsay a conseillé aux voyageurs de ne pas se rendre dans la région.")
    assert found and found[0][3] == ["de ne pas se rendre dans la région"]


def test_verbs_of_urging(frames):
    found = frames("Le syndicat a incité les salariés à poursuivre la grève jusqu'à lundi.")
    assert found and found[0][3] == ["les salariés à poursuivre la grève jusqu'à lundi"]


def test_a_plural_source_is_no_antecedent_of_il(extract):
    rows = extract("Le ministre Karl Weber doit recevoir les syndicats lundi. Il devrait annoncer une réforme, "
                   "selon ses proches.\n\nIl a assuré que le texte serait prêt en juin.", PUB)
    assert speaker_of(rows, "le texte serait prêt") == "Karl Weber"


# 12. sources and speakers the tagger or the phrase hides ---------------------------------------------------

def test_selon_lesquelles_gives_the_clause_after_it(frames):
    found = frames("Il a pris ses distances avec les déclarations du ministre Paul Roux selon lesquelles "
                   "la réforme serait abandonnée.")
    assert ("source", "selon", "Paul Roux", ["la réforme serait abandonnée"], False) in found


def test_a_participle_noun_after_a_determiner_is_the_inverted_subject(extract):
    rows = extract("« Pourquoi attendre ? », a demandé l'opposant Karim Belkacem sur son blog.", PUB)
    assert speaker_of(rows, "Pourquoi attendre") == "Karim Belkacem"


def test_incise_after_a_clause_the_tagger_missed(extract):
    rows = extract("Son épouse l'accompagnera, a annoncé mercredi l'entourage du ministre Luc Fabre.", PUB)
    assert ("Son épouse l'accompagnera", "indirect") in [(t, typ) for t, typ, _ in rows["speakers"]]


def test_a_person_named_in_a_relation_is_not_the_speaker(extract):
    rows = extract("Marc Aubry a tenu un meeting à Lille. « Le pays est à l'arrêt », a accusé l'ancien bras droit "
                   "de Julien Favre.", PUB)
    assert speaker_of(rows, "Le pays est à l'arrêt") == "Marc Aubry"


def test_the_tenant_of_a_seat_is_its_office_holder(extract):
    rows = extract("Le député Paul Roux s'est exprimé lundi. Le calendrier n'a pas changé, rétorque le locataire "
                   "de l'Élysée.", PUB)
    assert speaker_of(rows, "Le calendrier n'a pas changé") == "Emmanuel Macron"


def test_a_quote_after_a_reporting_sentence_goes_on_with_its_speaker(extract):
    rows = extract("Le député Paul Roux a présenté lundi son amendement. Le texte est prêt, assure une porte-parole "
                   "du ministère. « Nous attendons le vote. »", PUB)
    quote = next(s for s in rows["statements"] if s["text"].startswith("Nous attendons"))
    assert quote["speaker_text"] == "une porte-parole du ministère"
    assert speaker_of(rows, "Nous attendons le vote") is None


def test_a_name_the_parser_hung_on_the_office_complement_is_the_speaker(extract):
    rows = extract("Marc Aubry a tenu un meeting à Lille. La société doit être vendue, a averti dimanche le "
                   "secrétaire au Trésor américain Steven Walker.", PUB)
    assert speaker_of(rows, "La société doit être vendue") == "Steven Walker"


# 13. verbs of saying read in another sense: a call, a reminder, a target, a promise ------------------------

@pytest.mark.parametrize("text", [
    "Le 3 mai, Sylvie Garnier avait appelé le candidat écologiste pour le féliciter.",
    "Le président Hugo Lemaire a exhorté son homologue.",
    "Le Premier ministre a appelé des journalistes pour dire que la réunion serait reportée.",
    "La ministre Claire Vidal a appelé vendredi son homologue Anton Berg au téléphone.",
])
def test_a_call_with_an_object_alone_reports_nothing(extract, text):
    rows = extract(text + CONTROL, PUB)
    assert not [s for s in rows["speakers"] if s[1] == "indirect" and "appel" not in s[0]
                and s[0] != "Nous continuerons" and not s[0].startswith("la réunion")], rows["speakers"]


@pytest.mark.parametrize("text, content", [
    ("Le ministre Hugo Lemaire a appelé les syndicats à reprendre le dialogue.", "les syndicats à reprendre le dialogue"),
    ("La Chine accuse Tokyo de « provocation ».", "Tokyo de « provocation »"),
    ("Le maire accuse l'opposition depuis des mois de vouloir bloquer le budget.",
     "l'opposition depuis des mois de vouloir bloquer le budget"),
    ("Ankara exhorte ses voisins à rester en dehors du conflit.", "ses voisins à rester en dehors du conflit"),
])
def test_an_object_then_its_a_or_de_phrase_is_still_the_content(extract, text, content):
    rows = extract(text, PUB)
    assert content in [t for t, typ, _ in rows["speakers"] if typ == "indirect"], rows["speakers"]


def test_rappeler_with_a_dative_clitic_and_a_noun_is_a_reminder(extract):
    rows = extract("Cette visite lui rappelle-t-elle l'ambiance des meetings de sa jeunesse ?" + CONTROL, PUB)
    assert control_only(rows)


def test_rappeler_with_a_dative_clitic_and_a_que_clause_reports(extract):
    rows = extract("La ministre Alice Royer leur a rappelé que la loi s'appliquait à tous.", PUB)
    assert speaker_of(rows, "la loi s'appliquait à tous") == "Alice Royer"


@pytest.mark.parametrize("text", [
    "Le sénateur Hugo Lemaire critiquait vivement l'Union européenne et l'OTAN.",
    "La députée Alice Royer a dénoncé Vladimir Poutine et Recep Tayyip Erdogan.",
])
def test_names_as_the_object_of_a_verb_of_blame_are_a_target(extract, text):
    rows = extract(text + CONTROL, PUB)
    assert control_only(rows)


def test_an_adjunct_after_a_postposed_incise_is_not_content(extract):
    rows = extract("« Un maire travaille pour ceux qui viendront après lui », poursuit Hugo Lemaire, dans une "
                   "allusion aux finances saines qu'il dit avoir laissées.", PUB)
    texts = [t for t, _, _ in rows["speakers"]]
    assert "Un maire travaille pour ceux qui viendront après lui" in texts
    assert not [t for t in texts if "allusion" in t], texts


def test_a_verbless_content_goes_on_after_a_medial_incise(extract):
    rows = extract("Le reste, assure-t-elle, dans le respect du calendrier fixé avec les syndicats.", PUB)
    assert any(t.startswith("Le reste, assure-t-elle, dans le respect") for t, _, _ in rows["speakers"])


@pytest.mark.parametrize("text", [
    "Hugo Lemaire aurait promis que si la Suisse quittait l'accord, les États-Unis lui proposeraient un traité "
    "commercial avantageux.",
    "Si la ministre affirme que la réforme est prête, les syndicats descendront dans la rue.",
    "Le maire Hugo Lemaire s'est engagé à ce que le conseil déclare que la dette sera réduite.",
])
def test_a_cue_under_a_promise_or_in_a_conditional_reports_nothing(extract, text):
    rows = extract(text + CONTROL, PUB)
    assert control_only(rows)


def test_a_concessive_meme_si_clause_still_reports(extract):
    rows = extract("Même si la ministre Alice Royer a affirmé que la réforme était prête, les syndicats ont "
                   "manifesté.", PUB)
    assert speaker_of(rows, "la réforme était prête") == "Alice Royer"


def test_a_past_si_clause_set_against_the_main_clause_still_reports(extract):
    rows = extract("S'il accusait le voisin avant l'élection de vouloir déstabiliser le pays, le président Hugo "
                   "Lemaire a depuis changé de ton.", PUB)
    assert any("de vouloir déstabiliser le pays" in t for t, _, _ in rows["speakers"]), rows["speakers"]


# 14. incises of any verb after a quotation; the inner speaker beats the outer source -----------------------

@pytest.mark.parametrize("text, name", [
    ("« La situation est grave », analyse le politologue Julien Marchand.", "Julien Marchand"),
    ("« Nous ne céderons pas », tranche la ministre Alice Royer.", "Alice Royer"),
    ("Le Courrier du Centre a publié l'entretien. « Tu devrais faire attention », l'avait mis en garde Hugo "
     "Lemaire.", "Hugo Lemaire"),
    ("« Le budget sera tenu », l'a rassuré le maire Hugo Lemaire.", "Hugo Lemaire"),
    # the tagger calls this present an infinitive; no infinitive ends in "-pe"
    ("« Il ne le lâchera pas avant la fin », anticipe le sénateur Hugo Lemaire.", "Hugo Lemaire"),
])
def test_a_verb_and_its_inverted_subject_after_a_quotation_make_an_incise(extract, text, name):
    rows = extract(text, PUB)
    quote = next(s for s in rows["speakers"] if s[1] == "direct")
    assert quote[2] == name, rows["speakers"]


def test_a_postposed_incise_after_a_clause_whose_verb_the_tagger_calls_an_infinitive(extract):
    # "renoue" tagged an infinitive: the clause before the incise still has its finite verb
    rows = extract("Deux ans après l'incendie, Valence renoue cette année avec son carnaval, a annoncé vendredi "
                   "la mairie.", PUB)
    assert ("Deux ans après l'incendie, Valence renoue cette année avec son carnaval", "indirect", None) \
        in rows["speakers"], rows["speakers"]


def test_comme_with_a_subject_pronoun_vouches_for_the_clause_before(extract):
    rows = extract("La nageuse Alice Royer n'est pas sortie indemne de cette saison, comme elle l'a raconté au "
                   "Courrier du Centre.", PUB)
    assert ("La nageuse Alice Royer n'est pas sortie indemne de cette saison", "indirect", "Alice Royer") \
        in rows["speakers"], rows["speakers"]


def test_croire_savoir_reports_its_que_clause(extract):
    rows = extract("Le Courrier du Centre croit savoir que le ministre Hugo Lemaire va démissionner.", PUB)
    assert "le ministre Hugo Lemaire va démissionner" in [t for t, typ, _ in rows["speakers"] if typ == "indirect"]


def test_a_source_over_an_incise_relays_the_inner_speaker(extract):
    rows = extract("« Pourquoi ne pas quitter l'Union ? », aurait demandé le président Hugo Lemaire à son "
                   "homologue, selon un éditorial du Courrier du Centre.", PUB)
    assert [(t, spk) for t, _, spk in rows["speakers"]] == [("Pourquoi ne pas quitter l'Union ?", "Hugo Lemaire")]


def test_a_relay_verb_over_a_cue_keeps_the_inner_speaker(extract):
    rows = extract("Sur ce dossier, le ministre Hugo Lemaire se vante d'être « en phase totale avec le président », "
                   "rapporte dimanche le Courrier du Centre.", PUB)
    assert [(t, spk) for t, _, spk in rows["speakers"]] == [("en phase totale avec le président", "Hugo Lemaire")]


def test_a_cue_in_a_relative_clause_does_not_take_over_a_source(extract):
    rows = extract("Selon le président Hugo Lemaire, les banques n'ont pas réussi à sauver ce qu'il a appelé "
                   "le pacte « à moitié mort » de 2015.", PUB)
    assert speaker_of(rows, "les banques n'ont pas réussi") == "Hugo Lemaire"


# 15. a role's gender picks who it is ------------------------------------------------------------------------

def test_la_premiere_dame_is_the_woman_named_before(extract):
    rows = extract("Le président Marc Aubert est en visite à Dakar avec son épouse Claire Aubert. « L'école, c'est la "
                   "liberté », a martelé la première dame devant les élèves.", PUB)
    assert speaker_of(rows, "L'école, c'est la liberté") == "Claire Aubert"


def test_la_premiere_dame_is_not_the_man_named_before(extract):
    rows = extract("Le président Marc Aubert est en visite à Dakar. « L'école, c'est la liberté », a martelé la "
                   "première dame devant les élèves.", PUB)
    assert speaker_of(rows, "L'école, c'est la liberté") is None


# 16. a short verbless quote repeated: a speaker's words only if they were reported -------------------------

def test_an_intertitle_repeating_reported_words_keeps_their_speaker(extract):
    rows = extract("« Ligne rouge »\n\nLe président Hugo Lemaire a jugé que l'annexion serait une « ligne rouge ».",
                   PUB)
    assert [spk for t, typ, spk in rows["speakers"] if t.lower() == "ligne rouge"] == ["Hugo Lemaire", "Hugo Lemaire"]


def test_a_short_label_does_not_inherit_from_words_no_frame_reports(nlp):
    from dagster_project.extraction.frames import Frame
    from dagster_project.extraction.mentions import Mention
    from dagster_project.extraction.statements import Statement, _inherit_repeated_quotes

    text = "Hugo Lemaire a transmis « ses salutations ». Les « salutations » ont été lues."
    doc = nlp(text)
    first, second = text.index("ses salutations"), text.rindex("salutations")
    clause = Frame("clause", "", (13, 21), (0, 12), 0, [])  # the subject of the clause, no reported content
    spk = Mention(0, 12, "Hugo Lemaire", "name")
    rows = [Statement(first, first + 15, "ses salutations", "direct", clause, spk),
            Statement(second, second + 11, "salutations", "direct", None, None)]
    _inherit_repeated_quotes(rows, doc)
    assert rows[1].speaker is None


# 17. 'selon X' without a comma on the clause's verb; 'pour X,' only when X can speak ----------------------

def test_selon_without_a_comma_on_the_main_verb_reports_the_clause(extract):
    rows = extract("Les otages sont en bonne santé selon la délégation.", PUB)
    assert "Les otages sont en bonne santé" in [t for t, typ, _ in rows["speakers"] if typ == "indirect"]


def test_selon_without_a_comma_naming_a_rule_is_no_source(extract):
    rows = extract("Le maire Hugo Lemaire a reçu les familles selon le protocole." + CONTROL, PUB)
    assert control_only(rows)


def test_pour_and_a_purpose_is_no_source(extract):
    rows = extract("Les auditions devraient commencer vite, pour une prise de fonction à l'été, selon Alice Royer.",
                   PUB)
    assert speaker_of(rows, "Les auditions devraient commencer vite") == "Alice Royer"


def test_pour_and_a_name_is_a_source(extract):
    rows = extract("Pour M. Lemaire, le président n'est pas qualifié pour ce poste.", PUB)
    assert speaker_of(rows, "le président n'est pas qualifié") == "Lemaire"


# the narrator's aside on a name that closes a content is not what was said ----------------------------------

@pytest.mark.parametrize("text, content", [
    ("Le ministre a confirmé une aide de deux millions d'euros accordée au Liban, dont la monnaie a perdu "
     "la moitié de sa valeur cette année.", "une aide de deux millions d'euros accordée au Liban"),
    ("Le président a salué le courage de Paul Durand, qui a été libéré lundi après trois mois de détention.",
     "le courage de Paul Durand"),
    ("Le ministre a exigé la libération du reporter Paul Durand, détenu depuis le mois de mars.",
     "la libération du reporter Paul Durand"),
    ("Il a annoncé le rachat du réseau TikTok, une application très populaire chez les jeunes.",
     "le rachat du réseau TikTok"),
])
def test_trailing_aside_on_a_name_is_left_out(frames, text, content):
    assert content in [c for f in frames(text) for c in f[3]]


@pytest.mark.parametrize("text, content", [
    # the content's own verb comes after the aside
    ("Le ministre a averti que la sécurité du Liban, qui partage une longue frontière avec la Syrie, serait "
     "menacée.", "la sécurité du Liban, qui partage une longue frontière avec la Syrie, serait menacée"),
    # 'dont' and a noun phrase: part of the list, not an aside
    ("Le ministre a salué le soutien de plusieurs pays, dont le Canada.",
     "le soutien de plusieurs pays, dont le Canada"),
])
def test_medial_aside_or_inclusion_stays_in_the_content(frames, text, content):
    assert content in [c for f in frames(text) for c in f[3]]


@pytest.mark.parametrize("content, kept", [
    ("le départ du ministre Paul Durand, du chef de l'armée et des juges", None),  # a list, not an apposition
    ("d'interdire les vols vers Lisbonne, située au bord de l'océan, et de fermer les ports", None),  # goes on
    ("la découverte de trois corps près de Lyon, le 12 mai", None),  # a date, not an aside
    ("la libération du reporter Paul Durand, détenu depuis le mois de mars", "la libération du reporter Paul Durand"),
])
def test_trailing_aside_cut_on_its_own(nlp, content, kept):
    from dagster_project.extraction.frames import _before_trailing_aside

    doc = nlp(f"Le ministre a demandé {content}.")
    start = next(t.i for t in doc if t.idx == len("Le ministre a demandé "))
    end = len(doc) - 1
    assert doc[start:_before_trailing_aside(doc, start, end)].text == (kept or content)


@pytest.mark.parametrize("text, speaker, content", [
    ("Toute attaque serait une erreur, a averti le Hamas, qui cherche la paix.", "le Hamas",
     "Toute attaque serait une erreur"),
    ("La ville recevra deux millions d'euros, a annoncé le gouverneur, ce qui en fait la mieux dotée.",
     "le gouverneur", "La ville recevra deux millions d'euros"),
])
def test_incise_whose_speaker_an_aside_follows(frames, text, speaker, content):
    assert [f for f in frames(text) if f[0] == "incise" and f[2] == speaker and f[3] == [content]], frames(text)


def test_inverted_plural_source_after_the_addressee(frames):
    found = frames("La milice a bombardé trois villages du nord, ont précisé à l'AFP des témoins locaux.")
    assert [f for f in found if f[0] == "incise" and f[2].endswith("témoins locaux")
            and f[3] == ["La milice a bombardé trois villages du nord"]], found


def test_indefinite_nominal_content_after_the_addressee(frames):
    found = frames("Trois réfugiés décrivent à l'AFP des nuits de marche épuisantes.")
    assert [f for f in found if f[3] == ["des nuits de marche épuisantes"]], found


@pytest.mark.parametrize("text, content", [
    ("Le ministre a dénoncé une grave provocation de Londres et a promis de riposter.",
     ["une grave provocation de Londres"]),
    ("Le cabinet a contesté le décompte du scrutin municipal et a annulé sa conférence.",
     ["le décompte du scrutin municipal"]),
    # coordinated complements stay one content
    ("Elle a demandé de partir et de revenir demain.", ["de partir et de revenir demain"]),
    # a second reported clause
    ("Il a souligné que la ville devait accueillir mille réfugiés mais qu'au final seuls cent sont venus.",
     ["la ville devait accueillir mille réfugiés", "au final seuls cent sont venus"]),
    # a que-clause keeps its own coordinated predicate
    ("Le ministre a indiqué que les deux armées avaient renforcé leurs liens et se sont promis de coopérer.",
     ["les deux armées avaient renforcé leurs liens et se sont promis de coopérer"]),
    # inside the quoted words
    ("La porte-parole a indiqué que \"le pays est prêt à coopérer, mais cela ne peut se faire que si Moscou "
     "change d'attitude\".", ["\"le pays est prêt à coopérer, mais cela ne peut se faire que si Moscou change "
                             "d'attitude\""]),
])
def test_content_ends_before_a_second_predicate_of_the_cue(frames, text, content):
    assert [f[3] for f in frames(text) if f[0] == "canonical"] == [content], frames(text)


@pytest.mark.parametrize("text, content", [
    ("Depuis le début des combats, selon deux diplomates, une trêve courte reste possible.",
     "une trêve courte reste possible"),
    ("Et lors d'un appel bref, selon la mairie de Nantes, le préfet a promis des renforts.",
     "le préfet a promis des renforts"),
    ("A l'inverse, pour Paul Durand, le plan de Moscou est dangereux.", "le plan de Moscou est dangereux"),
])
def test_medial_source_after_an_adjunct_reports_the_clause_after_it(frames, text, content):
    assert [f for f in frames(text) if f[0] == "source" and f[3] == [content]], frames(text)


@pytest.mark.parametrize("text, content", [
    ("Selon les médecins, le premier blessé est hors de danger, tandis que le second reste en réanimation.",
     "le premier blessé est hors de danger, tandis que le second reste en réanimation"),
    ("Selon l'agence officielle, le reporter a été condamné pour espionnage, mais a été blanchi de trahison.",
     "le reporter a été condamné pour espionnage, mais a été blanchi de trahison"),
    # a time clause stays out
    ("Selon le maire, la réforme avance, alors que les syndicats protestent.", "la réforme avance"),
])
def test_leading_source_vouches_for_the_contrast(frames, text, content):
    assert [f for f in frames(text) if f[0] == "source" and f[3] == [content]], frames(text)


def test_a_noun_phrase_after_a_quotation_and_its_comma_is_no_incise(frames):
    found = frames("« Ces événements sont inacceptables », source de tensions pour le gouvernement." + CONTROL_FRAME)
    assert [f[1] for f in found] == ["déclarer"]


def test_subject_after_a_fronted_adverbial_the_parser_joined_it_to(frames):
    # the parser makes the two countries conjuncts of 'revanche'; the subject is the first of them
    found = frames("En revanche, l'Espagne et l'Italie ont vivement contesté le \"mépris\" de Bruxelles.")
    assert [f for f in found if f[2] == "l'Espagne" and f[3] == ["le \"mépris\" de Bruxelles"]], found


def test_relative_cue_on_an_apposition_the_parser_took_for_a_conjunct(frames):
    found = frames("Il a reçu mardi son homologue serbe Milan Petrovic, son principal allié qui s'est dit "
                   "\"convaincu\" qu'il gagnera la partie.")
    assert [f for f in found if f[1] == "dire" and f[2] == "son homologue serbe Milan Petrovic"], found


@pytest.mark.parametrize("text, content", [
    ("Dans une lettre, M. Roy raconte que son voisin de cellule a vu un journaliste arriver au tribunal, "
     "\"menotté et poussé par les gardes\", insulté par les policiers.",
     "son voisin de cellule a vu un journaliste arriver au tribunal, \"menotté et poussé par les gardes\", "
     "insulté par les policiers"),
    ("Le ministre a critiqué les menaces de Moscou contre la Pologne, \"dont la souveraineté n'est pas "
     "négociable\".", "les menaces de Moscou contre la Pologne, \"dont la souveraineté n'est pas négociable\""),
])
def test_quoted_words_after_a_comma_go_on_with_the_content(frames, text, content):
    assert [f for f in frames(text) if f[0] == "canonical" and f[3] == [content]], frames(text)


@pytest.mark.parametrize("text, content", [
    ("Au Maroc même, certaines voix s'élèvent pour réclamer une politique de \"neutralité\" face au conflit.",
     "une politique de \"neutralité\" face au conflit"),
    ("Des milliers de personnes étaient réunies samedi à Kiev pour exiger le départ du Premier ministre.",
     "le départ du Premier ministre"),
    # a comparison after the comma is the narrator's
    ("D'autres voix se sont élevées mardi pour réclamer la fin du blocus, à l'image du maire de Lyon.",
     "la fin du blocus"),
])
def test_voices_raised_and_crowds_gathered_to_demand(frames, text, content):
    assert [f for f in frames(text) if f[3] == [content]], frames(text)


@pytest.mark.parametrize("text, speaker, content", [
    ("Les alliés se sont inquiétés lundi, deux jours après l'annonce par Joe Biden de sa décision de retirer "
     "ses soldats du pays.", "Joe Biden", "sa décision de retirer ses soldats du pays"),
    ("La session s'est ouverte avec un revers : l'annonce par les chefs des deux grands groupes au Sénat "
     "qu'ils ne voteraient pas le budget.", "les chefs des deux grands groupes au Sénat",
     "ils ne voteraient pas le budget"),
    # the noun phrase ends before the verb it is the subject of
    ("L'annonce par Pékin de mesures concernant son arsenal intervient alors que la tension monte.", "Pékin",
     "mesures concernant son arsenal"),
])
def test_announcement_noun_with_its_agent(frames, text, speaker, content):
    found = frames(text)
    assert [f for f in found if f[1] == "annoncer" and f[2] == speaker and f[3] == [content]], found


@pytest.mark.parametrize("text, fragment, speaker", [
    # the tagger makes "auprès" or "face" an adverb: the phrase it opens still stands between cue and speaker
    ("« Nous ne céderons pas », a assuré auprès de Reuters Marie Dupont, élue au conseil régional.",
     "Nous ne céderons pas", "Marie Dupont"),
    ("« Le port rouvrira lundi », a affirmé face à la presse le ministre Jean Valon.",
     "Le port rouvrira lundi", "Jean Valon"),
    # a fronted adjective the parser made the subject: the subject is the name before the verb
    ("Centriste désireux de séduire la gauche modérée, M. Oskar Lind avait toutefois assuré que la taxe "
     "serait supprimée.",
     "la taxe serait supprimée", "Oskar Lind"),
    # an absolute participle clause has its own subject
    ("Les deux voisins restent en froid, M. Ivan Petrov estimant que Kiev cherche à l'isoler.",
     "Kiev cherche à l'isoler", "Ivan Petrov"),
])
def test_speaker_past_what_the_parser_misattaches(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


def test_pour_source_with_the_comma_hung_on_the_name(extract):
    # the parser hangs the comma that closes "Pour X," on the name
    rows = extract("Mais pour Marc Durand, la hausse des loyers montre que la ville va mal.", PUB)
    assert speaker_of(rows, "la hausse des loyers") == "Marc Durand"


def test_comme_clause_of_a_demand_vouches_for_nothing(extract):
    rows = extract("Cette crise limite sa marge pour renvoyer son ministre, comme le réclament les syndicats. "
                   "Comme l'a rappelé Paul Girard, la ville reste sûre.", PUB)
    assert [s for s in rows["speakers"] if "limite sa marge" in s[0]] == []
    assert speaker_of(rows, "la ville reste sûre") == "Paul Girard"


@pytest.mark.parametrize("text, fragment, speaker", [
    # a sentence-initial present participle the tagger calls an infinitive still reports
    ("Accusant l'Unesco d'être un « outil de propagande », le Premier ministre Jan Kowal a coupé les fonds.",
     "outil de propagande", "Jan Kowal"),
    # a fronted participle the parser made the root: the subject of the clause after its comma speaks
    ("Dénonçant une « trahison », le maire Marc Vial a quitté le parti.", "trahison", "Marc Vial"),
])
def test_fronted_participle_speaks_for_the_main_subject(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


def test_colon_quote_of_a_subject_the_parser_hung_on_an_adjunct(extract):
    # the parser joined the subject to the name in the adjunct before it, across the comma
    rows = extract("Le ministre français Jean Morel était à Rome mardi. Lors d'un point de presse commun avec "
                   "Paolo Conti, son homologue espagnol Luis Ortega lui a apporté son soutien : « Nous voulons "
                   "que cette mission soit maintenue ».", PUB)
    assert speaker_of(rows, "cette mission soit maintenue") == "Luis Ortega"


@pytest.mark.parametrize("text, content", [
    # an elided 'de' or 'que' before a quote mark still opens the content
    ("Paris a qualifié d'« irresponsable » l'attitude de Moscou.", "d'« irresponsable » l'attitude de Moscou"),
    # a day between the cue and its 'de' is a time, not a phrase that holds the content
    ("Le chef de l'Etat a menacé lundi d'« isoler » les provinces rebelles.", "d'« isoler » les provinces rebelles"),
])
def test_content_after_an_elided_word_and_a_day(frames, text, content):
    assert [f for f in frames(text) if f[3] == [content]], frames(text)


@pytest.mark.parametrize("text, fragment, speaker", [
    # 'dit' right after a quotation and its comma is the present tense of an incise
    ("« Les deux dirigeants ne se comprennent pas », dit à l'AFP Laura Benett, chercheuse à Berlin.",
     "ne se comprennent pas", "Laura Benett"),
    # a one-word name the NER calls a place, made to speak: a body; a day after it is no part of it
    ("Le chêne a disparu du jardin. « Il venait d'une forêt de l'Est », précise même Franceinfo dimanche.",
     "Il venait d'une forêt", "Franceinfo"),
    ("Le chêne a disparu du jardin. « Rien ne bouge », précise même Le Parisien dimanche.",
     "Rien ne bouge", "Le Parisien"),
    # the parser hung the subject on the stressed pronoun after it
    ("Le président Paul Kaboré a lui aussi condamné cette « attaque lâche et barbare » commise dans une ville calme.",
     "attaque lâche et barbare", "Paul Kaboré"),
    # a sentence opening on 'Et' and the verb goes on with the subject before it
    ("Emmanuel Macron a rappelé que « la France est là ». Et a également annoncé sur Twitter que « des secours "
     "sont en route ».", "des secours sont en route", "Emmanuel Macron"),
])
def test_speakers_of_incises_and_subjectless_clauses(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


def test_one_word_speaker_with_an_age_is_a_person(extract):
    rows = extract("« Nous avons peur », a déclaré Karimi, 61 ans, commerçant à Téhéran.", PUB)
    entity = next(e for e in rows["entities"] if e["name"] == "Karimi")
    assert entity["actor_type"] == "person"
    assert speaker_of(rows, "Nous avons peur") == "Karimi"


def test_relative_clause_on_the_subject_makes_no_incise(extract):
    rows = extract("Le Maroc, qui revendique ce territoire depuis 1975, avait qualifié lundi cette décision "
                   "d'« illégale ».", PUB)
    assert speaker_of(rows, "cette décision") == "Maroc"


def test_name_before_a_long_apposition_and_relative_clause_speaks(extract):
    # the tagger makes 'juge' a noun; the subject is the name before the description and the relative clause
    rows = extract("Anna Petrova, professeure de chimie de 41 ans novice en politique, qui a bouleversé la campagne "
                   "électorale au Kirghizistan en rassemblant des foules immenses à ses meetings, juge aussi que les "
                   "électeurs « ne pardonneront jamais cette violence ».", PUB)
    assert speaker_of(rows, "ne pardonneront jamais") == "Anna Petrova"


def test_quote_incise_of_any_verb_after_a_possessive_phrase(extract):
    # whatever the verb of the incise, the words quoted are its subject's; "dans son éditorial" ends
    # before the article that opens the subject
    rows = extract("La réforme touchera seulement « une petite partie des salariés les plus riches », promettait "
                   "dans son éditorial le Figaro, journal de la droite.", PUB)
    assert speaker_of(rows, "une petite partie des salariés") == "Le Figaro"


@pytest.mark.parametrize("text, fragment, speaker", [
    # a channel's name ends with its number; the name the parser hung on a fronted participle is the subject
    ("Interrogé sur ce vote, Paul Vial, le président du Crif, estimait samedi matin sur Europe 1 qu'il était "
     "le « meilleur interlocuteur » du ministre.", "il était le", "Paul Vial"),
    # the addressee between the cue and 'que'
    ("La France a averti Ankara que la mer ne pouvait pas devenir un terrain de jeu.", "la mer ne pouvait pas",
     "France"),
    ("Paul Vial a réitéré lundi que l'accord ne contenait aucune clause secrète.", "aucune clause secrète",
     "Paul Vial"),
])
def test_que_clauses_behind_channels_addressees_and_fronted_participles(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


def test_a_relative_que_after_a_noun_is_no_content(frames):
    found = frames("Le Monde a révélé un échange que le président aurait eu avec son ministre.")
    assert [f for f in found if f[3] == ["un échange que le président aurait eu avec son ministre"]], found


# a time phrase with its article between the cue and the content ---------------------------------------

@pytest.mark.parametrize("text, content", [
    ("Le ministre Hugo Lemaire a estimé la veille que la crise était terminée.", "la crise était terminée"),
    ("La ministre Claire Vidal a assuré la semaine dernière que le budget serait tenu.", "le budget serait tenu"),
    ("Le sénateur Marc Aubry avait affirmé le 4 mai qu'il ne se représenterait pas.", "il ne se représenterait pas"),
    ("Le maire Paul Girard a dit l'an dernier vouloir quitter la vie politique.", "vouloir quitter la vie politique"),
])
def test_a_time_phrase_with_its_article_before_the_content(extract, text, content):
    rows = extract(text, PUB)
    assert [s[0] for s in rows["speakers"] if s[1] == "indirect"] == [content]


# "se dire" + a participle said of the subject -----------------------------------------------------------

@pytest.mark.parametrize("text, content, speaker", [
    ("Le ministre Hugo Lemaire s'est dit déçu par la décision du tribunal.", "déçu par la décision du tribunal",
     "Hugo Lemaire"),
    ("La chancelière Ingrid Falk s'est dite convaincue que l'accord tiendrait.",
     "convaincue que l'accord tiendrait", "Ingrid Falk"),
    ("La ministre Claire Vidal s'est dite inquiète de la hausse des prix.", "inquiète de la hausse des prix",
     "Claire Vidal"),  # one row: the tagger's "s'inquiéter" inside it says the same words
])
def test_se_dire_with_a_participle(extract, text, content, speaker):
    rows = extract(text, PUB)
    assert [(s[0], s[2]) for s in rows["speakers"] if s[1] == "indirect"] == [(content, speaker)]


def test_a_form_of_se_dire_without_its_clitic_says_nothing(extract):
    rows = extract("Les pays dits frugaux refusent toute hausse du budget.", PUB)
    assert rows["speakers"] == []


@pytest.mark.parametrize("text", [
    "Le syndicaliste Marc Aubry a quitté la salle. Il s'est par ailleurs réjoui que la grève soit suivie.",
    "Le syndicaliste Marc Aubry a quitté la salle. La grève est suivie, s'est-il réjoui.",
])
def test_a_reflexive_clitic_away_from_its_verb(extract, text):
    rows = extract(text, PUB)
    assert [(s[0], s[2]) for s in rows["speakers"]] == [("la grève soit suivie" if "que" in text
                                                        else "La grève est suivie", "Marc Aubry")]


@pytest.mark.parametrize("text, content", [
    ("Le président Paul Girard a averti les Européens que la guerre pourrait s'étendre.",
     "la guerre pourrait s'étendre"),
    ("La ministre Claire Vidal a prévenu les députés que le budget serait revu.", "le budget serait revu"),
    ("La ministre Claire Vidal les a prévenus que le budget serait revu.", "le budget serait revu"),
])
def test_the_addressee_of_a_verb_of_telling_before_que(extract, text, content):
    rows = extract(text, PUB)
    assert [s[0] for s in rows["speakers"]] == [content]


def test_a_relative_que_after_a_thing_is_no_content(extract):
    rows = extract("Le ministre Hugo Lemaire a assuré le succès que tout le monde attendait.", PUB)
    assert rows["speakers"] == []


@pytest.mark.parametrize("text, speaker", [
    # a fronted place, then the subject with a parenthesis and an aside
    ("A Lyon, l'écologiste Jean Moreau (EELV), à la tête d'une large coalition, a annoncé sa réélection "
     "avec 52% des voix.", "Jean Moreau"),
    # a fronted phrase the parser takes for the subject, and a surname it tags as a verb
    ("A l'issue d'un entretien avec son homologue polonais à Varsovie, le chancelier autrichien Markus "
     "Hollerer a déclaré que l'Europe devait s'unir.", "Markus Hollerer"),
])
def test_the_subject_after_a_fronted_phrase(extract, text, speaker):
    rows = extract(text, PUB)
    assert [s[2] for s in rows["speakers"]] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("L'Ukraine, a affirmé mardi le président polonais Jan Nowicki, doit pouvoir rejoindre l'Otan.", "Jan Nowicki"),
    ("Le gouvernement, a précisé son porte-parole Olivier Tessier, ne reviendra pas sur la réforme.",
     "Olivier Tessier"),
])
def test_an_incise_between_a_noun_phrase_and_its_predicate(extract, text, speaker):
    rows = extract(text, PUB)
    assert [(s[0], s[2]) for s in rows["speakers"]] == [(text.rstrip("."), speaker)]


@pytest.mark.parametrize("text, speaker", [
    ("Les discussions reprendront jeudi, dit-on à Berlin.", "Allemagne"),
    ("L'accord sera signé la semaine prochaine, a-t-on indiqué à l'Elysée.", "Élysée"),
    ("On indique à Matignon que la réforme sera présentée en juin.", "Matignon"),
])
def test_the_impersonal_on_speaks_for_the_place_or_body_named_after_it(extract, text, speaker):
    rows = extract(text, PUB)
    assert [s[2] for s in rows["speakers"]] == [speaker]


@pytest.mark.parametrize("text, speaker, content", [
    ("Selon le porte-parole de l'armée, le colonel Karim Haddad, l'attaque a été repoussée.", "Karim Haddad",
     "l'attaque a été repoussée"),
    ("Selon la représentante de l'UE en Géorgie, Ingrid Falk, les élections ont été libres.", "Ingrid Falk",
     "les élections ont été libres"),
])
def test_the_name_set_beside_a_source_title_is_the_source(extract, text, speaker, content):
    rows = extract(text, PUB)
    assert [(s[0], s[2]) for s in rows["speakers"] if s[1] == "indirect"] == [(content, speaker)]


def test_a_name_after_a_named_source_is_the_subject_of_what_it_says(extract):
    rows = extract("Selon Paul Girard, Jean Dupont, le ministre, a menti.", PUB)
    assert [s[2] for s in rows["speakers"]] == ["Paul Girard"]


@pytest.mark.parametrize("text, content, source", [
    # no comma after the phrase: the clause starts where the words stop naming the source
    ("L'armée dispose de vieux chars, mais selon le quotidien Le Soir l'administration a renoncé à en commander.",
     "l'administration a renoncé à en commander", "Le Soir"),
    ("Ingrid Falk est soignée à Genève, où selon le gouvernement suisse les médecins ont établi qu'elle avait "
     "été empoisonnée.", "les médecins ont établi qu'elle avait été empoisonnée", "le gouvernement suisse"),
    # a relative clause: its own words, not the name it hangs on nor the main clause after it
    ("Le ministre, qui selon son entourage espère une trêve rapide, a quitté Paris lundi.",
     "espère une trêve rapide", "son entourage"),
    ("La visite intervient alors que selon une enquête du Monde, le gouvernement a étudié un référendum.",
     "le gouvernement a étudié un référendum", "une enquête du Monde"),
])
def test_source_after_a_word_that_opens_a_clause_reports_that_clause(frames, text, content, source):
    assert [f for f in frames(text) if f[0] == "source" and f[3] == [content] and f[2].endswith(source)], frames(text)


def test_source_after_the_que_of_a_verb_of_saying_stays_inside_what_was_said(frames):
    found = frames("Clara Vidal a affirmé que selon elle la situation restait grave.")
    assert not [f for f in found if f[0] == "source"], found


@pytest.mark.parametrize("text, content", [
    # a dash aside the clause goes on after stays in; an unpaired dash ends the content
    ("Clara Vidal a martelé que le lourd bilan – plus de 300 morts – aurait pu être évité.",
     "le lourd bilan – plus de 300 morts – aurait pu être évité"),
    ("Anton Berg a nié toute ingérence -- qui ne fait pourtant aucun doute pour les experts.", "toute ingérence"),
    # what the words brought about is the narrator's
    ("Le ministre Paul Girard a déclaré que la réforme était \"une faute grave\", déclenchant une vive polémique.",
     "la réforme était \"une faute grave\""),
    ("Clara Vidal a reconnu qu'un soldat aurait pu être blessé par une arme légère, contredisant la version "
     "officielle.", "un soldat aurait pu être blessé par une arme légère"),
    # a participle of the reported clause's own stays
    ("Anton Berg a dit que les missiles avaient été tirés depuis la côte, parcourant 400 kilomètres.",
     "les missiles avaient été tirés depuis la côte, parcourant 400 kilomètres"),
    # "mais" and an adjunct before another speaker's cue: that speaker's clause, not more of the content
    ("Hugo Lemaire a déclaré que des discussions commenceraient à la mi-juillet mais la semaine dernière, "
     "Ingrid Falk a prévenu que les manoeuvres pouvaient tout remettre en cause.",
     "des discussions commenceraient à la mi-juillet"),
])
def test_indirect_content_ends_where_the_narrator_takes_over(frames, text, content):
    assert [f[3] for f in frames(text) if f[0] == "canonical"][0] == [content], frames(text)


@pytest.mark.parametrize("text, lemma, content, source", [
    ("Tout le gouvernement connaissait la présence de ces produits, de l'aveu même de certains responsables.",
     "de l'aveu même de", "Tout le gouvernement connaissait la présence de ces produits", "certains responsables"),
    ("De l'avis de plusieurs diplomates, la trêve ne tiendra pas.", "de l'avis de", "la trêve ne tiendra pas",
     "plusieurs diplomates"),
    ("La ville est calme, aux dires des habitants.", "aux dires de", "La ville est calme", "habitants"),
])
def test_noun_phrases_that_name_a_source(frames, text, lemma, content, source):
    assert [f for f in frames(text) if f[:2] == ("source", lemma) and f[3] == [content] and f[2].endswith(source)], \
        frames(text)


def test_se_faire_l_echo_reports_what_it_relays(extract):
    rows = extract("Clara Vidal s'est fait l'écho des inquiétudes des agriculteurs face à la sécheresse.", PUB)
    assert contents_of(rows) == [("des inquiétudes des agriculteurs face à la sécheresse", "Clara Vidal")]


def test_trailing_source_in_a_relative_clause_reports_that_clause(frames):
    found = frames("Le parti a averti le pouvoir, qui ne cherche cependant pas une confrontation avec les syndicats "
                   "selon des analystes.")
    assert [f[3] for f in found if f[0] == "source"] == [["ne cherche cependant pas une confrontation avec les "
                                                          "syndicats"]], found


def test_a_plural_in_aux_of_a_medium_can_speak(extract):
    rows = extract("Le président n'a rien fait. Mais d'après ces journaux, les documents ont été transmis à Hugo "
                   "Lemaire.", PUB)
    assert [s[0] for s in rows["speakers"]] == ["les documents ont été transmis à Hugo Lemaire"]
