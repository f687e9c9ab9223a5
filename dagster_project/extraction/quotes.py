"""Quoted segments of an article: where they open and close, and which of them are names, not speech."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .rules import alternation, load_rules
from .text import Paragraph


@dataclass
class Quote:
    open: int
    close: int  # index of the closing mark
    start: int  # content start
    end: int  # content end


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    """Quoted segments inside content paragraphs; an unclosed « continues into the next paragraph."""
    pairs = load_rules()["quote_pairs"]
    quotes: list[Quote] = []
    content = [p for p in paragraphs if not p.is_boilerplate]
    carry: tuple[int, str] | None = None
    marks = _quote_marks()
    resume = None  # where the next paragraph's marks start, when its first one closed a quote already
    for k, p in enumerate(content):
        i, stack = (p.start, []) if resume is None else (resume, [])
        resume = None
        if carry and text[p.start] == carry[1]:
            stack, i = [carry], p.start + 1
        elif carry:
            carry = None
        for found in marks.finditer(text, i, p.end):  # other characters open and close nothing
            i, ch = found.start(), found.group()
            if ch == '"' and _elision_mark(text, i):
                continue  # 'l"héritage': an apostrophe the scraper turned into a double quote
            if stack and ch == pairs[stack[-1][1]]:
                start_mark, mark = stack.pop()
                quotes.append(_quote(text, start_mark, i))
            elif ch in pairs and not (ch == '"' and stack and stack[-1][1] == '"'):
                stack.append((i, ch))
        if len(stack) == 1 and stack[0][1] == '"' and k + 1 < len(content) and _opening_shaped(text, stack[0][0]):
            # a straight quote left open at the end of a paragraph runs on into the next one: it
            # closes at the next paragraph's first mark when that one holds an odd number of them,
            # or at its own paragraph's end when the next one opens again (the press reopens a
            # quotation at each new paragraph and closes it only at the last)
            following = _straight_marks(text, content[k + 1])
            # (a closing mark is written against the word before it: 'accrocher",')
            if len(following) % 2 == 1 and following[0] > content[k + 1].start \
                    and not text[following[0] - 1].isspace():
                quotes.append(_quote(text, stack[0][0], following[0]))
                resume = following[0] + 1
            elif following and following[0] == content[k + 1].start:
                quotes.append(_quote(text, stack[0][0], p.end))
        carry = stack[0] if stack and text[stack[0][0]] == "«" else None
        if carry and k + 1 < len(content) and text[content[k + 1].start] == "«":
            # the press reopens a quotation at each new paragraph and closes it only at the last: each
            # paragraph's part is one segment, as with straight quotes
            quotes.append(_quote(text, carry[0], p.end))
            carry = None
        if carry:  # a quote running on: look for its end in the following paragraph(s)
            close = text.find("»", p.end)
            if close != -1 and close - p.end < 3000:
                quotes.append(_quote(text, carry[0], close))
                carry = None
    return sorted({q.open: q for q in quotes}.values(), key=lambda q: q.open)


def _opening_shaped(text: str, i: int) -> bool:
    """A straight mark that opens: after a space or at the line's start, before a word ('dit : "Nous')."""
    return (i == 0 or text[i - 1].isspace() or text[i - 1] in "(:—–-") and i + 1 < len(text) \
        and not text[i + 1].isspace() and text[i + 1] not in ",;:.!?)"


def _straight_marks(text: str, p: Paragraph) -> list[int]:
    """Offsets of a paragraph's straight double quotes, apostrophes the scraper doubled left out."""
    return [i for i in (p.start + m.start() for m in re.finditer('"', text[p.start:p.end]))
            if not _elision_mark(text, i)]


@functools.cache
def _quote_marks() -> re.Pattern:
    """Any opening or closing mark of the lexicon's quote pairs."""
    pairs = load_rules()["quote_pairs"]
    return re.compile("[" + "".join(re.escape(c) for c in sorted({*pairs, *pairs.values()})) + "]")


@functools.cache
def _elided_word_at_end() -> re.Pattern:
    words = alternation(load_rules()["elided_words"], ignore_case=True)
    return re.compile(rf"(?<!\w)(?:{words})\Z", re.IGNORECASE)


def _elision_mark(text: str, i: int) -> bool:
    """Is the straight double quote at `i` the apostrophe of an elided word ('l"accord', 'qu"il')?"""
    if i + 1 >= len(text) or text[i + 1].lower() not in "aeiouyhàâäéèêëîïôöûü":
        return False
    return _elided_word_at_end().search(text, max(0, i - 8), i) is not None


def _quote(text: str, open_idx: int, close_idx: int) -> Quote:
    start, end = open_idx + 1, close_idx
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(open_idx, close_idx, start, end)


def is_name_quote(text: str, q: Quote) -> bool:
    """Quoted names of media, parties, operations: not speech."""
    rules = load_rules()["non_speech_quotes"]
    content = text[q.start:q.end]
    words = re.findall(r"[\w'’-]+", content)
    if not words:
        return True
    # the words before it in its own sentence ("..., dit le prince. « Je suis inquiet »": not a name)
    window = re.split(r"[.!?]\s", text[max(0, q.open - 40):q.open])[-1]
    words_before = re.findall(r"[\w'’-]+", window)
    before = words_before[-3:]
    # ("a dit « ... »", and the reflexive "s'est dit « impatient »", "se disent « prêts »": speech, not "dit")
    lows = [w.lower().replace("’", "'") for w in words_before]
    # (any of the words the cue check reads: "a dit vouloir « tout faire »", "a dit sa « colère »")
    said = any(lows[k] in ("dit", "dite", "dits", "dites", "disent")
               and (lows[k - 1] in ("a", "ont", "avait", "avaient", "aurait", "lui", "leur", "m'a", "t'a", "s'est",
                                    "s'était", "s'étaient", "se", "s'étant")
                    or lows[k - 1] == "sont" and k >= 2 and lows[k - 2] == "se")
               for k in range(max(1, len(lows) - len(before)), len(lows))) \
        or len(lows) >= 2 and lows[-1] == "être" and lows[-2] in ("dit", "dite", "dits", "dites", "disant", "disent")
    # the naming word right before the quote, or before its "de" ("l'opération « Barkhane »", "le parti des
    # « Républicains »"), not one a few words back ("a qualifié le plan d'aide de « gaspillage »")
    cues = rules["cue_words_before"]
    # ("l'opération « X »": the elided article is glued to the noun)
    bare = [re.sub(r"^[ld]['’]", "", w.lower()) for w in before]
    naming = bool(before) and (bare[-1] in cues or len(before) >= 2 and bare[-1] in (
        "de", "du", "des", "d'", "d’") and bare[-2] in cues
        # "l'opération militaire « Aube rouge »": one word between the noun and a capitalised title
        or len(before) >= 2 and bare[-2] in cues and bare[-1].islower() and words[0][:1].isupper())
    # ("le plan « ne tenait pas la route »": words that open a clause are speech, whatever noun precedes)
    clause = words[0].lower().replace("’", "'") in rules["clause_openers"]
    if not said and naming and not clause:
        return len(words) <= rules["max_name_words"] + 3
    # a noun phrase whose determiner stays outside the quote, complement of a noun of time, place, body or group
    # ('à la veille du « premier vol direct »', 'membre du « conseil de transition »', 'la colère des « gilets
    # jaunes »'): the name of an event, a body or a group, even inside what a speaker reports
    if not said and not clause and len(words) <= rules["max_name_words"] and not re.search(r"[.!?;:]", content) \
            and _governed_name().search(window):
        return True
    # a short quote in English, its lower-case words all English ('un « no deal »', 'le « hard Brexit »'): a term
    lower = [w.lower() for w in words if not w[:1].isupper()]
    if not said and lower and len(words) <= 4 and all(w in _english_words() for w in lower) \
            and not re.search(r"[.!?]", content):
        return True
    if words[0] in rules["name_heads"] and len(words) <= 6:
        return True
    # a title in sentence case after a definite article ("a dénoncé le « Pacte vert »", "Thatcher, la « Dame
    # de fer »"): French capitalises a name's first word only; a quoted phrase of speech starts lower-case
    if not said and bare and bare[-1] in ("le", "la", "les", "l'", "l’", "du", "des", "au", "aux") \
            and words[0][:1].isupper() and not words[0].isupper() and len(words) <= rules["max_name_words"] \
            and not re.search(r"[.!?,;:]", content):
        return True
    small = {"de", "du", "des", "la", "le", "les", "et", "d", "l"}
    content_words = [w for w in words if w.lower() not in small]
    return (len(words) <= rules["max_name_words"] and bool(content_words)
            and all(w[:1].isupper() or w[:1].isdigit() for w in content_words) and len(content_words) >= 1
            and not re.search(r"[.!?]$", content.strip()) and len(content_words) == len(set(content_words))
            and (len(content_words) > 1 or content_words[0].isupper() or not _is_sentence_start(text, q)))


@functools.cache
def _english_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules()["non_speech_quotes"]["english_words"])


@functools.cache
def _governed_name() -> re.Pattern:
    """The end of the words before a quote: a noun of the lexicon's name governors and a determiner of its
    complement ('en marge du ', 'la crise des ', 'la tenue de la ')."""
    nouns = alternation(load_rules()["non_speech_quotes"]["name_governors"], ignore_case=True)
    return re.compile(rf"(?<![\w-])(?:{nouns})\s+(?:du|des|de\s+la|de\s+l['’])\s*\Z", re.IGNORECASE)


def _is_sentence_start(text: str, q: Quote) -> bool:
    return bool(re.search(r"(?:^|[.!?:]\s*)$", text[max(0, q.open - 3):q.open]))


def _is_label(text: str, start: int) -> bool:
    """A quote that stands where a noun would: after a determiner or 'de' ('le mécanisme de « snapback »')."""
    return bool(re.search(r"(?<![\w-])(?:de|du|des|d['’]|le|la|les|l['’]|un|une|ce|cet|cette|ces|son|sa|ses|leur|leurs)"
                          r"\s*[«“\"]\s*$",
                          text[max(0, start - 12):start], re.IGNORECASE))
