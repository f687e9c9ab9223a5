"""Direct quotes and indirect speech, attributed to a speaker mention."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .cues import Cue, find_cues, verb_index
from .mentions import MEDIA, PERSON, Mention, is_subject_position
from .rules import alternation, load_rules
from .text import ABBREVIATION, Paragraph

_CLAUSE_BREAK = re.compile(r",\s*(?:a-t-(?:il|elle)|ont-ils|selon|d'après|d’après|a rapporté|rapporte|ont rapporté)\b"
                           r"|\s+et\s+(?=qu['’e])|;|\s+[–—-]\s+"
                           r"|,?\s+et\s+(?!(?:la|le|les|l['’]|un|une|des|du|de|sa|son|ses|leur|leurs)\b)(?:\w+\s+)?(?=[«“\"])"
                           r"|,\s+(?:(?:y|en|le|la|les|lui|leur|se|s['’]|l['’])\s*)?"
                           r"(?!(?:avant|pendant|durant|cependant|maintenant|néanmoins|notamment)\b)\w+ant\b"
                           r"|,?\s+et\s+(?=(?:a|ont|avait|avaient|aurait)\s+(?:\w+\s+)?\w+(?:é|i|u|is|it)\b)"
                           r"|,\s+(?:la|le|les|l['’])\s*[^,]{1,40}?\s(?:étant|ayant)\b"
                           r"|\s+et\s+(?=[a-zéèêàâîôûç]+(?:é|i|u)\s+(?:que|qu['’]|le|la|les|l['’]|sa|son|ses|de|d['’]))"
                           r"|,\s+(?=(?:où|dont)\b)"
                           r"|,\s+(?=(?:après|avant|lors|malgré|alors|tandis|depuis|pendant|en raison|dans le cadre|"
                           r"afin|faute|ce que|ce qui|de même que|par la voi[xe])\b)")


_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_LEAD_DATE = (rf"(?:(?:fin|début|mi-|courant|en|le|ce|dès)\s?)?(?:\d{{1,2}}(?:er)?\s+)?(?:{_MONTHS})(?:\s+\d{{4}})?"
              rf"|en\s+\d{{4}}|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:matin|soir|après-midi))?")
_LEAD_OCCASION = (r"lors\s+d(?:e|u|['’])\s*(?:la |le |l['’])?[\w-]+"
                  r"(?:\s+(?:de|d['’]|du)\s*[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)*)?")
_LEAD_CHANNEL = (r"(?:dans|par|via|sur)\s+(?:un|une|son|sa|leur|le|la|les|ses|leurs)\s+"
                 r"(?:communiqué|déclaration|entretien|interview|discours|tweet|message|lettre|courrier|"
                 r"conférence de presse)(?:\s+(?:commun|commune|conjoint|conjointe|écrit|télévisé|publié))?")
_INFINITIVE = re.compile(r"[«“\"]?\s?(?:n['’]|ne\s+(?:pas|jamais|plus)\s+|s['’]|se\s+)?"
                         r"(?:avoir|être|[a-zàâçéèêëîïôûù]{2,}(?:er|ir|re))\b")


@dataclass
class Quote:
    open: int
    close: int  # index of the closing mark
    start: int  # content start
    end: int  # content end


@dataclass
class Statement:
    start: int
    end: int
    text: str
    type: str
    cue: Cue | None
    speaker: Mention | None
    relay: Mention | None = None


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    """Quoted segments inside content paragraphs; an unclosed « continues into the next paragraph."""
    pairs = load_rules()["quote_pairs"]
    quotes: list[Quote] = []
    content = [p for p in paragraphs if not p.is_boilerplate]
    carry: tuple[int, str] | None = None
    for p in content:
        i, stack = p.start, []
        if carry and text[p.start] == carry[1]:
            stack, i = [carry], p.start + 1
        elif carry:
            carry = None
        while i < p.end:
            ch = text[i]
            if ch == '"' and _elision_mark(text, i):
                i += 1  # 'l"héritage': an apostrophe the scraper turned into a double quote
                continue
            if stack and ch == pairs[stack[-1][1]]:
                start_mark, mark = stack.pop()
                quotes.append(_quote(text, start_mark, i))
            elif ch in pairs and not (ch == '"' and stack and stack[-1][1] == '"'):
                stack.append((i, ch))
            i += 1
        carry = stack[0] if stack and text[stack[0][0]] == "«" else None
        if carry:  # a quote running on: look for its end in the following paragraph(s)
            close = text.find("»", p.end)
            if close != -1 and close - p.end < 3000:
                quotes.append(_quote(text, carry[0], close))
                carry = None
    return sorted({q.open: q for q in quotes}.values(), key=lambda q: q.open)


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
    before = re.findall(r"[\w'’-]+", text[max(0, q.open - 40):q.open])[-3:]
    if any(w.lower() in rules["cue_words_before"] for w in before):
        return len(words) <= rules["max_name_words"] + 3
    if words[0] in rules["name_heads"] and len(words) <= 6:
        return True
    small = {"de", "du", "des", "la", "le", "les", "et", "d", "l"}
    content_words = [w for w in words if w.lower() not in small]
    return (len(words) <= rules["max_name_words"] and bool(content_words)
            and all(w[:1].isupper() or w[:1].isdigit() for w in content_words) and len(content_words) >= 1
            and not re.search(r"[.!?]$", content.strip()) and len(content_words) == len(set(content_words))
            and (len(content_words) > 1 or content_words[0].isupper() or not _is_sentence_start(text, q)))


def _is_sentence_start(text: str, q: Quote) -> bool:
    return bool(re.search(r"(?:^|[.!?:]\s*)$", text[max(0, q.open - 3):q.open]))


def _mention_at(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if start <= m.start < end]


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s in sentences:
        if s[0] <= pos < s[1]:
            return s
    return (pos, pos)


@functools.cache
def _adverb_alternation() -> str:
    return alternation(load_rules()["adverbs"])


def attach_speakers(text: str, cues: list[Cue], mentions: list[Mention], sentences, quotes: list[Quote]) -> None:
    """Choose the subject mention of each cue (inverted, canonical, prepositional, colon)."""
    adverb_re = _adverb_alternation()
    close_marks = {q.close for q in quotes}
    for cue in cues:
        s_start, s_end = _sentence_of(sentences, cue.start)
        if cue.kind == "preposition":
            after = [m for m in mentions if cue.end <= m.start <= cue.end + 2]
            if after and (cue.lemma != "pour" or re.search(r"^[^,]{0,80},", text[after[0].end:after[0].end + 82])):
                cue.speaker = after[0]
            continue
        if cue.kind == "colon":
            before = [m for m in mentions if m.end <= cue.start and cue.start - m.end <= 2]
            cue.speaker = before[-1] if before else None
            continue  # "X a déclaré : «...»" is handled by the verb cue right before the colon
        if cue.kind == "speech_colon":  # "X a lancé un avertissement : ..." -> the sentence's subject
            lead = [m for m in mentions if s_start <= m.start < cue.start and is_subject_position(text, m)
                    and m.actor_type != MEDIA]
            cue.speaker = lead[0] if lead and lead[0].start - s_start < 40 else None
            continue
        if cue.clitic:
            pron = [m for m in mentions if m.kind == "pronoun" and cue.start <= m.start < cue.end]
            cue.speaker = pron[0] if pron else None
            continue
        preceding = text[s_start:cue.start].rstrip()
        inverted = preceding.endswith(",") or not preceding or any(0 <= cue.start - c <= 3 for c in close_marks)
        if cue.passive:
            agent = re.match(r"\s+par\s+", text[cue.end:cue.end + 8])
            after = [m for m in mentions if agent and cue.end + agent.end() - 1 <= m.start <= cue.end + agent.end() + 5]
            cue.speaker = after[0] if after else None
            continue
        if inverted and cue.kind == "verb":
            window = text[cue.end:cue.end + 60]
            lead = re.match(rf"(?:\s*(?:{adverb_re}|,))*\s*", window)
            offset = cue.end + (lead.end() if lead else 0)
            # the subject right after the verb, maybe behind a determiner and a nationality word
            after = [m for m in mentions if offset <= m.start <= offset + 45 and m.kind != "pronoun"
                     and re.fullmatch(r"(?:(?:le|la|les|l['’])\s*)?(?:[A-ZÀ-Ýa-zà-ÿ-]+\s+){0,2}?",
                                      text[offset:m.start])]
            if after:
                cue.speaker = after[0]
                continue
        cue.speaker = _canonical_subject(text, cue, mentions, s_start, adverb_re)
        if cue.kind == "participle" and cue.speaker is not None and text[cue.speaker.end:cue.start].strip():
            cue.speaker = None  # only "la France accusant ..." binds directly: see _participle_speakers


def _canonical_subject(text: str, cue: Cue, mentions: list[Mention], s_start: int, adverb_re: str) -> Mention | None:
    """The nearest mention before the verb with only an apposition, adverbs or 'qui' between."""
    candidates = [m for m in mentions if s_start <= m.start and m.end <= cue.start]
    for m in reversed(candidates):
        between = text[m.end:cue.start]
        if len(between) > 200:
            break
        if not is_subject_position(text, m) and m.kind != "role":
            continue
        if re.fullmatch(rf"\s*(?:[a-zàâçéèêëîïôûù-]+\s+)?"  # one adjective: "l'Iran voisin a dit"
                        rf"(?:\s*(?:{adverb_re}|\w+ment\b|qui|\)|,[^,.;«»]{{0,120}},|\([^)]*\)|lui|elle|,"
                        rf"|l['’]|le|la|les|leur|nous|vous|se|s['’]|y|en))*\s*",
                        between, re.IGNORECASE):
            return m
    return None


def _participle_speakers(text: str, cues: list[Cue], sentences, mentions: list[Mention]) -> None:
    """A participle clause ('ajoutant que', 'et souligné que') speaks for the subject of its sentence:
    the speaker of the nearest verb cue before it, else after it, else the sentence's first actor."""
    for cue in cues:
        if cue.kind != "participle" or cue.speaker is not None:
            continue
        sentence = _sentence_of(sentences, cue.start)
        same = [c for c in cues if c.speaker is not None and c.kind == "verb" and sentence[0] <= c.start < sentence[1]]
        before = [c for c in same if c.start < cue.start]
        after = [c for c in same if c.start > cue.start]
        if before or after:
            cue.speaker = (before[-1] if before else after[0]).speaker
            continue
        first = [m for m in mentions if sentence[0] <= m.start < cue.start and is_subject_position(text, m)
                 and (m.kind != "pronoun" or m.start - sentence[0] < 3)]
        cue.speaker = first[0] if first else None


def _complement(text: str, cue: Cue, sentence: tuple[int, int], cues: list[Cue]) -> list[tuple[int, int]]:
    """Spans of the reported content of a cue: the clause after it, or before an inverted incise."""
    if cue.kind == "speech_colon":
        return [(cue.end, _clause_end(text, cue.end, sentence[1], []))] if cue.speaker is not None else []
    if cue.kind not in ("verb", "participle") or cue.negated:
        return []
    if cue.passive and not re.match(r"\s+par\s", text[cue.end:cue.end + 6]):
        return []  # "X a été invité à ...": X is not speaking
    if (cue.kind == "verb" and not cue.passive and cue.speaker is not None and cue.speaker.start >= cue.end) \
            or cue.clitic:
        return _incise_content(text, cue, sentence)
    if not cue.complements:
        return []
    sentence_end = sentence[1]
    adverb_re = _adverb_alternation()
    offset = cue.end
    rest = text[offset:sentence_end]
    if cue.passive:
        agent = re.match(r"\s+par\s+[^,]*?(?=\s+de\s|\s+d['’])", rest)
        if agent:
            offset += agent.end()
            rest = rest[agent.end():]
    lead = re.match(rf"(?:\s*(?:{adverb_re}|\w+ment\b|,[^,«»]{{0,100}},|:|{_LEAD_DATE}|{_LEAD_CHANNEL}|{_LEAD_OCCASION}|"
                    rf"(?:à|au|aux|auprès d[eu]|devant)\s+[^,;.«»\"]{{1,60}}?(?=\s+(?:qu['’e]|sur le fait)))"
                    rf")*\s*(?:sur le fait\s+)?", rest, re.IGNORECASE)
    start = offset + lead.end()
    body = text[start:sentence_end]
    que = re.match(r"(?:que|qu['’])\s*", body)
    prep = re.match(r"(?:sur|pour)\s+", body)
    if que:
        start += que.end()
    elif prep and "sur" in cue.complements:
        start += prep.end()
    elif _INFINITIVE.match(body):
        pass  # "a affirmé avoir tenu ...", "dit tenir sa légitimité de ..."
    elif "que" in cue.complements and not set(cue.complements) - {"que", "sur"}:
        return []
    spans = []
    while True:
        end = _clause_end(text, start, sentence_end, cues)
        if len(re.findall(r"\w+", text[start:end])) >= 2:
            spans.append((start, end))
        more = re.match(r"\s*,?\s*et\s+(?:que|qu['’])\s*", text[end:sentence_end])
        if not que or not more:
            return spans
        start = end + more.end()


def _clause_end(text: str, start: int, sentence_end: int, cues: list[Cue]) -> int:
    end = sentence_end
    for stop in re.finditer(r"[.!?](?=\s+[«“\"A-ZÀ-Ý])", text[start:sentence_end]):
        if not ABBREVIATION.search(text[max(0, start + stop.start() - 6):start + stop.end()]):
            end = start + stop.start()
            break
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if _in_quote(text, start, m.start()):
            continue
        if re.match(r",\s*selon\s[^,]{1,60},\s*(?:de|d['’]|que|qu['’])", text[m.start():end]):
            continue  # "a demandé à X, selon Y, de ...": the source is an aside, the clause goes on
        end = m.start()
        break
    for other in cues:
        if not start < other.start < end:
            continue
        comma = text.rfind(",", start, other.start)
        if comma == -1:
            continue
        if re.search(r",\s*$", text[start:other.start]) and (
                other.kind == "participle" or (other.kind == "verb" and (other.clitic or not other.has_aux))):
            end = min(end, comma)
        elif other.kind == "verb" and other.speaker is not None and comma < other.speaker.start < other.start \
                and other.start - comma < 80:
            end = min(end, comma)  # ", le GNA s'est dit ...": a new clause with its own speaker
    while end > start and text[end - 1] in " ,.;:!?":
        end -= 1
    return end


def _in_quote(text: str, start: int, pos: int) -> bool:
    """Whether `pos` sits inside a quotation opened after `start` and not yet closed."""
    segment = text[start:pos]
    return segment.count("«") > segment.count("»") or segment.count("“") > segment.count("”") \
        or segment.count('"') % 2 == 1


def _incise_content(text: str, cue: Cue, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """'Les États-Unis ont une vision anti-russe, a conclu Lavrov' / 'la Russie, affirme-t-il, n'a pas...'."""
    before = text[sentence[0]:cue.start]
    if not re.search(r",\s*$", before) or re.search(r"[»”\"]\s*,\s*$", before):
        return []  # "«...», confirme X": the quote is the content and gets its direct row only
    start = sentence[0] + len(re.match(r"\s*(?:(?:Mais|Et|Or|Donc|Pourtant|Enfin)\s+)?", before).group(0))
    head_end = sentence[0] + len(before.rstrip(" ,"))
    quoted = sum(len(q) for q in re.findall(r"[«“\"][^«»“”\"]*[»”\"]", text[start:head_end]))
    if quoted > 0.6 * (head_end - start):
        return []  # the clause is essentially a quote: its direct row carries it
    if len(re.findall(r"\w+", text[start:head_end])) >= 4:
        return [(start, head_end)]
    tail = text[cue.end:sentence[1]]
    after = re.match(r"[^,]*,\s*", tail) if cue.speaker is not None and not cue.clitic else re.match(r"\s*,\s*", tail)
    if not after:
        return []
    return [(start, _clause_end(text, cue.end + after.end(), sentence[1], []))]


def extract_statements(text: str, paragraphs: list[Paragraph], sentences: list[tuple[int, int]],
                       mentions: list[Mention]) -> list[Statement]:
    quotes = [q for q in find_quotes(text, paragraphs) if not is_name_quote(text, q)]
    content = [(p.start, p.end) for p in paragraphs if not p.is_boilerplate]
    cues = [c for c in find_cues(text) if any(s <= c.start < e for s, e in content)
            and not any(q.start <= c.start < q.end for q in quotes)]  # verbs inside a quote are its content
    attach_speakers(text, cues, mentions, sentences, quotes)
    _participle_speakers(text, cues, sentences, mentions)
    relay_lemmas = set(load_rules()["relay_verbs"])
    relays = {id(c) for c in cues if c.speaker is not None and c.speaker.actor_type == MEDIA}
    for c in cues:  # "rapportent X et Y de la chaîne Z": who relays, when someone else speaks in the sentence
        sentence = _sentence_of(sentences, c.start)
        if c.lemma in relay_lemmas and any(o is not c and o.kind == "verb" and sentence[0] <= o.start < sentence[1]
                                           and o.lemma not in relay_lemmas for o in cues):
            relays.add(id(c))
    out: list[Statement] = []
    for cue in cues:
        if id(cue) in relays or cue.speaker is None and cue.kind == "preposition":
            continue
        if any(st.start <= cue.start < st.end for st in out):
            continue  # "a souligné qu'une telle décision ... menacerait les relations": content, not a cue
        for span in _complement(text, cue, _sentence_of(sentences, cue.start), cues):
            body = text[span[0]:span[1]]
            only_quote = any(q.open <= span[0] and q.close + 1 >= span[1] for q in quotes) or \
                any(q.start <= span[0] and q.end >= span[1] for q in quotes)
            if not only_quote and not re.fullmatch(r"\W*", body):
                out.append(Statement(span[0], span[1], body, "indirect", cue, cue.speaker))
    for q in quotes:
        out.append(Statement(q.start, q.end, text[q.start:q.end], "direct",
                             *_quote_cue(text, q, cues, sentences, relays, mentions)))
    _inherit_repeated_quotes(out)
    _continue_quotes(text, out, paragraphs, sentences)
    # a short quote that nobody says ("le mécanisme de « snapback »") is a label, not speech
    out = [st for st in out if not (st.type == "direct" and st.speaker is None and st.cue is None
                                    and len(re.findall(r"\w+", st.text)) <= 4 and _is_label(text, st.start))]
    for st in out:
        s_start, s_end = _sentence_of(sentences, st.start)
        relay = [c.speaker for c in cues if id(c) in relays and s_start <= c.start < s_end]
        st.relay = relay[0] if relay else None
        if st.speaker is None and st.relay is not None:
            subject = [m for m in mentions if s_start <= m.start < st.start and m.actor_type != MEDIA]
            st.speaker = subject[0] if subject else None
    return sorted(out, key=lambda s: (s.start, s.type))


def _quote_cue(text: str, q: Quote, cues: list[Cue], sentences, relays,
               mentions: list[Mention]) -> tuple[Cue | None, Mention | None]:
    s_start, _ = _sentence_of(sentences, q.open)
    _, s_end = _sentence_of(sentences, q.close)
    usable = [c for c in cues if id(c) not in relays and c.speaker is not None and s_start <= c.start < s_end
              and not (q.open <= c.start < q.close)]
    incise = [c for c in usable if q.close < c.start <= q.close + 4]
    if incise:
        return incise[0], incise[0].speaker
    before = [c for c in usable if c.start < q.open]
    if before:
        return before[-1], before[-1].speaker
    after = [c for c in usable if c.start > q.close]
    if after:
        return after[0], after[0].speaker
    colon = re.search(r":\s*$", text[max(0, q.open - 5):q.open])
    if colon:  # "X a déclaré devant la presse :" then the quote, maybe in the next paragraph
        lead = [c for c in cues if id(c) not in relays and c.speaker is not None and c.kind == "verb"
                and 0 <= q.open - c.end <= 80 and ":" in text[c.end:q.open]]
        if lead:
            return lead[-1], lead[-1].speaker
    return None, _sentence_subject(text, q, mentions, s_start)


def _sentence_subject(text: str, q: Quote, mentions: list[Mention], s_start: int) -> Mention | None:
    """For a quote with no verb of saying: the person the sentence is about, if one leads it."""
    lead = [m for m in mentions if s_start <= m.start < q.open and is_subject_position(text, m)
            and m.kind in ("name", "role") and m.actor_type == PERSON]
    return lead[0] if lead else None


def _continue_quotes(text: str, statements: list[Statement], paragraphs: list[Paragraph], sentences) -> None:
    """«...», a dit X. «...»: a quote opening the next sentence of the same paragraph, with no verb of
    saying of its own, goes on with the previous quote's speaker."""
    ordered = sorted(statements, key=lambda st: st.start)
    for previous, st in zip(ordered, ordered[1:]):
        if st.speaker is not None or st.cue is not None or st.type != "direct" or previous.type != "direct":
            continue
        if previous.speaker is None or st.start - previous.end > 300:
            continue
        same_paragraph = any(p.start <= previous.start and st.end <= p.end for p in paragraphs)
        opens_sentence = _sentence_of(sentences, st.start)[0] >= st.start - 2
        if same_paragraph and opens_sentence:
            st.speaker, st.cue = previous.speaker, previous.cue


def _is_label(text: str, start: int) -> bool:
    """A quote that stands where a noun would: after a determiner or 'de' ('le mécanisme de « snapback »')."""
    return bool(re.search(r"(?<![\w-])(?:de|du|des|d['’]|le|la|les|l['’]|un|une|ce|cette|son|sa|leur)\s*[«“\"]\s*$",
                          text[max(0, start - 12):start], re.IGNORECASE))


def _inherit_repeated_quotes(statements: list[Statement]) -> None:
    """A headline quote with no attribution repeats words quoted, with a speaker, in the body."""
    attributed = [s for s in statements if s.speaker is not None]
    for st in statements:
        if st.speaker is None and st.type == "direct" and len(st.text) > 3:
            source = next((s for s in attributed if s is not st and st.text.lower() in s.text.lower()), None)
            if source is not None:
                st.speaker, st.cue = source.speaker, source.cue
