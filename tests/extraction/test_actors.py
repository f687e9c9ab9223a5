"""Actor mentions, aliases and in-article/cross-article resolution (sentences written for the tests)."""
from datetime import date

import pytest

from dagster_project.extraction.names import is_short_form, name_key, same_person_name
from dagster_project.extraction.resolution import resolve_actors

from .conftest import speaker_entity_of_only_statement, speaker_of

PUB = date(2021, 2, 10)


def entity_names(rows):
    return {e["name"] for e in rows["entities"]}


def forms_of(rows, name):
    return next(e["forms"] for e in rows["entities"] if e["name"] == name)


def test_name_key_drops_accents_titles_and_hyphens():
    assert name_key("M. Jean-Yves Le Drian") == "jean yves le drian"
    assert name_key("l'Élysée") == "elysee"


def test_transliterations_and_word_order_are_one_person():
    assert same_person_name("Choe Son-hui", "Choe Son Hui")
    assert same_person_name("Kim Jong Un", "Kim Jong-un")
    assert same_person_name("Sergueï Lavrov", "Sergui Lavrov")  # misspelling
    assert same_person_name("S. Lavrov", "Sergueï Lavrov")  # initial
    assert not same_person_name("Kim Jong-un", "Kim Yo-jong")


def test_surname_alone_is_a_short_form():
    assert is_short_form("Lavrov", "Sergueï Lavrov")
    assert is_short_form("Choe", "Choe Son-hui")
    assert not is_short_form("Lavrov", "Vladimir Poutine")


def test_a_surname_of_several_words_is_a_short_form_of_the_full_name():
    assert is_short_form("Dubois-Martin", "Claire Dubois-Martin")
    assert is_short_form("al-Hakim", "Ammar al-Hakim")
    assert not is_short_form("Claire Dubois", "Claire Dubois-Martin")  # the first words are no surname
    assert not is_short_form("Dubois-Martin", "Paul Dubois")


def test_a_hyphenated_surname_alone_is_the_person_named_before(extract):
    text = ("L'économiste Claire Dubois-Martin, de l'OCDE, juge la reprise fragile. "
            "Selon Dubois-Martin, les exportations reculeront encore.")
    people = [e for e in extract(text, PUB)["entities"] if e["actor_type"] == "person" and e["name"]]
    assert [e["name"] for e in people] == ["Claire Dubois-Martin"]
    assert "Dubois-Martin" in people[0]["forms"]


def test_all_spellings_in_one_article_make_one_entity(extract):
    text = ("Le ministre Heiko Maas a rencontré mardi son homologue. M. Maas a ensuite rejoint Berlin. "
            "Selon H. Maas, « le dialogue continue ».")
    rows = extract(text, PUB)
    people = [e for e in rows["entities"] if e["actor_type"] == "person" and e["name"]]
    assert len(people) == 1
    assert {"Heiko Maas", "Maas", "H. Maas"} <= set(people[0]["forms"])


def test_text_glued_by_scraping_still_yields_the_name(extract):
    rows = extract("Il a répondu à l'invitation du président Vladimir Poutinelors de leur sommet.", PUB)
    assert "Vladimir Poutine" in entity_names(rows)


def test_a_quoted_nickname_is_not_an_actor_of_its_own(extract):
    text = ("L'acteur Jean Dupuis a dit à la presse que la société avançait. Le célèbre « Capitaine Fracasse » "
            "du film milite pour l'égalité. « Nous faisons des progrès », a-t-il dit.")
    rows = extract(text, PUB)
    persons = {e["name"] for e in rows["entities"] if e["actor_type"] == "person" and e["name"]}
    assert persons == {"Jean Dupuis"}
    assert speaker_of(rows, "Nous faisons des progrès") == "Jean Dupuis"


def test_a_body_named_by_a_capitalised_head_is_one_organisation(extract):
    rows = extract("La ministre a reçu lundi les membres de la Confédération générale du travail et du Haut "
                   "Conseil pour le climat, puis la Fédération française de football mardi.", PUB)
    bodies = {e["name"] for e in rows["entities"] if e["actor_type"] == "organization"}
    assert {"Confédération générale du travail", "Haut Conseil pour le climat",
            "Fédération française de football"} <= bodies


def test_a_former_holder_is_not_the_holder_at_the_article_date(extract):
    rows = extract("« Nous devons agir », a déclaré l'ancien président américain lors d'un discours. "
                   "« Rien ne change », a ajouté l'actuel Premier ministre britannique.", PUB)
    assert speaker_of(rows, "Nous devons agir") is None
    assert speaker_of(rows, "Rien ne change") == "Boris Johnson"


def test_a_former_holder_named_in_the_article_is_the_one_meant(extract):
    rows = extract("François Hollande a reçu mercredi des élus. « Il faut agir », a expliqué l'ancien chef de l'État.",
                   PUB)
    assert speaker_of(rows, "Il faut agir") == "François Hollande"


def test_a_poll_speaks_through_its_firm_not_through_a_surname(extract):
    rows = extract("Selon un sondage Harris Interactive pour une chaîne publié jeudi, 55 % des Français souhaitent "
                   "que la ministre reste en poste.", PUB)
    assert "Kamala Harris" not in entity_names(rows)
    assert [(t, spk) for t, _, spk in rows["speakers"]] == [
        ("55 % des Français souhaitent que la ministre reste en poste", "Harris Interactive")]


def test_a_first_name_that_starts_the_sentence_keeps_two_people_apart(extract):
    rows = extract("Brigitte Macron a visité lundi une école. Emmanuel Macron était à Berlin.", PUB)
    persons = {e["name"] for e in rows["entities"] if e["actor_type"] == "person"}
    assert persons == {"Brigitte Macron", "Emmanuel Macron"}


def test_a_capital_that_begins_another_name_is_not_the_country(extract):
    rows = extract("Selon Paris Match, le couple a passé ses vacances dans le Var.", PUB)
    assert [(t, spk) for t, _, spk in rows["speakers"]] == [
        ("le couple a passé ses vacances dans le Var", "Paris Match")]


def test_one_of_a_group_speaks_unnamed(extract):
    rows = extract("Pierre Martin a parlé aux grévistes. « Il faut partir », a confié l'un d'eux.", PUB)
    assert speaker_of(rows, "Il faut partir") is None


def test_capital_as_speaker_is_the_country(extract):
    rows = extract("Moscou a dénoncé mercredi les nouvelles sanctions européennes.", PUB)
    speaker = speaker_entity_of_only_statement(rows)
    assert (speaker["name"], speaker["actor_type"]) == ("Russie", "country")


def test_place_after_a_preposition_is_not_a_person(extract):
    rows = extract("Le ministre Heiko Maas a atterri à Kiev puis est reparti vers Varsovie.", PUB)
    persons = {e["name"] for e in rows["entities"] if e["actor_type"] == "person" and e["name"]}
    assert persons == {"Heiko Maas"}


def test_role_resolves_to_the_office_holder_at_the_article_date(extract):
    rows = extract("« Nous restons ouverts au dialogue », a déclaré le chef de la diplomatie russe.", PUB)
    speaker = speaker_entity_of_only_statement(rows)
    assert speaker["name"] == "Sergueï Lavrov"


@pytest.mark.parametrize("role, holder", [("le secrétaire général de l'ONU", "Antonio Guterres"),
                                          ("le chef de l'Otan", "Jens Stoltenberg")])
def test_an_office_of_no_country_names_its_one_holder(extract, role, holder):
    rows = extract(f"« Il faut agir vite », a dit {role}.", PUB)
    assert speaker_entity_of_only_statement(rows)["name"] == holder


def test_a_title_of_many_bodies_names_nobody(extract):
    rows = extract("« Il faut agir vite », a dit le secrétaire général.", PUB)
    assert rows["statements"][0]["speaker_entity_idx"] is None


def test_a_known_name_in_another_capitalisation_is_that_person(extract):
    rows = extract("Selon Mohammed Ben Salmane, le royaume restera neutre.", PUB)
    assert speaker_entity_of_only_statement(rows)["name"] == "Mohammed ben Salmane"


def test_a_role_coordinated_with_a_name_is_not_that_name(extract):
    rows = extract("Le directeur de l'usine et Anne Morel se sont rencontrés lundi.", PUB)
    (role,) = [m for m in rows["entity_mentions"] if m["mention_kind"] == "role"]
    assert role["text"].startswith("Le directeur") and rows["names"].get(role["entity_idx"]) != "Anne Morel"


@pytest.mark.parametrize("text", [
    "Le ministre Paul Le Maire a reçu lundi Anton Berg.",
    "Paul Lemaire a reçu lundi Anton Berg.",
])
def test_a_role_word_inside_a_name_is_part_of_the_name(extract, text):
    rows = extract(text, PUB)
    assert not [m for m in rows["entity_mentions"] if m["mention_kind"] == "role" and "aire" in m["text"]]
    assert [m for m in rows["entity_mentions"] if m["mention_kind"] == "name" and m["text"].endswith("aire")]


@pytest.mark.parametrize("text", [
    "Le président Anton Berg a salué la décision. Son porte-parole a précisé que le pays était prêt.",
    "La ministre Ingrid Falk a salué la décision. Sa conseillère, Anne Morel, l'a approuvée. Son conseiller a "
    "précisé que le pays était prêt.",
])
def test_a_possessive_role_is_not_its_possessor_nor_another_office_holder(extract, text):
    rows = extract(text, PUB)
    (st,) = [s for s in rows["statements"] if s["text"] == "le pays était prêt"]
    assert st["speaker_entity_idx"] is None and st["speaker_description"].lower().startswith("son ")


@pytest.mark.parametrize("text, fragment, speaker", [
    # a possessed government is the country of the one the sentence before is about
    ("Le président norvégien Anton Berg a dénoncé une provocation. Son gouvernement a estimé que le traité était "
     "violé.", "le traité était violé", "Norvège"),
    ("La Suède a protesté. Son gouvernement a estimé que le traité était violé.", "le traité était violé", "Suède"),
    # a role after a name of another country is no apposition
    ("Le chef de la diplomatie norvégienne Anton Berg est arrivé mardi. Lors d'une conférence de presse avec "
     "son homologue suédois Paul Girard, le ministre norvégien a indiqué que la crise était grave.",
     "la crise était grave", "Anton Berg"),
    # an unqualified government is the country the sentence before is about
    ("La Norvège a expulsé mardi l'ambassadeur suédois. Le gouvernement a annoncé que les échanges étaient "
     "suspendus.", "les échanges étaient suspendus", "Norvège"),
    ("Le président Hugo Lemaire a critiqué le gouvernement de Kiev. Le gouvernement suédois a annoncé que les "
     "échanges étaient suspendus.", "les échanges étaient suspendus", "Suède"),
])
def test_governments_and_roles_speak_for_the_country_or_person_they_stand_for(extract, text, fragment, speaker):
    assert speaker_of(extract(text, PUB), fragment) == speaker


def test_role_of_an_unlisted_country_keeps_a_description(extract):
    rows = extract("« Nous ne reculerons pas », a prévenu le porte-parole du gouvernement.", PUB)
    (st,) = rows["statements"]
    assert st["speaker_entity_idx"] is None and "porte-parole" in (st["speaker_description"] or "")


def test_cross_article_clustering_merges_spellings_and_keeps_strangers_apart():
    entities = [
        {"article_id": "a", "entity_idx": 0, "name": "Oleksandr Kubrakov", "actor_type": "person",
         "dict_key": None, "forms": ["Oleksandr Kubrakov"]},
        {"article_id": "b", "entity_idx": 0, "name": "Oleksandr Koubrakov", "actor_type": "person",
         "dict_key": None, "forms": ["Oleksandr Koubrakov", "Koubrakov"]},
        {"article_id": "c", "entity_idx": 0, "name": "Olena Kondratiuk", "actor_type": "person",
         "dict_key": None, "forms": ["Olena Kondratiuk"]},
    ]
    actors, links = resolve_actors(entities)
    by_article = {r["article_id"]: r["actor_id"] for r in links}
    assert by_article["a"] == by_article["b"] != by_article["c"]
    merged = next(a for a in actors if a["actor_id"] == by_article["a"])
    assert {"Oleksandr Koubrakov", "Koubrakov"} <= set(merged["aliases"]) | {merged["canonical_name"]}


def test_actor_ids_are_stable_across_runs():
    entities = [{"article_id": "a", "entity_idx": 0, "name": "Olena Kondratiuk", "actor_type": "person",
                 "dict_key": None, "forms": ["Olena Kondratiuk"]}]
    assert resolve_actors(entities) == resolve_actors(list(entities))


def test_hyphenated_name_ending_in_a_country_is_not_the_country(extract):
    rows = extract("Selon Radio-Canada, le ministre repartira jeudi.", date(2024, 5, 2))
    assert "Canada" not in rows["names"].values()
    assert speaker_of(rows, "le ministre repartira jeudi") == "Radio-Canada"


def test_title_of_a_single_office_names_its_holder(extract):
    rows = extract("Le pape a appelé à un cessez-le-feu immédiat dans la région.", date(2021, 6, 1))
    assert speaker_of(rows, "cessez-le-feu") == "Pape François"


def test_a_party_acronym_run_into_a_name_leaves_the_person(extract):
    # NER reads "du RN Marine Dupré" as one organisation
    text = "La présidente du RN Marine Dupré a dénoncé la réforme. Pour Dupré, elle creuse les inégalités."
    rows = extract(text, PUB)
    people = [e for e in rows["entities"] if e["actor_type"] == "person" and e["name"]]
    assert [e["name"] for e in people] == ["Marine Dupré"]
    assert {"Marine Dupré", "Dupré"} <= set(people[0]["forms"])
    assert not any("Marine" in e["name"] for e in rows["entities"] if e["actor_type"] == "organization")


def test_a_portfolio_run_into_a_name_leaves_the_person(extract):
    # NER reads "de l'Aviation Karim Benali" as one organisation
    rows = extract("L'appareil venait d'être révisé, a assuré le ministre de l'Aviation Karim Benali.", PUB)
    assert [e["name"] for e in rows["entities"] if e["actor_type"] == "person" and e["name"]] == ["Karim Benali"]
    assert not [e for e in rows["entities"] if e["actor_type"] == "organization"]


def test_a_person_called_by_the_initials_of_the_name_is_that_person(extract):
    text = ("Le président Amadou Boubacar Touré a reçu les syndicats. Selon ABT, les salaires seront versés lundi. "
            "L'ONG UNB a protesté.")
    rows = extract(text, PUB)
    [person] = [e for e in rows["entities"] if e["actor_type"] == "person" and e["name"]]
    assert person["name"] == "Amadou Boubacar Touré" and "ABT" in person["forms"]
    abt = text.index("ABT")
    assert any(m["char_start"] == abt and m["entity_idx"] == person["entity_idx"] for m in rows["entity_mentions"])


def test_a_title_before_a_short_name_is_no_part_of_it(extract):
    text = ("L'émir Salem ben Rashid Al-Nuaimi a reçu les ambassadeurs. "
            "Cheikh Salem a ensuite promis une aide aux réfugiés.")
    people = [e for e in extract(text, PUB)["entities"] if e["actor_type"] == "person" and e["name"]]
    assert [e["name"] for e in people] == ["Salem ben Rashid Al-Nuaimi"]
    assert "Cheikh Salem" in people[0]["forms"]


def test_international_bodies_the_ner_misses_are_organisations_of_the_dictionary(extract):
    # the tagger reads neither "G5 Sahel" nor "OCDE" as a name: the dictionary knows both bodies
    rows = extract("Le ministre Hugo Lemaire a vanté jeudi à Rennes le travail mené par le G5 Sahel. "
                   "Selon l'OCDE, la croissance des pays du groupe ralentira l'an prochain.", PUB)
    kinds = {e["name"]: e["actor_type"] for e in rows["entities"]}
    assert kinds.get("G5 Sahel") == "organization" and kinds.get("OCDE") == "organization", kinds
    assert speaker_of(rows, "la croissance des pays du groupe") == "OCDE"


@pytest.mark.parametrize("text", [
    'Les deux ministres ont évoqué la crise régionale, a indiqué une porte-parole de la formation "Avenir Commun".',
    "« Le dialogue reprendra sous peu », a déclaré un porte-parole du parti centriste « Ciel Ouvert ».",
])
def test_a_quoted_name_after_a_bodys_noun_names_the_body_not_a_person(extract, text):
    # the spokesperson of a party named in quotes is an unnamed source, and the quoted name is a body
    rows = extract(text, PUB)
    (st,) = rows["statements"]
    assert st["speaker_entity_idx"] is None and "porte-parole" in (st["speaker_description"] or "")
    assert all(e["actor_type"] != "person" for e in rows["entities"] if e["name"])


def test_a_lone_first_name_does_not_chain_other_articles_people_together():
    # "François" alone in one article names no one the other articles' "François X" can be joined to
    def ent(article, name):
        return {"article_id": article, "entity_idx": 0, "name": name, "actor_type": "person",
                "dict_key": None, "forms": [name]}
    entities = [ent("a", "Julien"), ent("b", "Julien Berger"), ent("c", "Julien Lenoir"), ent("d", "Berger")]
    actors, links = resolve_actors(entities)
    by_article = {r["article_id"]: r["actor_id"] for r in links}
    assert by_article["b"] != by_article["c"]
    assert by_article["b"] == by_article["d"]  # a surname still joins its full name
    assert by_article["a"] not in (by_article["b"], by_article["c"])


def test_a_surname_first_short_form_still_joins_across_articles():
    def ent(article, name):
        return {"article_id": article, "entity_idx": 0, "name": name, "actor_type": "person",
                "dict_key": None, "forms": [name]}
    actors, links = resolve_actors([ent("a", "Pak Song-chol"), ent("b", "Pak")])
    assert len({r["actor_id"] for r in links}) == 1


def test_a_lone_first_name_joins_the_one_person_of_that_name():
    def ent(article, name):
        return {"article_id": article, "entity_idx": 0, "name": name, "actor_type": "person",
                "dict_key": None, "forms": [name]}
    for order in (["a", "b"], ["b", "a"]):  # whichever article comes first
        names = dict(zip(order, ["Julien", "Julien Berger"]))
        actors, links = resolve_actors([ent(a, n) for a, n in names.items()])
        assert len({r["actor_id"] for r in links}) == 1


def test_a_title_before_a_given_name_names_the_office_holder_the_dictionary_knows(extract):
    # data: the dictionary's pope of that date is called "Pape François"; the title makes the given name his
    rows = extract("« La paix reste possible », a déclaré dimanche le pape François devant Julien Berger, "
                   "venu de Lyon.", date(2019, 4, 7))
    st = next(s for s in rows["statements"] if "paix" in s["text"])
    speaker = next(e for e in rows["entities"] if e["entity_idx"] == st["speaker_entity_idx"])
    assert speaker["dict_key"] == "pope_francis"


def test_a_given_name_after_a_title_its_holder_does_not_bear_stays_unlinked(extract):
    rows = extract("« La paix reste possible », a déclaré dimanche le pape Julien, venu de Lyon.", date(2019, 4, 7))
    assert not any(e["dict_key"] == "pope_francis" for e in rows["entities"])


def test_a_royal_named_by_title_and_given_name_is_the_dictionary_royal(extract):
    # data: "le prince Charles" is Charles III's form, not any other Charles; "le roi Philippe" no prime minister
    rows = extract("« Nous restons unis », a déclaré le prince Charles devant Julien Berger.", date(2019, 5, 31))
    assert speaker_entity_of_only_statement(rows)["dict_key"] == "charles_iii"
    rows = extract("« C'est un honneur », a dit le roi Philippe à Julien Berger.", date(2019, 5, 31))
    assert speaker_entity_of_only_statement(rows)["dict_key"] == "philippe_of_belgium"


def test_a_caption_credit_glued_to_a_known_name_leaves_the_name(extract):
    # video captions run the credit into the name: "<title> de Donald Trumppar <source>"
    rows = extract("Les propos de Donald Trumppar Lopinion.fr  sont clairs.\n\nLe texte a été lu hier.",
                   date(2019, 5, 31))
    assert any(e["dict_key"] == "donald_trump" for e in rows["entities"])
