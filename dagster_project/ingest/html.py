"""Web pages to an article: trafilatura for the main text, the page's own markup for its publication date.

The page is parsed, never rendered (no script runs, nothing is fetched). Then:

* **Text**: trafilatura's main-content extraction (boilerplate removal: navigation, teasers of other
  articles, share buttons, comments, tables and scripts are left out). Text that stands directly in a
  container between block elements (``<div><p>..</p>loose text<p>..</p></div>``) is its own paragraph,
  as a browser lays it out; it is wrapped in a ``<p>`` first, because trafilatura drops it otherwise.
  Each paragraph, heading, list item and line break of the extracted body becomes one paragraph of the
  text (blank-line separated); the headline, when the extraction starts with it, is the title and not
  repeated in the text. A leading byline paragraph ("AFP, publié le lundi 29 juin 2020 à
  18h30") is page furniture, not article text: it is set apart as ``byline`` (its date can still serve).
* **Title, author, URL**: trafilatura's metadata (``og:title``, ``<title>``, ``<h1>``, author meta tags
  and bylines, canonical URL).
* **Publication date**, with its basis: ``meta`` (publication-date meta tags such as
  ``article:published_time``, microdata ``datePublished``, ``<time pubdate>``), then ``json-ld``
  (``datePublished`` of the page's JSON-LD), then ``text``: htmldate's search of the page's other date
  markers (elements classed as dates, ``<time>``, the URL), as trafilatura runs it; the reader then
  tries the byline and the text. A date later than the ingest date is never taken: htmldate gets it
  as its ``max_date``, the markup dates after it are skipped.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

log = logging.getLogger(__name__)

_HTML_MARKERS = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_HTML_TAGS = re.compile(r"</?(?:p|div|span|br|a|h[1-6]|ul|ol|li|table|tr|td|em|strong|b|i|article|section|"
                        r"script|style|meta|link|img|title|header|footer|nav)\b[^>]*>", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

# Meta tags (property, name or itemprop) that carry the publication date, most specific first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "published_time", "publish-date", "publish_date", "publishdate", "pubdate",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "citation_publication_date",
    "parsely-pub-date", "sailthru.date", "date",
)
_PUBLISHED_RANK = {name: rank for rank, name in enumerate(PUBLISHED_META)}
_ISO_DATE = re.compile(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?![\d])")

# Elements in which text standing between blocks is laid out as a paragraph of its own.
_CONTAINERS = {"body", "div", "article", "section", "main", "blockquote", "td", "li", "dd", "figure", "center"}
_BLOCKS = {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dd", "div", "dl", "dt",
           "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
           "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "iframe",
           "script", "style", "noscript", "video", "audio", "canvas", "svg", "template"}

# trafilatura's output elements that end a paragraph.
_OUTPUT_BLOCKS = {"p", "head", "list", "item", "quote", "code", "table", "row", "cell", "div"}

# A byline: a short leading paragraph saying when the piece was published or updated ("AFP, publié le
# lundi 29 juin 2020 à 18h30", "Mis à jour le 03/04/2018").
_BYLINE = re.compile(r"\b(?:publié|publiée|mis à jour|mise à jour|modifié|actualisé|published|updated)\b"
                     r"[^.!?\d]{0,40}\d", re.IGNORECASE)
BYLINE_MAX_CHARS = 160


@dataclass(frozen=True)
class Page:
    text: str  # paragraphs separated by blank lines (not normalised yet)
    title: str | None
    author: str | None
    url: str | None
    published: dt.date | None
    basis: str | None  # meta | json-ld | text, or None when the page gives no date
    byline: str | None  # the leading byline paragraph(s) left out of the text


def looks_like_html(text: str) -> bool:
    """HTML by content: a doctype, <html>, <head> or <body> at the start, or at least five common tags."""
    return bool(_HTML_MARKERS.search(text[:4096])) or len(_HTML_TAGS.findall(text[:20000])) >= 5


def parse(markup: str) -> lxml.html.HtmlElement | None:
    """The page as an lxml tree (a fragment gets its <html> and <body>), or None when it has no elements."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False,
                                  default_doctype=False)
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1).encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------- dates


def parse_date(value: str | None) -> dt.date | None:
    """The date part of an ISO 8601 (as written, not moved to UTC), compact or RFC 2822 date, else None."""
    if not value:
        return None
    match = _ISO_DATE.match(value)
    try:
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return email.utils.parsedate_to_datetime(value.strip()).date()
    except (ValueError, TypeError, IndexError):
        return None


def _meta_date(tree, latest: dt.date) -> dt.date | None:
    found: list[tuple[int, dt.date]] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        rank = _PUBLISHED_RANK.get(key)
        if rank is not None:
            value = parse_date(meta.get("content"))
            if value is not None and value <= latest:
                found.append((rank, value))
    for time in tree.iter("time"):
        if time.get("pubdate") is not None or (time.get("itemprop") or "").lower() == "datepublished":
            value = parse_date(time.get("datetime"))
            if value is not None and value <= latest:
                found.append((_PUBLISHED_RANK["datepublished"], value))
    return min(found)[1] if found else None


def _json_ld_dates(node, out: list[tuple[int, str]]) -> None:
    """datePublished values of a JSON-LD document, articles first."""
    if isinstance(node, list):
        for item in node:
            _json_ld_dates(item, out)
    elif isinstance(node, dict):
        kind = node.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        published = node.get("datePublished")
        if isinstance(published, str):
            is_article = any(isinstance(k, str) and (k.endswith("Article") or k in ("BlogPosting", "Report"))
                             for k in kinds)
            out.append((0 if is_article else 1, published))
        for value in node.values():
            if isinstance(value, (dict, list)):
                _json_ld_dates(value, out)


def _json_ld_date(tree, latest: dt.date) -> dt.date | None:
    found: list[tuple[int, str]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            _json_ld_dates(json.loads(script.text), found)
        except ValueError:
            continue  # a broken JSON-LD block is the page's problem, not a reason to lose the article
    for _, value in sorted(found, key=lambda item: item[0]):
        parsed = parse_date(value)
        if parsed is not None and parsed <= latest:
            return parsed
    return None


# ----------------------------------------------------------------------------------------------- text


def _is_block(node) -> bool:
    return isinstance(node.tag, str) and node.tag.lower() in _BLOCKS


def wrap_loose_text(tree) -> None:
    """Wrap text that stands between blocks of a container (with its inline neighbours) in a <p>."""
    for container in list(tree.iter(*_CONTAINERS)):
        children = list(container)
        if not any(_is_block(child) for child in children):
            continue
        runs: list[list] = [[]]  # runs of inline content between blocks: strings and inline elements
        if container.text:
            runs[-1].append(container.text)
        layout: list = []  # blocks and runs in document order
        for child in children:
            tail, child.tail = child.tail, None
            container.remove(child)
            if _is_block(child):
                layout.append(runs[-1])
                layout.append(child)
                runs.append([])
            else:
                runs[-1].append(child)
            if tail:
                runs[-1].append(tail)
        layout.append(runs[-1])
        container.text = None
        for item in layout:
            if not isinstance(item, list):
                container.append(item)
                continue
            has_text = any((part if isinstance(part, str) else part.text_content()).strip() for part in item)
            target = lxml.html.Element("p") if has_text else container
            _append_inline(target, item)
            if has_text:
                container.append(target)


def _append_inline(target, parts: list) -> None:
    for part in parts:
        if isinstance(part, str):
            last = target[-1] if len(target) else None
            if last is None:
                target.text = (target.text or "") + part
            else:
                last.tail = (last.tail or "") + part
        else:
            target.append(part)


def _paragraphs(body) -> list[str]:
    """Paragraphs of trafilatura's output body: one per block element and per line break."""
    out: list[str] = []
    current: list[str] = []

    def close() -> None:
        paragraph = " ".join("".join(current).split())
        if paragraph:
            out.append(paragraph)
        current.clear()

    def walk(element) -> None:
        block = element.tag in _OUTPUT_BLOCKS
        if block or element.tag == "lb":
            close()
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            close()

    walk(body)
    close()
    return out


def _drop_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """The page's headline opens the extracted text when it stands inside <article>: it is the title."""
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        return paragraphs[1:]
    return paragraphs


def _split_byline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    byline = []
    while len(paragraphs) > 1 and len(byline) < 2 and len(paragraphs[0]) <= BYLINE_MAX_CHARS \
            and _BYLINE.search(paragraphs[0]):
        byline.append(paragraphs.pop(0))
    return ("\n\n".join(byline) or None), paragraphs


# ----------------------------------------------------------------------------------------------- page


def read_page(markup: str, latest: dt.date) -> Page:
    """Main text, title, author, URL and publication date (with its basis) of a web page."""
    from trafilatura import bare_extraction  # imported on first use: most input is not HTML

    tree = parse(markup)
    if tree is None:
        return Page("", None, None, None, None, None, None)
    published, basis = _meta_date(tree, latest), "meta"
    if published is None:
        published, basis = _json_ld_date(tree, latest), "json-ld"
    wrap_loose_text(tree)
    document = bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, include_formatting=False, deduplicate=False,
        # htmldate's markup search only: its extensive search of the text takes a footer's copyright
        # year for a date, where the reader's own dateline rules do better
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": latest.isoformat()},
    )
    if document is None:
        return Page("", None, None, None, published, basis if published else None, None)
    if published is None and document.date:
        published, basis = parse_date(document.date), "text"
        if published is not None and published > latest:
            published = None
    title = _clean(document.title)
    paragraphs = _drop_headline(_paragraphs(document.body) if document.body is not None else [], title)
    byline, paragraphs = _split_byline(paragraphs)
    author = _clean(document.author) or _meta_author(tree)
    return Page("\n\n".join(paragraphs), title, author, _clean(document.url),
                published, basis if published else None, byline)


def _meta_author(tree) -> str | None:
    """The author meta tag, when trafilatura's author heuristics rejected it (a name with a digit, say)."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        value = _clean(meta.get("content"))
        if key in ("author", "article:author") and value and "://" not in value:
            return value
    return None


def _clean(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None
