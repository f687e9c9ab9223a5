"""Meeting mentions and their deduplication across articles (articles written for the tests)."""
from datetime import date

from dagster_project.extraction.resolution import resolve_corpus


def meetings(rows):
    names = rows["names"]
    return [({names[i] for i in m["participant_entity_idxs"]}, m["meeting_date"], m["date_precision"], m["status"],
             m["mode"], m["location"]) for m in rows["meeting_mentions"]]


def test_met_verb_with_date_place_and_status(extract):
    rows = extract("Emmanuel Macron a rencontré Angela Merkel mardi à Berlin.", date(2021, 6, 3))
    assert meetings(rows) == [({"Emmanuel Macron", "Angela Merkel"}, date(2021, 6, 1), "day", "occurred",
                               "in_person", "Berlin")]


def test_phone_call_mode(extract):
    rows = extract("Angela Merkel s'est entretenue par téléphone avec Emmanuel Macron lundi.", date(2021, 6, 3))
    (m,) = meetings(rows)
    assert m[0] == {"Angela Merkel", "Emmanuel Macron"} and m[4] in ("phone", "in_person")


def test_planned_meeting(extract):
    rows = extract("Emmanuel Macron doit rencontrer Angela Merkel le 20 juin à Paris.", date(2021, 6, 3))
    (m,) = meetings(rows)
    assert (m[1], m[3]) == (date(2021, 6, 20), "planned")


def test_past_meeting_with_month(extract):
    rows = extract("Emmanuel Macron et Angela Merkel s'étaient rencontrés en janvier 2020 à Aix-la-Chapelle.",
                   date(2021, 6, 3))
    (m,) = meetings(rows)
    assert (m[1], m[2], m[3]) == (date(2020, 1, 1), "month", "occurred")


def test_one_person_is_not_a_meeting(extract):
    rows = extract("Emmanuel Macron a reçu des journalistes mardi.", date(2021, 6, 3))
    assert rows["meeting_mentions"] == []


def test_three_reports_of_one_meeting_make_one_row(extract):
    reports = {
        "a1": ("Le président Emmanuel Macron a reçu mardi 1er juin la chancelière Angela Merkel à l'Élysée.",
               date(2021, 6, 1)),
        "a2": ("Angela Merkel et Emmanuel Macron se sont entretenus à Paris, a indiqué un conseiller.",
               date(2021, 6, 2)),
        "a3": ("Lors de leur rencontre de juin, Emmanuel Macron et Angela Merkel ont parlé de l'Ukraine.",
               date(2021, 6, 20)),
    }
    entities, mentions = [], []
    for article_id, (text, published) in reports.items():
        rows = extract(text, published)
        for table, out in (("entities", entities), ("meeting_mentions", mentions)):
            out += [{**r, "article_id": article_id} for r in rows[table]]
    resolved = resolve_corpus(entities, mentions, {k: v[1] for k, v in reports.items()})
    assert len(resolved["meetings"]) == 1
    (meeting,) = resolved["meetings"]
    assert (meeting["meeting_date"], meeting["date_precision"]) == (date(2021, 6, 1), "day")
    assert {r["article_id"] for r in resolved["meeting_mention_map"]} == {"a1", "a2", "a3"}


def test_visit_to_a_capital_meets_its_head_of_state(extract):
    rows = extract("Emmanuel Macron a évoqué la visite de Vladimir Poutine à Pékin en octobre dernier.",
                   date(2023, 12, 1))
    (m,) = meetings(rows)
    assert m[0] == {"Vladimir Poutine", "Xi Jinping"} and (m[1], m[2]) == (date(2023, 10, 1), "month")


def test_meeting_between_a_named_pair(extract):
    rows = extract("Le ministre a rappelé le sommet de mars entre Joe Biden et Xi Jinping.", date(2023, 6, 1))
    (m,) = meetings(rows)
    assert m[0] == {"Joe Biden", "Xi Jinping"} and m[1] == date(2023, 3, 1)


def test_separate_meetings_with_each_partner(extract):
    text = ("La tournée du ministre Wang Yi comprenait des rencontres avec le ministre Antony Blinken "
            "et avec le conseiller Jake Sullivan.")
    rows = extract(text, date(2023, 6, 1))
    assert {frozenset(m[0]) for m in meetings(rows)} == {frozenset({"Wang Yi", "Antony Blinken"}),
                                                        frozenset({"Wang Yi", "Jake Sullivan"})}


def test_attribution_is_not_a_participant(extract):
    text = "Emmanuel Macron a reçu Olaf Scholz à Paris, a indiqué le porte-parole de l'Élysée, Olivier Véran."
    (m,) = meetings(extract(text, date(2023, 6, 1)))
    assert m[0] == {"Emmanuel Macron", "Olaf Scholz"}


def _resolve(extract, reports):
    entities, mentions = [], []
    for article_id, (text, published) in reports.items():
        rows = extract(text, published)
        for table, out in (("entities", entities), ("meeting_mentions", mentions)):
            out += [{**r, "article_id": article_id} for r in rows[table]]
    return resolve_corpus(entities, mentions, {k: v[1] for k, v in reports.items()})


def test_reports_a_month_apart_are_one_meeting_dated_by_most_reports(extract):
    reports = {
        "r1": ("Xi Jinping a reçu Emmanuel Macron en avril à Pékin. La rencontre entre Emmanuel Macron "
               "et Xi Jinping à Pékin a été cordiale.", date(2023, 9, 1)),
        "r2": ("Emmanuel Macron a rencontré Xi Jinping en mai dernier.", date(2023, 9, 1)),
    }
    resolved = _resolve(extract, reports)
    assert len(resolved["meetings"]) == 1
    (meeting,) = resolved["meetings"]
    assert (meeting["meeting_date"], meeting["date_precision"]) == (date(2023, 4, 1), "month")
    assert {r["article_id"] for r in resolved["meeting_mention_map"]} == {"r1", "r2"}


def test_summit_without_names_is_between_the_main_countries_leaders(extract):
    text = ("La Chine et la France renforcent leurs liens. Le sommet de mars a marqué une étape, "
            "selon Pékin. La France veut aller plus loin avec la Chine.")
    (m,) = meetings(extract(text, date(2023, 6, 1)))
    assert m[0] == {"Xi Jinping", "Emmanuel Macron"} and m[1] == date(2023, 3, 1)


def test_bilateral_commission_meets_between_the_main_countries(extract):
    text = ("Le Japon et l'Inde signent un accord. La commission mixte se réunira prochainement à Tokyo, "
            "ont annoncé le Japon et l'Inde.")
    (m,) = meetings(extract(text, date(2023, 6, 1)))
    assert m[0] == {"Japon", "Inde"} and m[3] == "planned"


def test_a_visiting_foreign_minister_meets_the_host_foreign_minister(extract):
    rows = extract("Le texte évoque la visite d'Annalena Baerbock à Paris en mars 2023.", date(2023, 6, 1))
    (m,) = meetings(rows)
    assert m[0] == {"Annalena Baerbock", "Catherine Colonna"}


def test_leur_sommet_is_the_last_two_people_named(extract):
    text = ("Joe Biden et Xi Jinping se sont parlé au téléphone. "
            "Ils n'ont rien conclu depuis l'échec de leur sommet de Bali en novembre dernier.")
    found = meetings(extract(text, date(2023, 6, 1)))
    assert ({"Joe Biden", "Xi Jinping"}, date(2022, 11, 1), "month") in [(m[0], m[1], m[2]) for m in found]
