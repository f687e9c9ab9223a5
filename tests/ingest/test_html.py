"""Web pages in: real saved news pages (tests/fixtures/html) and pages written here, through the real reader."""
import json
import re
import shutil
from datetime import date
from html import escape
from pathlib import Path

import pytest

from dagster_project.ingest.html import looks_like_html, read_page, wrap_loose_text
from dagster_project.ingest.reader import PUBLISHED_DATE_BASES, ReadOptions, read_folder

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
INGEST_DAY = date(2024, 6, 1)

# What each saved page must give: title, author, date, and the first and last paragraphs of the clean
# text of the same article (the record of shared/gold/dev/articles.jsonl).
EXPECTED = {
    "orangesum-531.html": {
        "title": "Municipales: Philippe conforté par son succès ou victime de la fièvre verte ?",
        "author": "AFP; Jérémy MAROT",
        "date": date(2020, 6, 29),
        "paragraphs": 17,
        "first": "Réélu largement au Havre dimanche et toujours perché à des sommets de popularité, Edouard "
                 "Philippe sort politiquement renforcé des élections municipales, mais la percée écologiste "
                 "projette l'ombre d'un doute sur le maintien à Matignon d'une figure de droite modérée.",
        "last": "\"Il aime encore plus l'Etat que la politique donc il respectera la décision du président\", "
                "abonde un autre. \"Il a dit son envie de rester. Mais il sera loyal s'il devait sortir, en vue "
                "de la réélection d'Emmanuel Macron en 2022\", assure-t-il.",
    },
    "orangesum-33623.html": {
        "title": "Bélarus : Poutine \"convaincu\" que Loukachenko surmontera la crise",
        "author": "AFP; Thibaut MARCHAND",
        "date": date(2020, 9, 14),
        "paragraphs": 19,
        "first": "Contesté dans la rue depuis août, le président bélarusse Alexandre Loukachenko a rencontré "
                 "lundi son homologue russe Vladimir Poutine, son principal soutien qui s'est dit \"convaincu\" "
                 "qu'il surmontera la crise, sans s'avancer publiquement sur un soutien plus marqué.",
        "last": "Le Conseil des droits de l'Homme (CDH) de l'ONU s'est prononcé lui en faveur d'une réunion "
                "d'urgence vendredi sur la situation au Bélarus, du fait des répressions et d'allégations de "
                "tortures de détenus.",
    },
    "orangesum-22098.html": {
        "title": "Élections européennes : Le FN a proposé à Mariani de figurer sur sa liste",
        "author": "Orange avec AFP",
        "date": date(2018, 4, 3),
        "paragraphs": 8,
        "first": "La présidente du Front national (FN), Marine Le Pen, a proposé à l'ancien ministre Les "
                 "Républicains (LR), Thierry Mariani, de figurer en position éligible sur la liste de son parti "
                 "lors des élections européennes de mai 2019.",
        "last": "Elle a ensuite proposé lors du congrès du FN de rebaptiser son parti \"Rassemblement national\" "
                "et a appelé à soutenir le candidat LR à l'élection législative partielle de Mayotte, une démarche "
                "inédite pour celle qui renvoie dos à dos LR et PS depuis des années, considérant le clivage "
                "droite-gauche dépassé.",
    },
}


@pytest.fixture(scope="module")
def saved_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    for name in EXPECTED:
        shutil.copy(PAGES / name, folder / name)
    return read_folder(folder, ReadOptions(latest_date=INGEST_DAY))


def test_saved_pages_load_with_their_metadata(saved_pages):
    assert not saved_pages.quarantine
    articles = {a["source_name"]: a for a in saved_pages.articles}
    assert set(articles) == set(EXPECTED)
    for name, expected in EXPECTED.items():
        article = articles[name]
        assert article["source_format"] == "html" and article["language"] == "fr", name
        assert article["title"] == expected["title"], name
        assert article["author"] == expected["author"], name
        assert article["published_date"] == expected["date"], name
        assert article["published_date_basis"] == "meta", name  # article:published_time
        assert article["url"].startswith("https://actu.orange.fr/"), name


def test_saved_pages_keep_the_article_text_and_its_paragraphs(saved_pages):
    for article in saved_pages.articles:
        expected = EXPECTED[article["source_name"]]
        paragraphs = article["text"].split("\n\n")
        assert paragraphs[0] == expected["first"], article["source_name"]
        assert paragraphs[-1] == expected["last"], article["source_name"]
        assert len(paragraphs) == expected["paragraphs"], article["source_name"]
        assert all(p.strip() == p and p for p in paragraphs)


def test_saved_pages_leave_the_page_chrome_out(saved_pages):
    for article in saved_pages.articles:
        raw = (PAGES / article["source_name"]).read_text(encoding="utf-8")
        teasers = re.findall(r'class="element-title"><a[^>]*>\s*(.*?)\s*</a>', raw, re.S)
        assert len(teasers) == 2  # the "A lire aussi" block: titles of other articles
        text = article["text"]
        for teaser in teasers:
            assert teaser not in text
        for chrome in ("A lire aussi", "publié le", "Partager", "<", "utag", "function("):
            assert chrome not in text, (article["source_name"], chrome)


def test_a_paragraph_standing_outside_any_p_is_kept():
    """After an embedded video player, a paragraph of the 33623 page is bare text in the body's <div>."""
    page = read_page((PAGES / "orangesum-33623.html").read_text(encoding="utf-8"), INGEST_DAY)
    assert "\n\nFidèle à sa nouvelle stratégie, consistant à se présenter comme le premier rempart" in page.text
    assert page.byline is not None and "publié le lundi 14 septembre 2020" in page.byline


# ------------------------------------------------------------------------------------------------
# Pages written here.

LEDE = ("Le ministre russe des Affaires étrangères, Sergueï Lavrov, a reçu mardi à Moscou son homologue "
        "nord-coréenne, Choe Son-hui. Les deux ministres ont évoqué la coopération entre leurs pays.")
SECOND = ("« Nous avons eu des discussions très utiles », a déclaré M. Lavrov devant la presse, ajoutant que "
          "les relations entre les deux pays étaient « au plus haut niveau ».")
THIRD = "Les discussions ont porté sur l'Ukraine & la péninsule coréenne, selon un communiqué du ministère."


def _page(head: str = "", body: str | None = None) -> str:
    body = body if body is not None else f"<p>{LEDE}</p><p>{SECOND}</p>\n<p>{escape(THIRD)}</p>"  # &amp; &#x27;
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Lavrov reçoit Choe - Le Journal</title>{head}"
            "<style>p { color: red }</style><script>var tracking = 'ne pas garder';</script></head><body>"
            "<nav><ul><li><a href='/'>Accueil</a></li><li><a href='/monde'>Monde</a></li></ul></nav>"
            f"<article><h1>Lavrov reçoit Choe à Moscou</h1>{body}</article>"
            "<aside><h2>A lire aussi</h2><ul><li><a href='/x'>Un autre article sans rapport</a></li></ul></aside>"
            "<footer>© Le Journal 2024 · Mentions légales</footer></body></html>")


def _read_one_page(tmp_path, markup: str, name: str = "page.html", ingest_day: date = INGEST_DAY) -> dict:
    (tmp_path / name).write_text(markup, encoding="utf-8")
    result = read_folder(tmp_path, ReadOptions(latest_date=ingest_day))
    assert not result.quarantine, result.quarantine
    [article] = result.articles
    return article


def test_page_text_is_the_article_only(tmp_path):
    article = _read_one_page(tmp_path, _page())
    assert article["text"] == f"{LEDE}\n\n{SECOND}\n\n{THIRD}"
    assert article["title"] == "Lavrov reçoit Choe à Moscou"  # the headline, not repeated in the text
    assert article["source_format"] == "html"


def test_html_by_content_in_a_txt_file_is_the_same_article(tmp_path):
    (tmp_path / "page.html").write_text(_page(), encoding="utf-8")
    (tmp_path / "saved-as.txt").write_text(_page(), encoding="utf-8")
    result = read_folder(tmp_path, ReadOptions(latest_date=INGEST_DAY))
    [article] = result.articles
    assert article["source_format"] == "html"
    assert sorted((s["source_name"], s["source_format"]) for s in result.sources) == [
        ("page.html", "html"), ("saved-as.txt", "html")]


@pytest.mark.parametrize(
    "head, body_prefix, expected, basis",
    [
        ("<meta property='article:published_time' content='2024-01-16T09:30:00+01:00'>"
         "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2023-05-05\"}</script>",
         "", date(2024, 1, 16), "meta"),
        ("<meta itemprop='datePublished' content='2024-01-17'>", "", date(2024, 1, 17), "meta"),
        ("", "<time pubdate datetime='2024-01-18T10:00'>18/01</time>", date(2024, 1, 18), "meta"),
        ("<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@graph\": ["
         "{\"@type\": \"WebSite\", \"datePublished\": \"2010-01-01\"},"
         "{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-01-19T08:00:00Z\"}]}</script>",
         "", date(2024, 1, 19), "json-ld"),
        ("<script type='application/ld+json'>{not json</script>", "<p>Publié le 20 janvier 2024 à 10h00</p>",
         date(2024, 1, 20), "text"),
    ],
    ids=["article-meta-before-json-ld", "microdata", "time-pubdate", "json-ld-article-of-graph", "byline-text"],
)
def test_publication_date_and_its_basis(tmp_path, head, body_prefix, expected, basis):
    body = f"{body_prefix}<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p>"
    article = _read_one_page(tmp_path, _page(head, body))
    assert (article["published_date"], article["published_date_basis"]) == (expected, basis)
    assert article["text"].startswith(LEDE)  # a byline paragraph is no article text


def test_a_page_date_after_the_ingest_date_is_never_used(tmp_path):
    head = ("<meta property='article:published_time' content='2031-01-01T00:00:00+01:00'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-02-02\"}</script>")
    article = _read_one_page(tmp_path, _page(head))
    assert (article["published_date"], article["published_date_basis"]) == (date(2024, 2, 2), "json-ld")
    only_future = "<meta property='article:published_time' content='2031-01-01T00:00:00+01:00'>"
    article = _read_one_page(tmp_path, _page(only_future, f"<p>{LEDE}</p><p>{SECOND}</p>"))
    assert (article["published_date"], article["published_date_basis"]) == (None, "none")  # and not the footer's year


def test_a_page_without_any_date_falls_back_on_the_text(tmp_path):
    body = f"<p>Moscou, 16 janvier 2024. {LEDE}</p><p>{SECOND}</p>"
    article = _read_one_page(tmp_path, _page("", body))
    assert (article["published_date"], article["published_date_basis"]) == (date(2024, 1, 16), "text")


def test_line_breaks_and_loose_text_are_paragraphs(tmp_path):
    body = (f"<div class='corps'><p>{LEDE}<br/><br/>{SECOND}</p>"
            "<div class='video'><script>player()</script></div>"
            f"{THIRD} <a href='/ukraine'>Lire la suite</a> de la dépêche.<p>Fin de la dépêche, dit-on à Moscou.</p></div>")
    article = _read_one_page(tmp_path, _page("", body))
    assert article["text"].split("\n\n") == [LEDE, SECOND, f"{THIRD} Lire la suite de la dépêche.",
                                             "Fin de la dépêche, dit-on à Moscou."]


def test_wrap_loose_text_keeps_inline_content_and_order():
    from lxml import html

    tree = html.fromstring("<div>avant<p>un</p>entre <b>gras</b> fin<p>deux</p> <p>trois</p></div>")
    wrap_loose_text(tree)
    assert html.tostring(tree, encoding="unicode") == (
        "<div><p>avant</p><p>un</p><p>entre <b>gras</b> fin</p><p>deux</p> <p>trois</p></div>")


def test_a_fragment_is_a_page_too(tmp_path):
    article = _read_one_page(tmp_path, f"<p>{LEDE}</p>\n<p>{SECOND}</p>\n<p>{THIRD}</p>\n<p>Fin.</p>",
                             name="fragment.htm")
    assert article["text"].startswith(LEDE) and SECOND in article["text"]


def test_a_page_without_article_text_is_quarantined(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>Vide</title></head><body><script>x()</script>"
                                         "</body></html>", encoding="utf-8")
    (tmp_path / "good.html").write_text(_page(), encoding="utf-8")
    result = read_folder(tmp_path, ReadOptions(latest_date=INGEST_DAY))
    assert [a["source_name"] for a in result.articles] == ["good.html"]
    [bad] = result.quarantine
    assert (bad["source_name"], bad["reason_code"]) == ("empty.html", "no_text")


def test_jsonl_record_holding_a_page(tmp_path):
    head = "<meta property='article:published_time' content='2024-01-16T09:30:00+01:00'>"
    records = [{"id": "rec-page", "text": _page(head)},
               {"id": "rec-own", "title": "Son titre", "published_time": "2024-01-10T08:00:00+01:00",
                "text": _page(head).replace("mardi", "lundi")}]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                          encoding="utf-8")
    result = read_folder(tmp_path, ReadOptions(latest_date=INGEST_DAY))
    by_id = {a["source_name"]: a for a in result.articles}
    page, own = by_id["rec-page"], by_id["rec-own"]
    assert page["source_format"] == "jsonl+html" and page["text"].startswith(LEDE) and "Accueil" not in page["text"]
    assert (page["title"], page["published_date"], page["published_date_basis"]) == (
        "Lavrov reçoit Choe à Moscou", date(2024, 1, 16), "meta")
    assert (own["title"], own["published_date"], own["published_date_basis"]) == (
        "Son titre", date(2024, 1, 10), "published_time")  # the record's own fields win


def test_looks_like_html():
    assert looks_like_html("<!doctype html><title>x</title>")
    assert looks_like_html("<p>un</p><p>deux</p><p>trois</p><br><b>x</b>")
    assert not looks_like_html("Le ministre a dit <b> que ... et 3 < 4.")


def test_every_basis_is_in_the_marts_accepted_values():
    import yaml

    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "dbt" / "models" / "marts" / "dim_articles.yml")
                          .read_text(encoding="utf-8"))
    [column] = [c for m in spec["models"] if m["name"] == "dim_articles" for c in m["columns"]
                if c["name"] == "published_date_basis"]
    [accepted] = [t["accepted_codes"]["arguments"]["values"] for t in column["data_tests"]
                  if isinstance(t, dict) and "accepted_codes" in t]
    assert sorted(accepted) == sorted(PUBLISHED_DATE_BASES)
