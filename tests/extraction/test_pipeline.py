"""The spaCy components and the batch entry point."""
from datetime import date

import pytest

from dagster_project.extraction.pipeline import extract_article, extract_articles, load_nlp
from dagster_project.extraction.text import normalise_text, paragraphs, split_metadata_header


def test_sentences_follow_punctuation_and_line_breaks_not_hyphens(nlp):
    doc = nlp("Les relations russo-coréennes progressent. M. Poutine l'a dit.\nUn intertitre sans point\nLa suite.")
    assert [s.text.strip() for s in doc.sents] == [
        "Les relations russo-coréennes progressent.", "M. Poutine l'a dit.", "Un intertitre sans point",
        "La suite."]


def test_date_component_marks_expressions(nlp):
    doc = nlp("Le sommet s'est tenu le 3 mai 2022 à Rome.")
    assert [doc.text[s:e] for s, e, _ in doc._.date_expressions] == ["3 mai 2022"]


def test_batch_gives_the_same_rows_as_one_by_one(nlp):
    articles = [("a", "Emmanuel Macron a reçu Angela Merkel mardi à Paris.", date(2021, 6, 3)),
                ("b", "« Rien n'est joué », a estimé Angela Merkel.", date(2021, 6, 4))]
    batch = dict(extract_articles(nlp, articles))
    assert batch["a"]["meeting_mentions"] and batch["b"]["statements"]  # rows to compare, not two empty lists
    assert batch == {aid: extract_article(nlp, aid, text, pub) for aid, text, pub in articles}


def test_worker_processes_give_the_same_rows(nlp):
    articles = [(f"a{i}", f"« Rien n'est joué », a estimé Angela Merkel le {i + 1} mars.", date(2021, 3, 20))
                for i in range(5)]
    in_workers = list(extract_articles(nlp, articles, n_process=2, batch_size=1))
    assert [a for a, _ in in_workers] == [a for a, _, _ in articles]
    assert all(rows["statements"] for _, rows in in_workers)
    assert in_workers == list(extract_articles(nlp, articles, n_process=1))


def test_metadata_header_and_whitespace_are_normalised():
    hint, body = split_metadata_header(" date 2024-03 Premier   paragraphe.\r\n\r\n\r\nSecond.")
    assert hint == "2024-03"
    assert normalise_text(body) == "Premier paragraphe.\n\nSecond."


def test_repeated_lede_and_site_furniture_are_boilerplate():
    lede = "Les deux ministres se sont rencontrés mardi à Genève pour parler de la crise."
    text = f"Rechercher\n\n{lede}\n\nSuite de l'article.\n\n{lede[:60]}..."
    flags = [(p.text[:10], p.is_boilerplate) for p in paragraphs(text)]
    assert flags == [("Rechercher", True), (lede[:10], False), ("Suite de l", False), (lede[:10], True)]


def test_a_video_caption_glued_to_its_channel_is_boilerplate():
    text = ("Hugo Lemaire, invité de la radio le 10 juin, revient sur son entretien avec Anton Bergpar rtl.fr\n\n"
            "Hugo Lemaire a rencontré Anton Berg jeudi. Que retenir de la rencontre ?par BFMTV\n\n"
            "Affaire Berg : \"Je suis choquée. Le choix est fait\"par franceinfo\n\n"
            "Le texte a été adopté par Gaspar Lind.")
    flags = [(p.text, p.is_boilerplate) for p in paragraphs(text)]
    assert flags == [
        ("Hugo Lemaire, invité de la radio le 10 juin, revient sur son entretien avec Anton Bergpar rtl.fr", True),
        ("Hugo Lemaire a rencontré Anton Berg jeudi. ", False),  # the content before the caption stays
        ("Que retenir de la rencontre ?par BFMTV", True),
        ('Affaire Berg : "Je suis choquée. Le choix est fait"par franceinfo', True),  # (no cut inside a quote)
        ("Le texte a été adopté par Gaspar Lind.", False)]


def test_a_video_caption_gives_no_meeting_and_no_date(tmp_path):
    text = ("Hugo Lemaire et Anton Berg se sont rencontrés jeudi à Oslo.\n\n"
            "Hugo Lemaire, invité le 10 juin 2021, revient sur son entretien avec Anton Bergpar rtl.fr")
    rows = extract_article(load_nlp(), "a1", text, date(2021, 6, 11))
    assert [(m["meeting_date"], m["status"]) for m in rows["meeting_mentions"]] == [(date(2021, 6, 10), "occurred")]


def test_extractor_version_follows_the_rules(tmp_path):
    import dagster_project.extraction as extraction

    assert extraction.EXTRACTOR_VERSION.endswith(extraction.fingerprint(extraction.rule_files()))
    assert any(p.name == "lexicon.yaml" for p in extraction.rule_files())
    rules = tmp_path / "lexicon.yaml"
    rules.write_text("reporting_verbs: {}\n")
    before = extraction.fingerprint([rules])
    rules.write_text("reporting_verbs: {dire: {}}\n")
    assert extraction.fingerprint([rules]) != before


def test_prestarted_workers_give_the_same_rows(nlp):
    from dagster_project.extraction.pipeline import ExtractionWorkers

    articles = [(f"w{i}", f"« Rien n'est joué », a estimé Olaf Scholz le {i + 1} avril.", date(2021, 4, 20))
                for i in range(3)]
    workers = ExtractionWorkers(max_workers=1, warm=1)
    try:
        assert workers.warm_up[0].result() is True  # the worker loaded the pipeline before any work
        in_workers = list(extract_articles(None, articles, n_process=1, batch_size=2, workers=workers))
    finally:
        workers.close()
    assert len(in_workers) == 3 and all(rows["statements"] for _, rows in in_workers)
    assert in_workers == list(extract_articles(nlp, articles, n_process=1))


def test_a_role_whose_head_is_a_name_keeps_valid_offsets(extract):
    # NER reads "Maires" as a name: the plural role "des Maires" must go, not shrink to nothing
    text = ("« Votre présence devant l'assemblée des Maires est importante », a écrit le maire de Lyon. "
            "Les ministres de l'Otan se sont réunis jeudi.")
    rows = extract(text)
    assert rows["entity_mentions"]
    for m in rows["entity_mentions"]:
        assert m["char_end"] > m["char_start"] and text[m["char_start"]:m["char_end"]] == m["text"]


@pytest.mark.parametrize("text, tokens", [
    ("Il a parlé d'\"erreur grave\" hier.", ["d'", '"', "erreur"]),
    ("Il a dit qu'« il viendra ».", ["qu'", "«", "il"]),
    ("Elle évoque l’« urgence ».", ["l’", "«", "urgence"]),
])
def test_elided_word_before_a_quote_mark_is_a_token_of_its_own(nlp, text, tokens):
    words = [t.text for t in nlp(text)]
    assert any(words[i:i + len(tokens)] == tokens for i in range(len(words))), words
