"""Text normalisation, metadata headers and boilerplate detection for scraped articles."""
from __future__ import annotations

import bisect
import re
import unicodedata
import weakref
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH

from .rules import load_rules

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
# A leading metadata line written by some scrapers, e.g. " date 2024-01" before the body.
_META_HEADER = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+", re.IGNORECASE)


# the text of each doc the pipeline's components are reading, by the doc (an entry goes with its doc)
_DOC_TEXTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def doc_text(doc) -> str:
    """doc.text, joined once per doc for the components that read it (rule_sentences, meeting_frames,
    french_dates): Doc.text joins every token's text again on each call (0.2 ms an article). The text
    of a doc never changes once it is tokenized (a retokenizer keeps it)."""
    text = _DOC_TEXTS.get(doc)
    if text is None:
        text = _DOC_TEXTS[doc] = doc.text
    return text


_TOKEN_ENDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def span_text(doc, start: int, end: int) -> str:
    """doc[start:end].text (the same slice bounds) as a slice of doc_text: Span.text makes a Token of each
    of its words to join their texts again."""
    offsets = _TOKEN_ENDS.get(doc)
    if offsets is None or len(offsets[0]) != len(doc):
        starts = doc.to_array(IDX).tolist()
        offsets = _TOKEN_ENDS[doc] = (starts, [s + n for s, n in zip(starts, doc.to_array(LENGTH).tolist())])
    n = len(offsets[0])
    start = min(max(0, start + n if start < 0 else start), n)
    end = min(end + n if end < 0 else end, n)
    return doc_text(doc)[offsets[0][start]:offsets[1][end - 1]] if start < end else ""


def normalise_text(raw: str) -> str:
    """NFC, one space between words, no trailing spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in _SPACES.sub(" ", text).split("\n")]  # one regex pass, not one per line
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


def split_metadata_header(raw: str) -> tuple[str | None, str]:
    """Return (date hint, body) for a text that may start with a ' date YYYY-MM' metadata line."""
    match = _META_HEADER.match(raw)
    if not match:
        return None, raw
    return match.group(1), raw[match.end():]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `re` counts as \\w


def word_occurrences(text: str, word: str):
    """Starts of `word` standing alone (not inside a longer word or hyphenated compound), left to right.

    What re.finditer(rf"(?<!\\w){re.escape(word)}(?![\\w-])") gives, without compiling a pattern per word.
    """
    end = len(text)
    i = text.find(word)
    while i != -1:
        after = i + len(word)
        if (i == 0 or not _is_word_char(text[i - 1])) and \
                (after == end or not (_is_word_char(text[after]) or text[after] == "-")):
            yield i
            i = text.find(word, after)
        else:
            i = text.find(word, i + 1)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str
    is_boilerplate: bool
    # a video caption: no words of the article, but the names it gives are known to the reader
    # ("Sylvie Tellier ...par BFMTV" tells who "la présidente" is)
    is_caption: bool = False


def paragraphs(text: str) -> list[Paragraph]:
    """Lines of the stored text with offsets; boilerplate and repeated paragraphs are flagged."""
    rules = load_rules()["boilerplate"]
    line_patterns = [re.compile(p, re.IGNORECASE) for p in rules["line_patterns"]]
    out: list[Paragraph] = []
    seen: list[str] = []
    offset = 0
    caption = re.compile(r"\Spar (?:" + rules["video_caption_channels"] + r")\s*$")
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        if (glued := caption.search(line)) is not None:
            # ("... s'est entretenu avec Y. Que retenir de la rencontre ?par BFMTV": the caption is the last
            # sentence; the line's sentences before it are the article's)
            cut = max((b.end() for b in _CAPTION_START.finditer(line, 0, glued.start()) if _quotes_closed(line[:b.start()])),
                      default=0)
            if cut:
                out.append(Paragraph(start, start + cut, line[:cut], False))
            out.append(Paragraph(start + cut, end, line[cut:], True, is_caption=True))
            seen.append(stripped)
            continue
        boiler = any(p.fullmatch(stripped) for p in line_patterns) or _is_repeat(stripped, seen)
        out.append(Paragraph(start, end, line, boiler))
        seen.append(stripped)
    return out


def _quotes_closed(prefix: str) -> bool:
    """No quotation left open at the end of `prefix` (a caption may quote several sentences)."""
    return prefix.count('"') % 2 == 0 and prefix.count("«") == prefix.count("»") \
        and prefix.count("“") == prefix.count("”")


# where a caption glued to the end of a content line may begin: after a sentence's end or a closing quote
# ('... à 8%" Gérald Darmanin : "..."par Europe 1')
_CAPTION_START = re.compile(r"(?<=[.!?»”\"])\s+(?=[\"«“]?[A-ZÀ-Ý])")


def _is_repeat(line: str, seen: list[str]) -> bool:
    """A paragraph already printed above (scrapers repeat the lede, often cut with '...')."""
    core = re.sub(r"(\.\.\.|…)\s*$", "", line).strip()
    if len(core) < 40:
        return False
    return any(prev.startswith(core) for prev in seen)


def boilerplate_mask(text: str, paras: list[Paragraph] | None = None) -> list[tuple[int, int]]:
    """Character spans where no name is read (boilerplate lines, photo credits; not video captions, whose
    names tell who a later role is);
    `paras`: the text's paragraphs when the caller has them already."""
    rules = load_rules()["boilerplate"]
    spans = [(p.start, p.end) for p in (paragraphs(text) if paras is None else paras)
             if p.is_boilerplate and not p.is_caption]
    for pattern in rules["inline_patterns"]:
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    return sorted(spans)


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


_SENTENCE_END = re.compile(
    r"(?<=[.!?…])[»”\"]?\s+(?=[«“\"(–—-]?\s?[A-ZÀ-Ý0-9])"
    # scraped text loses the space after a full stop: 'possible".Il', 'côté.Le ministre'
    r"|(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])|(?<=[»”\")][.!?])(?=[A-ZÀ-Ý])"
    # ... or before the opening mark of the next quotation: 'de l'initiative."Dire aujourd'hui ...'
    r"|(?<=[a-zà-ÿ)]{2}[.!?])(?=[«“\"]\s?[A-ZÀ-Ý][a-zà-ÿ'’])"
    # a closing guillemet set off by a (thin) space after the final stop: '« ... française. » Il a ...'
    r"|(?<=[.!?…]\s[»”])\s+(?=[«“\"(–—-]?\s?[A-ZÀ-Ý0-9])"
)
_WEB_ADDRESS_END = re.compile(r"(?:www|https?:|@|/)\S*$")
ABBREVIATION = re.compile(r"(?:\b(?:M|MM|Mme|Mlle|Dr|Pr|St|Ste|Me|av|J\.-C|etc|cf|p|n°)|\b[A-ZÀ-Ý])\.$")


# an agency dateline before the lead ("PARIS, 15 mars (AFP) - ", "KIEV (Ukraine), 3 juin 2024 (Reuters) -",
# "Séoul, 14 mars 2024 (AFP) -", "WASHINGTON (AFP) -"): the lead's first sentence starts after it (the city
# the dispatch is filed from is no subject of that sentence)
_DATELINE = re.compile(r"(?m)^[A-ZÀ-Ý][\w'’ .-]{1,40}?(?:\s*\([^)\n]{1,40}\))?"
                       r"(?:,\s*\d{1,2}(?:er)?\s+[a-zéû]+(?:\s+\d{4})?)?"
                       r"\s*\((?:AFP|Reuters|AP|ATS|Belga|DPA|ANSA)\)\s*[-–—]\s*")


def sentence_starts(text: str) -> set[int]:
    """Character offsets where a sentence starts: after a line break, or after final punctuation
    followed by a capital or an opening quote (not after 'M.' or an initial, and not inside a
    quotation of several sentences: '« ... relever. L'extrémisme ... », a-t-il dit' is one sentence,
    whose incise gives the whole quotation its speaker)."""
    starts = {m.end() for m in re.finditer(r"\n+", text)}
    line_starts = sorted(starts | {0})
    starts |= {m.end() for m in _DATELINE.finditer(text)}
    for m in _SENTENCE_END.finditer(text):
        if ABBREVIATION.search(text[max(0, m.start() - 6):m.start()]):
            continue
        if m.start() == m.end() and _WEB_ADDRESS_END.search(text[max(0, m.start() - 80):m.start()]):
            continue
        line = line_starts[bisect.bisect_right(line_starts, m.start()) - 1]
        if _open_quotation(text[line:m.end()]):
            continue
        starts.add(m.end())
    return starts


def _open_quotation(before: str) -> bool:
    """Whether a quotation opened in `before` is still open at its end (a closing mark right before
    the break closes it)."""
    if before.count("«") > before.count("»") or before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence that holds `pos`; (pos, pos) when none does."""
    return next(((start, end) for start, end in sentences if start <= pos < end), (pos, pos))
