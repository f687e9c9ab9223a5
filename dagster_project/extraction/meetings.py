"""Meeting mentions: each meeting frame of the parse (extraction/meeting_frames.py) with its participants
named by the article's mentions, its date from the frame's own words, its place, status and mode.

Participants are persons; a side with no person named is the country or body that met ("le sommet
du G20", a visit to a country with no named host: the host country). A possessive ("leur rencontre")
or a plural subject ("les deux hommes se sont vus") takes the last two persons named.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .dates import DateExpression
from .gazetteer import gazetteer
from .meeting_frames import (
    DATIVE_CLITICS,
    DEMONSTRATIVES,
    IN_PRESENCE,
    OBJECT_CLITICS,
    MeetingFrame,
    body_of_leaders,
    pair_phrase,
    partner_kinds,
)
from .mentions import COUNTRY, MEDIA, ORG, PERSON, Entity, Mention, cleft_pronoun_mentions, is_subject_position
from .rules import alternation, load_rules
from .text import Paragraph, sentence_of

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_FRAGMENT_WORDS = 6  # a quote this short, set inside the narrator's sentence, is a fragment of it
STORY_DAYS = 7  # an undated meeting of the news story happened within the week the article reports on
PRESENT_DAYS_BACK = 3  # a weekday told in the present is the nearest one: at most this many days past, else ahead
TENSE_DAYS_SLACK = 7  # a dated day this close to the publication on the "wrong" side of it is kept as read
STORY_PARAGRAPHS = 3  # how far back a visit with no place looks for where the story is set


@dataclass
class MeetingMention:
    start: int
    end: int
    sentence: tuple[int, int]
    trigger: str
    mode: str
    participants: list[int] = field(default_factory=list)  # entity indexes
    location: str | None = None
    date: date | None = None
    precision: str | None = None
    status: str = "occurred"
    date_basis: str | None = None  # text | article_date


_OF = r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])"  # "de" and its contractions, before a noun phrase
_OF_GAP = re.compile(rf"\s*{_OF}\s*", re.IGNORECASE)


def _inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


_COUNTED = re.compile(r"\s+à\s+(\w+)\b", re.IGNORECASE)  # "une rencontre à trois"
_PLURAL_PHRASE = re.compile(r"(?:des|les|ses|leurs|plusieurs)\s+\w+s\b", re.IGNORECASE)


class _Participants:
    """Entities named in a phrase: persons first; countries and bodies when no person stands for that side."""

    def __init__(self, text: str, mentions: list[Mention], entities: list[Entity], excluded: set[int], resolve,
                 quoted: list[tuple[int, int]] = (), country_entity=lambda code: None):
        self.text = text
        # names inside quoted words take part in nothing the narrative reports ("« la Turquie joue un jeu
        # dangereux », a-t-il dit à l'issue d'un entretien avec X")
        self.mentions = [m for m in mentions if not _inside(m.start, quoted) and m.kind != "pair"]
        # "franco-italien" names sides only where a frame puts it: never a name found by position
        self.pairs = [m for m in mentions if not _inside(m.start, quoted) and m.kind == "pair"]
        self.entities = entities
        self.excluded = excluded
        self.resolve = resolve  # (pronoun mention, spans to skip) -> entity index or None
        self.country_entity = country_entity  # country code -> entity index of the country, or None
        self.clefts = cleft_pronoun_mentions(text)  # (read once per article, not once per meeting frame)

    def of(self, span: tuple[int, int]) -> tuple[list[int], list[int]]:
        """(persons, others) named in a phrase."""
        persons: list[int] = []
        others: list[int] = []
        names = [m for m in self.mentions if span[0] <= m.start < span[1] and m.kind == "name"
                 and m.actor_type == PERSON]
        for m in [*self.mentions, *(p for p in self.pairs if p.start == span[0])]:
            # (a plural role phrase whose determiner the parse left out of the span: "[des] responsables chinois")
            if not (span[0] <= m.start < span[1] or m.kind == "role" and m.plural and m.start < span[0] < m.end
                    and not self.text[m.start:span[0]].strip(" \n").count(" ")):
                continue  # a phrase the parse gives this frame counts even if it also attributes a quote
            if m.kind == "role" and any(n.start >= m.end and not re.search(r",|\bet\b", self.text[m.end:n.start])
                                        for n in names):
                continue  # "le chef adjoint de la diplomatie américaine X": the title of the name after it
            if m.kind in ("metonym", "name") and m.actor_type in (COUNTRY, ORG) and _after_place_word(self.text, m):
                continue  # "avec Macron à l'Elysée": a place, not a participant
            if _in_relation(self.text, m):
                continue  # "l'un des alliés de Mme X": not X
            if m.actor_type in (COUNTRY, ORG) and self._role_complement(m, span):
                continue  # "l'ancien président de l'UMP": a person of the body, not the body
            ids = self._side_ids(m)
            for idx in ids:
                e = self.entities[idx]
                # "ses homologues malien et français": each office is a side, its holder or its country
                if (e.actor_type == PERSON or len(m.entities) > 1) and e.name:
                    if idx not in persons:
                        persons.append(idx)
                elif e.actor_type in (COUNTRY, ORG) and e.name and idx not in others:
                    others.append(idx)
        return persons, others

    def _role_complement(self, m: Mention, span: tuple[int, int]) -> bool:
        return any(r.kind == "role" and not r.plural and span[0] <= r.start < m.start
                   and (r.end >= m.end or _OF_GAP.fullmatch(self.text[r.end:m.start]))
                   for r in self.mentions)

    def _side_ids(self, m: Mention, any_type: bool = True) -> list[int]:
        """Who a mention puts on a side: its entities; for "son homologue sénégalais" or "des responsables
        chinois" with nobody named, the country (a person stands for it when the article names one)."""
        ids = self._ids(m, any_type=any_type)
        if not ids and m.kind == "role" and m.countries and (not m.plural or len(m.countries) == 1) \
                and not any(n.kind == "name" and n.actor_type == PERSON and 0 <= n.start - m.end <= 2
                            for n in self.mentions):  # ("des présidents américain X et iranien Y": X and Y)
            ids = [i for i in [self.country_entity(m.countries[0])] if i is not None]
        return ids

    def _ids(self, m: Mention, any_type: bool = False) -> list[int]:
        if m.kind == "role" and m.plural and not m.entities:
            return []  # "les chefs des groupes du Sénat": a group, no one person (whoever a resolver gave it)
        ids = list(m.entities) or ([m.entity] if m.entity is not None else [])
        unnamed_role = m.kind == "role" and ids and self.entities[ids[0]].name is None
        if (not ids or unnamed_role) and m.kind in ("pronoun", "anaphor", "role"):
            resolved = self.resolve(replace(m, entity=None) if unnamed_role else m)
            ids = [resolved] if resolved is not None else []
        return [i for i in ids if self.entities[i].name and (any_type or self.entities[i].actor_type in (
            PERSON, COUNTRY, ORG))]

    def cleft(self, spans: list[tuple[int, int]]) -> list[int]:
        """'C'est lui qui a reçu X': the person the stressed pronoun singled out by a cleft stands for."""
        for m in self.clefts:
            if any(a <= m.start and m.end <= b for a, b in spans):
                resolved = self.resolve(m)
                return [resolved] if resolved is not None and self.entities[resolved].name else []
        return []

    def rebound(self, spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> list[int]:
        """The entities of the lone personal pronoun of `spans`, resolved with no antecedent inside `others`."""
        pronouns = [m for m in self.mentions if any(a <= m.start < b for a, b in spans) and m.kind == "pronoun"]
        if len(pronouns) != 1 or any(m.kind != "pronoun" for m in self.mentions if any(a <= m.start < b for a, b in spans)):
            return []
        resolved = self.resolve(replace(pronouns[0], entity=None), others)
        return [resolved] if resolved is not None and self.entities[resolved].name else []

    def clitic_object(self, spans: list[tuple[int, int]], agents: list[tuple[int, int]],
                      subjects: list[int] = (), told: list[MeetingMention] = (), since: int = 0) -> list[int]:
        """'Zelensky est arrivé à Paris. Macron l'a reçu': the person an object clitic stands for, found
        before it and not in the subject's phrase."""
        genders = {**OBJECT_CLITICS, **DATIVE_CLITICS}
        for start, end in spans:
            word = self.text[start:end].lower()
            if word not in genders:
                continue
            clitic = Mention(start, end, self.text[start:end], "pronoun", PERSON, gender=genders[word])
            resolved = self.resolve(clitic, agents)
            if resolved is not None and resolved in subjects:
                # "X a rencontré Y lundi. Il doit le revoir mardi": an object clitic is never its own clause's
                # subject (that one is "se"); it is the one other side of the subject's meeting told in this
                # sentence or the one before, else the person named before who is not the subject
                last = next((m for m in reversed(told) if since <= m.start < start and resolved in m.participants),
                            None)
                if last is not None:
                    others = [p for p in last.participants if p not in subjects]
                    gender = genders[word]
                    if len(others) == 1 and self.entities[others[0]].actor_type == PERSON \
                            and (gender is None or self.entities[others[0]].gender in (None, gender)):
                        return others
                    return []
                skip = [(m.start, m.end) for m in self.mentions if m.start < start
                        and (m.entity in subjects or set(m.entities) & set(subjects))]
                clitic = Mention(start, end, self.text[start:end], "pronoun", PERSON, gender=genders[word])
                resolved = self.resolve(clitic, list(agents) + skip)
            if resolved is not None and self.entities[resolved].name:
                return [resolved]
        return []

    def before(self, start: int, trigger: int, plural: bool) -> list[int]:
        """Subjects the parse missed: the names in subject position between the clause start and the
        verb ('X et Y se sont entretenus'); the nearest one only, unless the verb is reciprocal."""
        found = [m for m in self.mentions if start <= m.start < trigger and id(m) not in self.excluded
                 and is_subject_position(self.text, m)]
        ids: list[int] = []
        for m in (found if plural else found[-1:]):
            for i in self._ids(m):
                if i not in ids:
                    ids.append(i)
        persons = [i for i in ids if self.entities[i].actor_type == PERSON]
        return persons or ids[:1]

    def after(self, text: str, trigger_end: int, end: int, frame: MeetingFrame, own_end: int | None = None) -> list[int]:
        """Objects the parse missed: the first names after the trigger in its clause, not places
        ('a rencontré lundi à Berlin la chancelière X': X, not Berlin); past `own_end`, only a name
        after avec / entre."""
        ids: list[int] = []
        for m in self.mentions:
            if not (trigger_end <= m.start < end) or id(m) in self.excluded:
                continue
            before = [w for w in text[max(trigger_end, m.start - 16):m.start].lower().replace("'", "' ").split()
                      if w not in ("le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "leurs")]
            lead = before[-1] if before else ""
            kinds = partner_kinds(frame.lemma) if frame.kind == "verb" else ("avec", "obj")
            if not kinds:
                return []  # "se rendre à X": a trip names no one met after it
            if own_end is not None and m.start >= own_end and lead not in ("avec", "entre"):
                continue
            if kinds and "obj" not in kinds and lead not in ("avec", "entre", "à", "au", "aux"):
                continue  # "s'entretenir", "discuter": the other side comes with "avec"
            if lead in ("à", "en", "au", "aux", "dans", "vers", "depuis", "de", "du", "des", "d'", "pour", "sur",
                        "contre", "par") and not (lead == "par" and frame.lemma in ("recevoir", "accueillir")) \
                    and not (lead in ("à", "au", "aux") and frame.lemma in ("téléphoner", "rendre visite")):
                continue
            for i in self._side_ids(m, any_type=False):
                if i not in ids:
                    ids.append(i)
            if ids:
                break
        return ids

    def inviter(self, sentence: tuple[int, int], trigger: int) -> list[int]:
        """'à l'invitation du leader X', 'invité par X': who invited the visitor hosts the visit."""
        words = _invitation_words()
        for m in self.mentions:
            if not (sentence[0] <= m.start < sentence[1]):
                continue
            before = self.text[max(sentence[0], m.start - 40):m.start].lower()
            if any(re.search(rf"\b{w}\s+(?:par|de|du|des|d')\s*(?:\w+\s+){{0,3}}$", before) for w in words):
                persons = [i for i in self._ids(m) if self.entities[i].actor_type == PERSON]
                if persons:
                    return persons[:1]
        return []

    def hyphenated(self, end: int) -> list[int]:
        """'le sommet Trump-Kim': two names joined by a hyphen right after the trigger."""
        first = next((m for m in self.mentions if end < m.start <= end + 3), None)
        if first is None or not self.text.startswith("-", first.end):
            return []
        second = next((m for m in self.mentions if m.start == first.end + 1), None)
        if second is None:
            return []
        return [i for m in (first, second) for i in self._ids(m)][:2]

    def pair(self, start: int, end: int) -> list[int]:
        """'entre X et Y': the persons (else the countries or bodies) named after 'entre', up to a colon
        or semicolon ('les pourparlers entre X et Y ont porté sur : ... entre Z et W')."""
        stop = min([i for i in (self.text.find(":", start, end), self.text.find(";", start, end)) if i != -1] or [end])
        found = [m for m in self.mentions if start <= m.start < stop and id(m) not in self.excluded]
        ids: list[int] = []
        for m in found:
            for i in self._ids(m):
                if i not in ids:
                    ids.append(i)
        persons = [i for i in ids if self.entities[i].actor_type == PERSON]
        return (persons or ids)[:4]

    def dative(self, spans: list[tuple[int, int]], sentence: tuple[int, int], agents: list[int]) -> list[int]:
        """'X a affirmé que Y lui avait offert son aide lors d'un entretien': a dative 'lui' is not its
        own clause's subject, so the person named last before it in the sentence, if any."""
        if not any(self.text[a:b].lower() == "lui" for a, b in spans):
            return []
        start = min(a for a, b in spans if self.text[a:b].lower() == "lui")
        for m in reversed(self.mentions):
            ids = [i for i in self._ids(m) if i not in agents and self.entities[i].actor_type == PERSON] \
                if sentence[0] <= m.start < start and m.kind in ("name", "role") else []
            if ids:
                return ids[:1]
        return []

    def side(self, spans: list[tuple[int, int]]) -> list[int]:
        """One side of a meeting: the persons of each phrase, or its country or body when it names no person."""
        out: list[int] = []
        for span in spans:
            persons, others = self.of(span)
            # ("des dirigeants du Soudan, du Tchad et d'Oman": a plural phrase names a side in each country)
            plural = any(m.entities and span[0] <= m.start < span[1] for m in self.mentions) \
                or _PLURAL_PHRASE.match(self.text, span[0]) is not None
            for idx in persons or (others if plural else others[:1]):
                if idx not in out:
                    out.append(idx)
        return out


@functools.cache
def _relation_pattern() -> re.Pattern:
    heads = "|".join(re.escape(w) for w in [*load_rules()["speakers"]["relational_heads"],
                                            *load_rules()["meeting_triggers"]["relation_heads"]])
    return re.compile(rf"\b(?:{heads})s?\s+(?:[\w-]+\s+){{0,2}}(?:de|d'|d’|du|des)\s*(?:M\.|Mme|MM\.)?\s*$",
                      re.IGNORECASE)


def _in_relation(text: str, m: Mention) -> bool:
    """A name in the complement of a noun of relation: 'l'un des alliés de X', 'l'épouse de X'."""
    return _relation_pattern().search(text[max(0, m.start - 40):m.start]) is not None


def _adjunct_before(text: str, sentence: tuple[int, int], start: int) -> bool:
    """'lors d'un entretien', 'au cours de la réunion', 'à l'issue de la rencontre' just before the trigger."""
    words = load_rules()["meeting_triggers"]["adjunct_prepositions"]
    before = " " + text[max(sentence[0], start - 30):start].lower().replace("’", "'") + " "
    return any(f" {w} " in before for w in words)


def _after_place_word(text: str, m: Mention) -> bool:
    words = text[max(0, m.start - 8):m.start].lower().replace("'", "' ").split()
    words = [w for w in words if w not in ("l'", "le", "la", "les")]
    return bool(words) and words[-1] in ("à", "au", "aux", "en", "dans")


def _clause(text: str, sentence: tuple[int, int], trigger: tuple[int, int],
            triggers: list[tuple[int, int]]) -> tuple[int, int]:
    """The stretch of the sentence a trigger's participants stand in: up to the neighbouring
    triggers and semicolons, and not over a comma-closed clause before it."""
    lo, hi = sentence
    for s, e in triggers:
        if e <= trigger[0] and e > lo and s >= sentence[0]:
            lo = e
        if s >= trigger[1] and s < hi:
            hi = s
    semicolon = text.rfind(";", lo, trigger[0])
    if semicolon != -1:
        lo = semicolon + 1
    after = text.find(";", trigger[1], hi)
    if after != -1:
        hi = after
    return lo, hi


@functools.cache
def _iterative() -> re.Pattern:
    words = load_rules()["meeting_triggers"]["iterative_words"]
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})(?!\w)", re.IGNORECASE)


@functools.cache
def _series_regex() -> re.Pattern:
    words = load_rules()["meeting_triggers"]["series_quantifiers"]
    return re.compile(rf"(?<!\w)(?:{alternation(words, ignore_case=True)})\s+$", re.IGNORECASE)


def _series(text: str, frame: MeetingFrame) -> bool:
    """'des multiples sommets', 'plusieurs entretiens': a plural meeting noun after a quantifier."""
    start = frame.trigger[0]
    word = re.match(r"[\w-]+", text[start:])
    return word is not None and word.group(0).lower().endswith(("s", "x")) \
        and _series_regex().search(text, max(0, start - 20), start) is not None


def _vague_past(text: str, frame: MeetingFrame, clause: tuple[int, int]) -> bool:
    """'lors du récent sommet', 'leur dernière rencontre', 'sa précédente visite': an earlier meeting of a
    series, told by a noun with no date of its own; not the news of the paragraph or of the article."""
    before = text[max(clause[0], frame.trigger[0] - 15):frame.trigger[0]]
    adjectives = load_rules()["meeting_triggers"]["vague_past_adjectives"]
    return frame.kind == "noun" and re.search(
        rf"(?<![\w'’-])(?:{alternation(adjectives, ignore_case=True)})\s+$", before, re.IGNORECASE) is not None


def _invitation_words() -> list[str]:
    from .rules import load_rules
    return load_rules()["meeting_triggers"]["invitation_words"]


def _bilateral_body(text: str, frame: MeetingFrame) -> bool:
    words = [w.lower() for w in _bilateral_words()]
    phrases = [text[a:b].lower() for a, b in frame.agents] + [text[max(0, frame.trigger[0] - 80):frame.trigger[1]].lower()]
    return any(w in p for w in words for p in phrases)


def _bilateral_words() -> list[str]:
    from .rules import load_rules
    return load_rules()["meeting_triggers"]["bilateral_bodies"]


def _main_countries(mentions: list[Mention], entities: list[Entity]) -> list[int]:
    """The two countries named most often in the article (at least twice each)."""
    counts: dict[int, int] = {}
    for m in mentions:
        if m.entity is not None and entities[m.entity].actor_type == COUNTRY:
            counts[m.entity] = counts.get(m.entity, 0) + 1
    top = sorted(counts, key=lambda i: (-counts[i], i))[:2]
    return top if len(top) == 2 and all(counts[i] >= 2 for i in top) else []


def _last_persons(mentions: list[Mention], entities: list[Entity], before: int, since: int,
                  quoted: list[tuple[int, int]], n: int = 2) -> list[int]:
    """The last `n` distinct persons named before a position ('leur rencontre', 'les deux hommes')."""
    out: list[int] = []
    for m in sorted((m for m in mentions if since <= m.start < before and not _inside(m.start, quoted)),
                    key=lambda m: -m.start):
        idx = m.entity
        if idx is None or entities[idx].actor_type != PERSON or not entities[idx].name:
            continue
        if idx not in out:
            out.append(idx)
        if len(out) == n:
            break
    return out[::-1]


def _host_country(text: str, places: list[tuple[int, int]], mentions: list[Mention], entities: list[Entity],
                  add_entity) -> int | None:
    """The country a visit went to: a country named there, or the country of the city or capital named."""
    gaz = gazetteer()
    for start, end in places:
        for m in mentions:
            if start <= m.start < end and m.entity is not None and entities[m.entity].actor_type == COUNTRY:
                return m.entity
        alias = gaz.lookup(text[start:end]) or gaz.lookup(text[start:end].split(",")[0].split("(")[0].strip())
        if alias is not None and alias.actor_type == COUNTRY:
            return add_entity(alias.actor_key)
    return None


def _press_phrase(text: str, span: tuple[int, int]) -> bool:
    """'les journalistes de Var Matin', 'la presse': the first noun of the phrase names the press."""
    words = re.findall(r"[\w'’-]+", text[span[0]:span[1]].lower())
    head = next((w for w in words if w not in ("le", "la", "les", "l'", "des", "de", "du", "d'", "quelques", "plusieurs")
                 and not w.isdigit()), "")
    return head in _press_heads()


@functools.cache
def _press_heads() -> frozenset[str]:
    return frozenset(load_rules()["meeting_triggers"]["press_heads"])


def _paragraphs_back(paragraphs: list[Paragraph], pos: int, count: int) -> int:
    """Where the `count` paragraphs ending with the one that holds `pos` start (0 with no paragraphs)."""
    k = next((i for i, p in enumerate(paragraphs) if p.start <= pos < p.end), 0)
    return paragraphs[max(0, k - count + 1)].start if paragraphs else 0


def _story_place(text: str, paragraphs: list[Paragraph], before: int, quoted,
                 own_countries: set[str]) -> list[tuple[int, int]]:
    """Where the story is set: the last country or capital named after à / en / au in the
    paragraphs just before, else in the article's lead, outside quotes, that is not the visitor's
    own country."""
    since = _paragraphs_back(paragraphs, before, STORY_PARAGRAPHS)
    found = _place_between(text, paragraphs, since, before, quoted, own_countries)
    if not found and paragraphs:  # the lead sets where the news happens ("X a ... lundi à Belgrade")
        lead = [p for p in paragraphs if not p.is_boilerplate][:STORY_PARAGRAPHS]
        if lead and lead[0].start < since:
            found = _place_between(text, paragraphs, lead[0].start, min(lead[-1].end, since), quoted, own_countries)
    return found


def _place_between(text: str, paragraphs: list[Paragraph], since: int, before: int, quoted,
                   own_countries: set[str]) -> list[tuple[int, int]]:
    gaz = gazetteer()
    found: list[tuple[int, int]] = []
    for m in _PLACE.finditer(text, since, before):
        if _inside(m.start(1), quoted) or any(p.is_boilerplate and p.start <= m.start() < p.end for p in paragraphs):
            continue
        alias = gaz.lookup(m.group(1).lstrip("l'’"))
        if alias is None or alias.actor_type != COUNTRY or gaz.actors[alias.actor_key].get("country_code") in own_countries:
            continue
        found = [(m.start(1), m.end(1))]
    return found


def _host_by_office(entities: list[Entity], visitors: list[int], host: int) -> int | None:
    """The one person the article names who holds, in the visited country, an office the visitor
    holds ('le président américain' in France: the French president named in the article)."""
    code = entities[host].country
    for role in sorted({r for v in visitors for r in entities[v].roles if r}):
        holders = [e.idx for e in entities if e.actor_type == PERSON and e.name and e.country == code
                   and role in e.roles and e.idx not in visitors]
        if len(holders) == 1:
            return holders[0]
    return None


def _location(text: str, places: list[tuple[int, int]]) -> str | None:
    """The first place named: its capitalised words ('Berlin', 'Sotchi', 'Buenos Aires')."""
    for start, end in places:
        words = []
        for word in text[start:end].split():
            if word[:1].isupper() or words and word in ("de", "du", "des", "d'", "la", "le") and len(words) < 3:
                words.append(word)
            elif words:
                break
        while words and words[-1] in ("de", "du", "des", "d'", "la", "le"):
            words.pop()
        if words:
            return " ".join(words).strip(",.;:()")
    return None


_PLACE = re.compile(r"(?<![\w-])(?:à|au|aux|en|dans)\s+((?:l['’])?[A-ZÀ-Ý][\w'’-]+(?:[\s-](?:de\s|du\s)?[A-ZÀ-Ý][\w'’-]+)*)")


@functools.cache
def _topic_place_words() -> frozenset[str]:
    return frozenset(load_rules()["meeting_triggers"]["topic_place_words"])


def _place_in_clause(text: str, clause: tuple[int, int], mentions: list[Mention],
                     entities: list[Entity]) -> str | None:
    """'à Sotchi', 'en Pologne', 'au Kremlin': the first place named after à / en / au / dans in the
    trigger's clause, that no mention calls a person or a body."""
    for m in _PLACE.finditer(text, clause[0], clause[1]):
        start = m.start(1)
        before = text[max(clause[0], m.start() - 40):m.start()].split()
        if before and before[-1].lower().strip(",") in _topic_place_words() \
                or len(before) >= 2 and before[-1].lower() in ("de", "du", "des") and before[-2].lower() in _topic_place_words():
            continue  # "il a évoqué la guerre en Ukraine", "au sujet de la Crimée": the topic's place
        named = next((x for x in mentions if x.start <= start < x.end), None)
        if named is not None and named.entity is not None and entities[named.entity].actor_type in (PERSON, ORG) \
                and named.kind != "metonym":
            continue
        # ("a accueilli à Berlin Emmanuel Macron": the place ends where a person's name begins)
        person = min((x.start for x in mentions if start < x.start < m.end(1) and x.actor_type == PERSON), default=None)
        end = person if person is not None else m.end(1)
        return text[start:end].lstrip("l'’").strip()
    return None


def _date_for(text: str, frame: MeetingFrame, dates: list[DateExpression], sentence: tuple[int, int],
              quoted: list[tuple[int, int]], alone: bool = True, triggers=()) -> DateExpression | None:
    """The date the frame's own words give; else the one date of its sentence, if there is only one."""
    usable = [d for d in dates if d.value is not None and not _inside(d.start, quoted)
              and not _inside(d.start, frame.asides)]  # a relative clause or an aside dates another event
    # within the frame's own words "de" gives its date ("le sommet de septembre"); elsewhere it is
    # another event's ("la présidentielle du 9 août")
    # a date past another trigger of the clause is that meeting's ("visiter ... lors de son sommet l'an dernier")
    # ("depuis celle de X en 2015": the pronoun's own meeting, when it is the frame's trigger)
    pronoun = _demonstrative(text, frame)
    own = [d for d in usable if frame.scope[0] <= d.start < frame.scope[1] and not _of_another_event(
        text, d, own=frame.kind == "noun" and (pronoun or 0 <= d.start - frame.trigger[1] <= 12))
        and not any(frame.trigger[1] <= s < d.start and (s, e) != frame.during for s, e in triggers)]
    usable = [d for d in usable if not _of_another_event(text, d)]
    if own:
        return min(own, key=lambda d: abs(d.start - frame.trigger[0]))
    if not alone:
        return None  # another meeting of the sentence may own its date
    if _topic(text, frame, sentence):
        return None  # "écrit-il le 25 décembre à propos de leur rencontre": the date is the writing's
    in_sentence = [d for d in usable if sentence[0] <= d.start < sentence[1]]
    return in_sentence[0] if len(in_sentence) == 1 else None


def _topic(text: str, frame: MeetingFrame, sentence: tuple[int, int]) -> bool:
    """'à propos de leur rencontre', 'au sujet de sa visite': a meeting talked about, whose date the
    sentence and its paragraph do not give."""
    return frame.kind == "noun" and re.search(r"\b(?:à propos|au sujet|concernant)\b[^,;.]{0,25}$",
                                              text[max(sentence[0], frame.trigger[0] - 40):frame.trigger[0]]) is not None


def _context_date(text: str, dates: list[DateExpression], since: int, before: int,
                  quoted) -> DateExpression | None:
    """The latest date given earlier in the paragraph, outside quotes: the time its story is set in
    (not the date of an election or an appointment told before: 'X a été élu le 8 mai. Il s'est
    ensuite rendu à Y')."""
    found = [d for d in dates if since <= d.start < before and d.value is not None and not _inside(d.start, quoted)
             and not _of_another_event(text, d) and not _other_event_before(text, d)]
    return found[-1] if found else None


_AFTER_DEMONSTRATIVE = re.compile(rf"\b(?:{'|'.join(DEMONSTRATIVES)})\s+(?:de|d'|d’|du|des)\b[^,;.]{{0,50}}$")


def _story_told_before(text: str, paragraphs: list[Paragraph], dates: list[DateExpression], start: int, quoted,
                       published: date | None, group: list[int], sentences: list[tuple[int, int]],
                       mentions: list[Mention]) -> DateExpression | None:
    """The last date of this paragraph or the one before, when it is older than the news week and its
    sentence names one of the meeting's participants: the story of theirs the meeting goes on with
    ("En avril 1967, X quitte Anvers pour Paris. // Dans la capitale, il rencontre Y")."""
    if published is None:
        return None
    told = _context_date(text, dates, _paragraphs_back(paragraphs, start, 2), start, quoted)
    if told is not None and (published - told.value).days > STORY_DAYS and _same_story(told, group, sentences, mentions):
        return told
    return None


def _same_story(d: DateExpression, group: list[int], sentences: list[tuple[int, int]], mentions: list[Mention]) -> bool:
    """A date's sentence names one of the meeting's participants: the meeting goes on with that story."""
    sentence = sentence_of(sentences, d.start)
    return any(m.entity in group or set(m.entities) & set(group) for m in mentions
               if sentence[0] <= m.start < sentence[1] and (m.entity is not None or m.entities))


def _demonstrative(text: str, frame: MeetingFrame) -> bool:
    """A frame whose trigger is a demonstrative pronoun ('depuis celle de X'): a meeting other than the one named before."""
    return text[frame.trigger[0]:frame.trigger[1]].lower() in DEMONSTRATIVES


def _other_event_before(text: str, d: DateExpression) -> bool:
    """A word of another kind of event (élu, nommé, né, ...) earlier in the date's sentence."""
    before = re.split(r"[.!?]\s", text[max(0, d.start - 100):d.start])[-1].lower()
    return any(w in _other_event_words() for w in re.findall(r"[\w-]+", before))


@functools.cache
def _other_event_words() -> frozenset[str]:
    return frozenset(load_rules()["meeting_triggers"]["other_event_words"])


def _definite_noun(text: str, frame: MeetingFrame) -> bool:
    """'la rencontre', 'du sommet': a noun trigger with a definite article."""
    before = re.findall(r"[\w'’]+", text[max(0, frame.trigger[0] - 12):frame.trigger[0]].lower())
    return frame.kind == "noun" and bool(before) and before[-1].replace("’", "'") in (
        "la", "le", "l'", "les", "du", "au", "aux")


def _story_date(text: str, dates: list[DateExpression], before: int, quoted,
                published: date | None) -> DateExpression | None:
    """The day the article's news happened, given earlier in the text ('ont été tuées dimanche'):
    the latest day-precise date before the meeting within the week before publication (the latest,
    not the last written: a weekday the text sets ahead may resolve to the week before)."""
    if published is None:
        return None
    found = [d for d in dates if d.start < before and d.precision == "day" and d.value is not None
             and 0 <= (published - d.value).days <= STORY_DAYS and not _inside(d.start, quoted)
             and not _of_another_event(text, d)]
    return max(found, key=lambda d: (d.value, d.start)) if found else None


def _of_another_event(text: str, d: DateExpression, own: bool = False) -> bool:
    """'depuis la présidentielle du 9 août', 'avant le scrutin de mars': a date that belongs to
    another event, or marks a period since or before, not the meeting's own time."""
    before = text[max(0, d.start - 14):d.start].lower().split()
    words = ("depuis", "avant", "jusqu'au", "jusqu’au", "après") if own else \
        ("depuis", "du", "de", "des", "avant", "jusqu'au", "jusqu’au", "après")
    # "depuis 2019" is matched whole ("du 3 au 5 mai" is a date of its own, not one after "du")
    own_first = d.text.lower().split()[0] if d.text.strip() and d.kind != "range" else ""
    # "sa visite est la première depuis celle de son prédécesseur en 2015": the pronoun stands for
    # another event (a meeting of its own when the pronoun is the frame's trigger: `own`)
    other = not own and _AFTER_DEMONSTRATIVE.search(text[max(0, d.start - 70):d.start].lower()) is not None
    return bool(before) and before[-1] in words or own_first in words or other or _since_event(text, d)


def _since_event(text: str, d: DateExpression) -> bool:
    """'la première visite depuis l'entrée en fonction mi-mai du gouvernement', 'depuis son élection en
    octobre': the date of the event a period is counted from, not of a meeting (one named there, 'depuis
    sa visite en 2015', is read as that meeting's own words)."""
    found = _since_event_regex().search(text[max(0, d.start - 60):d.start])
    return found is not None and found.group(1).lower() not in load_rules()["meeting_triggers"]["nouns"]


@functools.cache
def _since_event_regex() -> re.Pattern:
    since = alternation(load_rules()["meeting_triggers"]["since_prepositions"])
    determiner = r"(?:l['’]|les\s|la\s|le\s|une?\s|son\s|sa\s|ses\s|leurs?\s|cette\s|ce\s|cet\s)"
    # the event noun and at most two words of its own ("en fonction", "du gouvernement"), then the date
    # (a lower-case noun: "depuis l'Elysée mardi" is where a call was made from)
    return re.compile(rf"(?<![\w'’-])(?i:{since})\s+(?i:{determiner})\s*([a-zà-ÿ][\w'’-]*)"
                      rf"(?:\s+(?:(?:en|de|du|des)\s+(?:la\s|l['’]|ces\s|ce\s|cet\s|cette\s)?|d['’])?[a-zà-ÿ][\w'’-]*){{0,2}}\s*$")


def extract_meetings(text: str, paragraphs: list[Paragraph], sentences: list[tuple[int, int]],
                     mentions: list[Mention], entities: list[Entity], dates: list[DateExpression],
                     published: date | None, attribution_mentions: set[int], quoted: list[tuple[int, int]],
                     frames: list[MeetingFrame], resolve=lambda m, skip=(): None,
                     last_subject=lambda before: None) -> list[MeetingMention]:
    content = [(p.start, p.end) for p in paragraphs if not p.is_boilerplate]
    gaz = gazetteer()

    def add_entity(key: str) -> int:
        existing = next((e for e in entities if e.dict_key == key), None)
        if existing is not None:
            return existing.idx
        row = gaz.actors[key]
        entities.append(Entity(len(entities), row["canonical_name"], row["actor_type"], key,
                               row.get("gender") or None, row.get("country_code") or None))
        return entities[-1].idx

    def country_entity(code: str) -> int | None:
        key = gaz.country_actor.get(code)
        return add_entity(key) if key else None

    participants = _Participants(text, mentions, entities, set(attribution_mentions), resolve, quoted, country_entity)
    dates = [d for d in dates if not _ends_opening_quote(text, sentences, d)]
    dates = _with_anchored_days(text, sentences, dates, quoted)
    trigger_words = load_rules()["meeting_triggers"]
    day_parts = load_rules()["day_parts"]

    out: list[MeetingMention] = []
    # mentions by a definite or possessive noun with no date of their own -> whether its place is the noun's own words
    told_again: dict[int, bool] = {}
    triggers = [f.trigger for f in frames]
    for k, frame in enumerate(frames):
        start, end = frame.trigger
        if not _inside(start, content):
            continue
        quote = next(((a, b) for a, b in quoted if a <= start < b), None)
        fragment = quote is not None and frame.kind == "noun" and len(text[quote[0]:quote[1]].split()) <= _FRAGMENT_WORDS
        if quote is not None and not (fragment and frame.partners and all(p[0] >= quote[1] for p in frame.partners)):
            # a meeting a speaker talks about is in the quote's words, not a reported meeting; a quoted
            # fragment of the narrative naming a meeting is ("a eu « un entretien franc » avec X")
            continue
        sentence = next(((s, e) for s, e in sentences if s <= start < e), (start, end))
        clause = _clause(text, sentence, frame.trigger, triggers)
        if _iterative().search(text, max(clause[0], start - 30), min(clause[1], end + 40)):
            continue  # "se sont rencontrés à plusieurs reprises": a series, no one meeting
        if frame.kind == "noun" and _series(text, frame):
            continue  # "lors des multiples sommets avec X": a series, whatever date the sentence gives
        if frame.lemma in trigger_words["process_nouns"] and not frame.partners \
                and not frame.reciprocal and len(frame.agents) < 2:
            continue  # (two sides as the subject of "X et Y ont lancé leurs négociations" are a meeting)
        # (a name the parse made both sides, "Son entretien avec le chancelier X a duré", is the other side)
        agents = participants.side([a for a in frame.agents if not any(
            p0 <= a[0] and a[1] <= p1 for p0, p1 in frame.partners)])
        # "le sommet entre X et Y": both sides given, nobody else joins
        between = frame.kind == "noun" and re.match(r"[^,;.]{0,40}?\bentre\s", text[end:clause[1]]) is not None
        visit = next((f for f in frames[:k] if f.visit and f.agents and sentence[0] <= f.trigger[0] < start), None)
        if not agents and frame.kind == "noun" and not frame.possessive and visit is not None and not between:
            agents = participants.side(visit.agents)  # "la visite de X, qui comprenait des rencontres avec Y"
        # ("C'est lui qui a reçu la visite de X": the pronoun a cleft singles out is one side)
        agents += [a for a in participants.cleft(frame.agents) if a not in agents]
        if not agents and frame.kind == "verb" and not frame.infinitive:
            # the tree missed the subject of a finite verb: the names before it
            agents = participants.before(clause[0], start, plural=frame.reciprocal)
        press = [span for span in frame.partners if _press_phrase(text, span)]
        # (with what the parse made another side inside the press phrase: "des journalistes à Ramallah, siège de X")
        if press and all(span in press or any(a <= span[0] and span[1] <= b for a, b in press)
                         for span in frame.partners):
            continue  # "a reçu les journalistes de X": an interview, not a meeting
        if frame.kind == "verb" and agents and set(agents) <= set(participants.side(frame.partners)):
            # "son homologue X, avec lequel il s'est entretenu": the pronoun is not the one its clause
            # describes; its antecedent is found outside the other side's phrase
            agents = participants.rebound(frame.agents, frame.partners) or agents
        partners = [p for p in participants.side(frame.partners) if p not in agents]
        if not partners and agents and frame.kind == "verb":
            # (the sentence before this one: where the meeting a clitic object goes back to may be told)
            since = max((a for a, _ in sentences if a < sentence[0]), default=sentence[0])
            partners = [p for p in participants.clitic_object(frame.partners, frame.agents, agents, out, since)
                        if p not in agents]
        if not partners and agents:
            partners = participants.dative(frame.partners, sentence, agents)
        if between and frame.kind == "noun":
            # "le sommet entre les dirigeants européens et X": a side of leaders the adjective gives a body
            for span in frame.partners:
                key = body_of_leaders(text[span[0]:span[1]])
                if key in gaz.actors and not any(participants.of(span)):
                    body = add_entity(key)
                    if body not in partners and body not in agents:
                        partners.append(body)
        if between and len(partners) < 2:
            partners = participants.pair(end, clause[1])  # "le sommet de mars entre X et Y"
            side = _LEADERS_BETWEEN.match(text, end, clause[1]) if len(partners) < 2 else None
            key = body_of_leaders(side.group(1)) if side else None
            if key in gaz.actors:
                # "le sommet entre les dirigeants européens et X", which the parse gave no sides: the
                # leaders' side is the body their adjective names
                body = add_entity(key)
                if body not in partners and body not in agents:
                    partners.append(body)
        if frame.kind == "noun" and not agents and not partners:
            partners = participants.hyphenated(end)  # "la rencontre Poutine-Kim"
        # "rendre visite à sa mère": the parse found the other side, and it is nobody the warehouse knows
        unnamed_partner = bool(frame.partners) and not any(any(participants.of(span)) for span in frame.partners)
        if not partners and not frame.reciprocal and not (unnamed_partner and frame.kind == "verb"):
            # ... or the object: the names after it
            # (past a noun's own phrase, only "avec X": "après la visite de X à Y, Z est arrivé")
            own_end = frame.scope[1] if frame.kind == "noun" else None
            partners = [p for p in participants.after(text, end, clause[1], frame, own_end) if p not in agents]
        # (one side, or one plural phrase of sides: "lors d'une rencontre avec les présidents des trois
        # chambres"; not "lors de la rencontre Poutine-Kim", whose two sides met each other)
        one_side = len(partners) == 1 or len(frame.partners) == 1 and _PLURAL_PHRASE.match(text, frame.partners[0][0])
        if not agents and partners and one_side and frame.kind == "noun" and not frame.reciprocal and not between \
                and _adjunct_before(text, sentence, start):
            # "il avait offert son aide lors d'un entretien avec X": the clause's subject met X
            agents = [a for a in participants.before(sentence[0], start, plural=False) if a not in partners]
        if frame.reciprocal and len(agents) + len(partners) < 2 and frame.kind == "noun" \
                and _adjunct_before(text, sentence, start):
            # "Lors de leur rencontre, X et Y ont ...": the subjects of the clause the phrase opens
            agents = participants.before(end, sentence[1], plural=True) or agents
        if not agents and partners and frame.kind == "noun" and not frame.reciprocal \
                and (frame.possessive in ("sa", "son", "ses")
                     or _definite_noun(text, frame) and re.match(r"\s+avec\s", text[end:end + 8]) is not None) \
                and any(clause[0] <= d.start < clause[1] for d in dates):
            # "X est arrivé mardi à Berlin. Sa rencontre avec Y a eu lieu mercredi" (or "La rencontre avec
            # Y"): the owner is the person the story is about, the subject of the sentence before (an
            # undated one, "raconte sa rencontre avec Y", is a memory, not news)
            owner = last_subject(start)
            if owner is not None and owner.entity not in partners:
                agents = [owner.entity]
        counted = _COUNTED.match(text, end) if frame.kind == "noun" and frame.reciprocal else None
        if counted is not None and len(agents) + len(partners) < 2:
            # "X, Y et Z ... à l'issue d'une rencontre à trois": as many sides as it counts, the last persons
            # named before it in its sentence
            word = counted.group(1).lower()
            count = int(word) if word.isdigit() else load_rules()["meeting_triggers"]["offset_counts"].get(word, 0)
            named = list(dict.fromkeys(i for m in participants.mentions if sentence[0] <= m.start < start
                                       and m.kind == "name" and m.actor_type == PERSON for i in participants._ids(m)
                                       if entities[i].actor_type == PERSON))
            if count >= 2 and len(named) >= count:
                agents, partners = named[-count:], []
        if len(agents) + len(partners) < 2 and _bilateral_body(text, frame):
            agents = _main_countries(mentions, entities)  # its members: the two countries the article is about
        if frame.reciprocal and len(agents) + len(partners) < 2 and (frame.pair_subject or frame.possessive):
            # "leur rencontre", "les deux hommes se sont vus": the last two people named
            agents = _pair_told_before(out, mentions, entities, sentences, sentence, start, quoted)
        if not agents and partners and frame.kind == "verb" and not frame.reciprocal \
                and any(pair_phrase(text[a:b], pronouns=False) for a, b in frame.agents):
            # "Les deux dirigeants se sont ensuite entretenus avec Z": the pair just reported meets Z
            agents = [a for a in _pair_told_before(out, mentions, entities, sentences, sentence, start, quoted,
                                                   others=partners) if a not in partners]
        if frame.visit and not partners:
            partners = [p for p in participants.inviter(sentence, start) if p not in agents]
        named_partner = any(participants.of(span)[0] for span in frame.partners)
        story_places: list[tuple[int, int]] = []
        stop_places: dict[int, tuple[int, int]] = {}  # host country -> the place of a trip's later stop
        if frame.visit and not partners and not (frame.partners and not named_partner and frame.kind == "verb"):
            # a visit with no named host: the country it went to ("la visite de X à Pékin"), or where
            # the story is set when the sentence names no place ("X est à Paris. ... sa visite")
            visit_places = frame.places + frame.partners
            if not visit_places:
                own = {entities[a].country for a in agents if entities[a].country}
                visit_places = _story_place(text, paragraphs, start, quoted, own)
                story_places = visit_places
            host = _host_country(text, visit_places, mentions, entities, add_entity)
            if host is None:  # "se rendra dimanche 15 juillet à Moscou": the parse hung the place on the date
                after = next(_PLACE.finditer(text, end, clause[1]), None)
                if after is not None:
                    story_places = [(after.start(1), after.end(1))]
                    host = _host_country(text, story_places, mentions, entities, add_entity)
            if host is not None and host not in agents and (
                    not agents or entities[agents[0]].country != entities[host].country):
                by_office = _host_by_office(entities, agents, host)
                partners = [host if by_office is None else by_office]  # (entity 0 is an entity too)
                # "doit se rendre en Egypte et en Jordanie": a visit to each country (one meeting each)
                # (with no visitor named, the countries are no meeting of each other)
                stops = [(_host_country(text, [pl], mentions, entities, add_entity), pl)
                         for pl in frame.places[1:]] if agents else []
                others = [h for h, _ in stops if h is not None]
                # each stop's meeting is held at that stop, not at the first one
                stop_places.update({h: pl for h, pl in reversed(stops) if h is not None})
                partners += [h for h in dict.fromkeys(others) if h not in partners and h not in agents
                             and not (agents and entities[agents[0]].country == entities[h].country)]
        if frame.visit and frame.kind == "verb" and not partners:
            continue  # "X et Y se rendront dans l'Ohio": travellers with no host met nobody
        if not agents and len(frame.partners) == 1 and len(partners) > 1 and not frame.reciprocal and not between \
                and not any(entities[p].actor_type == PERSON for p in partners) \
                and _PLURAL_PHRASE.match(text, frame.partners[0][0]) is not None:
            continue  # "il a rencontré des représentants de X, de Y et de Z", "il" unknown: no one met them
        # an outlet interviews, it does not meet ("dans un entretien à Paris Match")
        agents = [a for a in agents if entities[a].actor_type != MEDIA]
        partners = [p for p in partners if entities[p].actor_type != MEDIA]
        people = agents + [p for p in partners if p not in agents]
        by_adjective = bool(frame.bodies) and not any(entities[p].actor_type == PERSON for p in people)
        if by_adjective:
            # a session of a body whose members are not named ("le sommet européen"): the body
            people = [add_entity(key) for key in frame.bodies if key in gaz.actors]
            agents, partners = list(people), []
        # one body in session: the noun's own complement ("le sommet du G20") or the subject of a verb
        # that holds it ("les ministres de l'Otan ont tenu une réunion"), not any name nearby
        body_meeting = len(people) == 1 and entities[people[0]].actor_type == ORG \
            and (frame.kind == "noun" and frame.lemma in trigger_words["session_nouns"]
                 # (a national institution sitting alone is no diplomatic meeting: a body of states, one
                 # the dictionary knows with no country, is)
                 or frame.kind == "verb" and frame.lemma in trigger_words["session_verbs"] and not partners
                 and entities[people[0]].dict_key is not None and entities[people[0]].country is None) \
            and (any(m.entity == people[0] and any(s <= m.start < e for s, e in [frame.scope, *frame.agents])
                     for m in mentions) or entities[people[0]].dict_key in frame.bodies)
        if frame.kind == "noun" and frame.lemma in trigger_words["session_nouns"]:
            # "le sommet s'est ouvert en présence du président X et de son homologue Y": they attend
            presence = IN_PRESENCE.search(text, frame.trigger[1], clause[1])
            if presence is not None:
                stop = _PRESENCE_END.search(text, presence.end(), clause[1])
                present = participants.of((presence.end(), stop.start() if stop else clause[1]))[0]
                partners += [p for p in present if p not in agents and p not in partners]
                people = agents + [p for p in partners if p not in agents]
        if frame.kind == "noun" and frame.lemma in trigger_words["summit_nouns"] \
                and sum(1 for p in people if entities[p].actor_type == PERSON) >= 2:
            # "au sommet de l'Otan, X, Y et Z ont ...": the leaders met; the body is where they met
            venue = {m.entity for m in mentions if m.entity is not None and entities[m.entity].actor_type == ORG
                     and _SUMMIT_OF.match(text, end, m.start) and m.start - end < 40}
            agents = [a for a in agents if a not in venue]
            partners = [p for p in partners if p not in venue]
            people = [p for p in people if p not in venue]
        if frame.bodies and len(people) == 1 and entities[people[0]].actor_type == PERSON:
            # "lors du sommet européen, X a ...": X at the summit of the body the adjective names
            partners += [b for b in (add_entity(key) for key in frame.bodies if key in gaz.actors)
                         if b not in people and b not in partners]
            people = agents + [p for p in partners if p not in agents]
        if len(people) < 2 and not body_meeting:
            continue  # one person is no meeting; one body's session ("le sommet du G20") is
        # ("un sommet avec les chefs d'État de trois pays voisins": one session, whoever sits at it)
        session = frame.kind == "noun" and frame.lemma in trigger_words["session_nouns"] and not frame.lemma.endswith("s")
        gathering = frame.kind == "verb" and frame.lemma in trigger_words["gathering_verbs"] or session
        if session and len(partners) >= 2:
            # ("X s'est rendu à Naples pour un sommet franco-italien": X is the French side)
            own = {entities[a].country for a in agents if entities[a].actor_type == PERSON and entities[a].country}
            partners = [p for p in partners if not (entities[p].actor_type == COUNTRY and entities[p].country in own)]
        if agents and len(partners) >= 2 and (all(entities[p].actor_type == COUNTRY for p in partners) and not gathering
                                              or frame.kind == "noun" and frame.lemma.endswith("s")):
            # "a échangé avec ses homologues italien et brésilien", "des rencontres avec X et avec Y":
            # one meeting with each
            groups = [(agents + [p], None) for p in partners]
        else:
            groups = _split_by_dates(text, agents, partners, frame, dates, clause, mentions, quoted)
            if len(groups) == 1:
                groups = _split_by_sequence(text, agents, partners, clause, mentions) or groups
        paragraph = next(((p.start, p.end) for p in paragraphs if p.start <= start < p.end), sentence)
        for group, expr in groups:
            alone = sum(1 for s, _ in triggers if sentence[0] <= s < sentence[1]) == 1
            # ("se sont revus en marge du sommet du G20 en novembre": the summit that frames the verb's
            # meeting gives it its dates; no other meeting of the clause owns them)
            framing = {f.trigger for f in frames if f.during is not None and f.during[0] == frame.trigger[0]}
            expr = expr or _date_for(text, frame, dates, sentence, quoted, alone,
                                     [t for t in triggers if t not in framing])
            if expr is not None and expr.text.lower() in day_parts:
                # "lundi, X a rencontré Y ... Dans la soirée, X s'est entretenu avec Z": that Monday evening
                day = [d for d in dates if paragraph[0] <= d.start < expr.start and d.precision == "day"
                       and d.value is not None and d.text.lower() not in day_parts
                       and not _inside(d.start, quoted + frame.asides) and not _of_another_event(text, d)]
                expr = day[-1] if day else expr
            if by_adjective and expr is None and frame.status == "occurred":
                continue  # "le sommet européen" with no date of its own: one the reader knows of, not news
            if frame.during is not None and all(entities[p].actor_type != PERSON for p in group):
                continue  # "X et Y se sont revus en marge du sommet du G20": their meeting is the news, not the body's
            if expr is None and len(groups) == 1 and frame.kind == "noun" and frame.lemma.endswith(("s", "x")) \
                    and frame.lemma not in trigger_words["plural_talks"]:
                continue  # "les sommets Trump-Kim": several meetings, none the sentence dates
            basis = "text"
            undated = expr is None  # no date of its own words nor of its sentence
            # ("lors du récent sommet", "leur dernière rencontre": an earlier meeting the text does not date)
            vague = expr is None and frame.status == "occurred" and _vague_past(text, frame, clause)
            if expr is None and frame.status == "occurred" and (frame.visit or not _definite_noun(text, frame)) \
                    and not vague \
                    and not _topic(text, frame, sentence) \
                    and not _demonstrative(text, frame):
                # ("depuis celle de X", undated: another meeting than the story's, its time unknown)
                # ("la rencontre Poutine-Kim" is a meeting the reader knows, not one of the story; "la
                # visite de X" is the one the story reports)
                # the time the paragraph's story is set in ("en 1960 ... sa rencontre avec X"); a plan's
                # date lies ahead, not in what was said before
                expr, basis = _context_date(text, dates, paragraph[0], start, quoted + frame.asides), "context"
                if frame.anterior and published is not None and (
                        expr is None or (published - expr.value).days <= STORY_DAYS):
                    # "En 1962, il part pour Moscou. [...] Il y rencontra X": a pluperfect or a passé simple
                    # is set before the news, in the year a retrospective gave earlier, not in the news week
                    # (a month or a day told earlier is more often that of another event: "annoncé fin janvier")
                    earlier = [d for d in dates if d.start < start and d.value is not None and d.precision == "year"
                               and (published - d.value).days > STORY_DAYS]
                    expr = _context_date(text, earlier, 0, start, quoted + frame.asides) or expr
                if expr is None:
                    expr = _story_date(text, dates, start, quoted + frame.asides, published)
                if expr is None:
                    expr = _story_told_before(text, paragraphs, dates, start, quoted + frame.asides, published,
                                              group, sentences, mentions)
            elif expr is None and frame.status == "planned" and published is not None \
                    and _CLOCK_TIME.search(text, sentence[0], sentence[1]):
                # "Tout commence ce lundi. Vers 11h00, X doit recevoir Y": a clock time with no day is on
                # the day its paragraph set ahead (on or after the article's date), not a day already past
                ahead = _context_date(text, dates, paragraph[0], start, quoted + frame.asides)
                if ahead is not None and ahead.precision == "day" and ahead.value >= published:
                    expr, basis = ahead, "context"
            # a person is no place ("l'invitation du président Paul Girardlors de", a name glued to a word)
            frame_places = [(a, b) for a, b in frame.places if not any(
                m.actor_type == PERSON and m.start < b and a < m.end for m in mentions)]
            stop = next((stop_places[p] for p in group if p in stop_places), None)
            place = _location(text, [stop] if stop else frame_places) \
                or _place_in_clause(text, clause, mentions, entities) or _location(text, story_places)
            if frame.mode in ("phone", "video"):
                place = None  # a call joins two places; the one the clause names is its topic ("au Sahel")
            mention = _dated(MeetingMention(start, end, sentence, frame.lemma, frame.mode, group, place,
                                            status=frame.status),
                             expr, frame, None if expr is None and (_demonstrative(text, frame) or vague) else published)
            if expr is not None and mention.date_basis == "text":
                mention.date_basis = basis
            shifted = _offset_date(text, frame, dates, sentence, quoted + frame.asides)
            if shifted is not None:
                mention.date, mention.precision, mention.date_basis = *shifted, "text"
            if undated and frame.kind == "noun" and (frame.possessive or _definite_noun(text, frame)) \
                    and frame.status == "occurred":
                told_again[id(mention)] = bool(frame_places) and not stop
            purpose = _PURPOSE_BEFORE.search(text, max(0, start - 20), start) if frame.kind == "noun" else None
            if purpose is not None and mention.date_basis != "text":
                # "son déplacement du 3 mars à Oslo pour un sommet", "celui du 3 mars à Oslo pour une réunion": a
                # meeting the trip was for is held during it, on the trip's day
                # (the trip's own words, whether or not it names its traveller: "celui du président français")
                trip = next((f for f in reversed(frames) if f.visit and f.kind == "noun" and f.trigger[0] < start
                             and f.scope[0] <= start < f.scope[1]), None)
                expr = _date_for(text, trip, dates, sentence, quoted + trip.asides, False) if trip else None
                if expr is None:
                    # "depuis celui du 27 février à Naples pour un sommet": the day of the trip the pronoun
                    # stands for, right before the meeting noun's "pour" (but for the trip's place)
                    expr = next((d for d in dates if sentence[0] <= d.start and d.end <= purpose.start()
                                 and d.value is not None and not _inside(d.start, quoted)
                                 and _DEMONSTRATIVE_OF.search(text, max(0, d.start - 12), d.start)
                                 and _PLACE_GAP.fullmatch(text, d.end, purpose.start())), None)
                if expr is not None:
                    told = _dated(MeetingMention(start, end, sentence, frame.lemma, frame.mode), expr, trip or frame,
                                  published)
                    mention.date, mention.precision, mention.status = told.date, told.precision, told.status
                    mention.date_basis = "context"
            if mention.date is None and mention.status == "planned":
                # "Un sommet se tiendra lundi à X. Y y recevra Z", "X achèvera sa visite par un entretien avec
                # Y": the plan told last before it (its weekday already set ahead by its tense) gives its time
                # (a date of something else told before, "doivent présenter jeudi leurs travaux", does not)
                before = [m for m in out if m.start < start and m.status == "planned"
                          and m.date is not None and m.date_basis == "text"]
                if before:
                    mention.date, mention.precision, mention.date_basis = before[-1].date, before[-1].precision, "context"
            out.append(mention)
    _date_of_the_same_meeting(out, told_again)
    return _merge_same_sentence(_named_hosts(out, entities))


@functools.cache
def _offset_regex() -> re.Pattern:
    words = load_rules()["meeting_triggers"]
    counts = alternation(list(words["offset_counts"]) + [r"\d{1,2}"])
    units = alternation(list(words["offset_units"]))
    determiner = r"(?:l['’]|les\s|la\s|le\s|une?\s|sa\s|son\s|ses\s|leurs?\s|du\s|des\s)"
    return re.compile(rf"(?<![\w'’-])(?i:({counts}))\s+(?i:({units}))\s+(?i:(après|avant))\s+(?i:{determiner})\s*$")


def _offset_date(text: str, frame: MeetingFrame, dates: list[DateExpression], sentence: tuple[int, int],
                 quoted) -> tuple[date, str] | None:
    """'Une semaine après la visite de X, Y est arrivé samedi 21 mai', 'deux jours avant une réunion de Z, ...
    lundi 3 mai': a meeting noun a span of time before or after the one day its sentence gives (outside the
    noun's own phrase) is that day less or more the span (to the month for a span in months)."""
    if frame.kind != "noun":
        return None
    found = _offset_regex().search(text, sentence[0], frame.trigger[0])
    if found is None:
        return None
    days = [d for d in dates if sentence[0] <= d.start < sentence[1] and d.precision == "day" and d.value is not None
            and not frame.scope[0] <= d.start < frame.scope[1] and not _inside(d.start, quoted)]
    if len({d.value for d in days}) != 1:
        return None
    words = load_rules()["meeting_triggers"]
    count = found.group(1).lower()
    count = int(count) if count.isdigit() else words["offset_counts"][count]
    unit = words["offset_units"][found.group(2).lower()]
    sign = -1 if found.group(3).lower() == "après" else 1
    anchor = days[0].value
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + sign * count
        return date(months // 12, months % 12 + 1, 1), "month"
    return anchor + sign * timedelta(days=count * unit), "day"


def _date_of_the_same_meeting(out: list[MeetingMention], told_again: dict[int, bool]) -> None:
    """'X et Y se sont rencontrés en juin 2018 à Singapour. [...] leur première rencontre à Singapour', 'le
    sommet du G7 qu'il accueillera du 24 au 26 août [...] le sommet du G7 à Biarritz': a definite or possessive
    meeting noun with no date of its own tells again a meeting of the article with the same participants
    (and no other place of its own words: one the clause or the story gives is not the meeting's), which its
    words date: that date and status, not the article's."""
    for mention in out:
        # (its date is the article's, or the latest one of its paragraph: "Mardi, X a reçu Y. [...] Samedi, X a
        # critiqué Z. Lors de sa rencontre avec Y, ...": the meeting told before, not Saturday)
        if id(mention) not in told_again or mention.date_basis not in ("article_date", "context") \
                or not mention.participants:
            continue
        same = [m for m in out if m is not mention and m.date_basis == "text" and m.date is not None
                and set(m.participants) == set(mention.participants)
                and (m.location is None or mention.location is None or m.location == mention.location
                     or not told_again[id(mention)])]
        if not same:
            continue
        before = [m for m in same if m.start < mention.start]
        told = before[-1] if before else same[0]
        mention.date, mention.precision, mention.status = told.date, told.precision, told.status
        mention.date_basis = "context"


def _pair_told_before(out: list[MeetingMention], mentions: list[Mention], entities: list[Entity],
                      sentences: list[tuple[int, int]], sentence: tuple[int, int], start: int, quoted,
                      others=()) -> list[int]:
    """The pair of a meeting just reported, two sentences back at most and none of `others` ("X et Y
    doivent se voir. [...] Ce sera leur premier tête-à-tête"), else the last two people named."""
    since = sentences[max(0, next((i for i, s in enumerate(sentences) if s == sentence), 0) - 2)][0]
    pair = next((m.participants for m in reversed(out) if since <= m.start < start
                 and len(m.participants) == 2 and not set(m.participants) & set(others)
                 and all(entities[p].actor_type == PERSON for p in m.participants)), None)
    return list(pair) if pair is not None else _last_persons(mentions, entities, start, since, quoted)


@functools.cache
def _anchored_day_pattern() -> re.Pattern:
    words = load_rules()["meeting_triggers"]["anchored_days"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b(?!\s*(?:de|du|des|d['’])\b)",
                      re.IGNORECASE)


def _with_anchored_days(text: str, sentences: list[tuple[int, int]], dates: list[DateExpression],
                        quoted: list[tuple[int, int]]) -> list[DateExpression]:
    """'a confirmé vendredi 10 juin avoir rencontré la veille X': a day told from the last day its sentence
    named before it (not 'la veille du sommet', another event's eve; nothing when no day is named before)."""
    offsets = load_rules()["meeting_triggers"]["anchored_days"]
    added = []
    for m in _anchored_day_pattern().finditer(text):
        if _inside(m.start(), quoted) or any(d.start < m.end() and m.start() < d.end for d in dates):
            continue
        sentence = next(((a, b) for a, b in sentences if a <= m.start() < b), None)
        if sentence is None:
            continue
        anchor = [d for d in dates if sentence[0] <= d.start < m.start() and d.precision == "day"
                  and d.value is not None and not _inside(d.start, quoted)]
        if not anchor and not text[sentence[0]:m.start()].strip():
            # "X a reçu lundi Y. Le lendemain, il a reçu Z": a sentence that opens on it counts from the day the
            # sentence before named (a line break ends the story: no anchor across paragraphs)
            before = next(((a, b) for a, b in reversed(sentences) if b <= sentence[0]), None)
            if before is not None and "\n" not in text[before[1]:sentence[0]]:
                anchor = [d for d in dates if before[0] <= d.start < before[1] and d.precision == "day"
                          and d.value is not None and not _inside(d.start, quoted)]
        if anchor:
            value = anchor[-1].value + timedelta(days=offsets[m.group(0).lower().replace("’", "'")])
            added.append(DateExpression(m.start(), m.end(), m.group(0), value, "day", "relative"))
    return sorted(dates + added, key=lambda d: d.start) if added else dates


def _named_hosts(meetings: list[MeetingMention], entities: list[Entity]) -> list[MeetingMention]:
    """A visit to a country whose host the article names elsewhere ('en visite en Pologne' ... 'son
    homologue polonais X', 'une visite à Oman, où il a été reçu par le sultan'): the meeting with the
    host is the visit; the country stands in no more. The host is a person of that country, or one
    met at the very place of the visit."""
    out = []
    for m in meetings:
        countries = [p for p in m.participants if entities[p].actor_type == COUNTRY]
        persons = [p for p in m.participants if entities[p].actor_type == PERSON]
        if len(countries) == 1 and persons and any(
                o is not m and set(persons) <= set(o.participants) and o.status == m.status and _same_time(o, m)
                and any(entities[q].actor_type == PERSON and (
                    entities[q].country == entities[countries[0]].country
                    or q not in persons and m.location is not None and o.location == m.location)
                        for q in o.participants) for o in meetings):
            continue
        out.append(m)
    return out


def _ends_opening_quote(text: str, sentences: list[tuple[int, int]], d: DateExpression) -> bool:
    """'« ... pris lors de la conférence de Berlin » en janvier, a-t-il dit': a date right after the closing
    mark of a quote that opens the sentence ends the quoted words and dates their event, no meeting of the
    narrative (not 'X a « tapé du poing » dimanche')."""
    sent = next((a for a, b in sentences if a <= d.start < b), None)
    return sent is not None and re.search(r"[»\"”]\s*$", text[max(sent, d.start - 3):d.start]) is not None \
        and re.match(r"\s*[«\"“]", text[sent:d.start]) is not None


def _split_by_sequence(text: str, agents: list[int], partners: list[int], clause: tuple[int, int],
                       mentions: list[Mention]) -> list[tuple[list[int], None]]:
    """'a reçu X puis Y', 'les chefs des groupes de l'Assemblée puis du Sénat': one after the other, one
    meeting each (empty when the partners are not told in sequence)."""
    if len(partners) < 2 or not agents:
        return []
    spots = []
    for p in partners:
        first = min(((m.start, m.end) for m in mentions if m.entity == p and clause[0] <= m.start < clause[1]),
                    default=None)
        if first is None:
            return []
        spots.append(first)
    order = sorted(range(len(partners)), key=lambda i: spots[i][0])
    if not all(re.search(r"\bpuis\b", text[spots[a][1]:spots[b][0]]) for a, b in zip(order, order[1:])):
        return []
    return [(agents + [partners[i]], None) for i in order]


def _split_by_dates(text: str, agents: list[int], partners: list[int], frame: MeetingFrame,
                    dates: list[DateExpression], clause: tuple[int, int], mentions: list[Mention],
                    quoted) -> list[tuple[list[int], DateExpression | None]]:
    """'reçu par X en 2002, puis par Y en 2008': one meeting per partner when each has its own date."""
    people = agents + [p for p in partners if p not in agents]
    if len(partners) < 2 or not agents:
        return [(people, None)]
    spots = []
    for p in partners:
        first = min((m.end for m in mentions if m.entity == p and clause[0] <= m.start < clause[1]), default=None)
        if first is None:
            return [(people, None)]
        spots.append(first)
    bounds = spots[1:] + [clause[1]]
    own = []
    for lo, hi in zip(spots, bounds):
        found = [d for d in dates if lo <= d.start < hi and d.value is not None and not _inside(d.start, quoted)]
        own.append(found[0] if found else None)
    if sum(1 for d in own if d is not None) < 2 or len({d.value for d in own if d is not None}) < 2:
        return [(people, None)]
    return [(agents + [p], d) for p, d in zip(partners, own)]


def _dated(mention: MeetingMention, expr: DateExpression | None, frame: MeetingFrame,
           published: date | None) -> MeetingMention:
    """The meeting's date from its own words, resolved with the tense; else, for a meeting that took
    place, its article's date (basis 'article_date', which cross-article resolution weighs less)."""
    if expr is not None:
        value = expr.value
        if frame.status == "planned" and expr.kind == "weekday" and published and value < published:
            value += timedelta(days=7)  # "il rencontrera X jeudi": the coming Thursday
        elif frame.present and expr.kind == "weekday" and published and (published - value).days > PRESENT_DAYS_BACK:
            value += timedelta(days=7)  # "X reçoit Y jeudi", written on a Wednesday: tomorrow, not last week
        if frame.status == "planned" and expr.kind == "month" and published and value < published.replace(day=1):
            value = value.replace(year=value.year + 1)  # "un sommet en juin", written in May: this June
        elif expr.kind in ("absolute", "range") and published and not _YEAR.search(expr.text) \
                and not _weekday_named().search(expr.text):
            value = _year_of_tense(value, frame, published)
        mention.date, mention.precision, mention.date_basis = value, expr.precision, "text"
        if published is not None and value > published:
            mention.status = "planned"
        elif published is not None and frame.status == "planned" and _YEAR.search(expr.text) \
                and _period_end(value, expr.precision) < published:
            # "Le 3 mars 2019, X accueille Y": a historic present the tagger read as a future; a
            # meeting dated in a past year is no plan
            mention.status = "occurred"
    elif frame.status == "occurred" and published is not None:
        mention.date, mention.precision, mention.date_basis = published, "day", "article_date"
    return mention


# "pour un sommet", "pour une réunion": what a trip is for
_DEMONSTRATIVE_OF = re.compile(rf"\b(?:{'|'.join(DEMONSTRATIVES)})\s+(?:du|de|d['’])\s*$", re.IGNORECASE)
# nothing, or a place ("à Naples", "en Italie"), between a trip's date and what it was for
_PLACE_GAP = re.compile(r"\s*(?:(?:à|en|au|aux)\s+[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)?\s*)?,?\s*")
_PURPOSE_BEFORE = re.compile(r"\bpour\s+(?:une?|les?|la|l['’]|des|son|sa|ses|leurs?)\s*$", re.IGNORECASE)
# where the list of those present ends: a clause or a relative clause of its own
_PRESENCE_END = re.compile(r"[;.:!?]|,\s+(?:qui|où|dont|mais)\b")
# what stands between a summit noun and the body it is of: "sommet de l'", "sommet virtuel du "
_SUMMIT_OF = re.compile(rf"(?:\s+[\w-]+)?\s+{_OF}\s*$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# "entre les dirigeants européens et X": the first side of "entre", a plural phrase, up to "et"
_LEADERS_BETWEEN = re.compile(r"[^,;.]{0,40}?\bentre\s+((?:les|des)\s+[^,;.]+?)\s+et\s", re.IGNORECASE)
# "vers 11h00", "à 15 heures", "dès 9H30": a time of day
_CLOCK_TIME = re.compile(r"\b(?:vers|à|dès|avant|après)\s+\d{1,2}\s*(?:[hH](?:\d\d)?\b|heures?\b)", re.IGNORECASE)


@functools.cache
def _weekday_named() -> re.Pattern:
    """A weekday written with the day ("mardi 3 mars") fixes the year itself."""
    return re.compile(rf"\b{alternation(load_rules()['weekdays'], ignore_case=True)}\b", re.IGNORECASE)


def _year_of_tense(value: date, frame: MeetingFrame, published: date) -> date:
    """A day and month told without a year were read as the nearest such day; the tense says on which side of
    the publication it lies: "il rencontrera X le 3 février", written in March, is next February, and "X a
    reçu Y le 3 janvier", written in December, last January. A noun's status is only its default or its
    clause's ("il avait évoqué le sommet des 28 et 29 juin"): it moves no date back."""
    shift = 0
    if frame.status == "planned" and (published - value).days > TENSE_DAYS_SLACK:
        shift = 1
    elif frame.status == "occurred" and frame.kind == "verb" and not frame.present \
            and (value - published).days > TENSE_DAYS_SLACK:
        shift = -1
    if not shift:
        return value
    try:
        return value.replace(year=value.year + shift)
    except ValueError:  # 29 February
        return value


def _period_end(value: date, precision: str | None) -> date:
    """The last day of the day, month or year a date stands for."""
    if precision == "year":
        return value.replace(month=12, day=31)
    if precision == "month":
        return (value.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return value


def _same_time(a: MeetingMention, b: MeetingMention) -> bool:
    """Dates that may be one meeting's: both unknown, or the same at the coarser precision."""
    if a.date is None or b.date is None:
        return a.date is None and b.date is None
    coarse = max(PRECISION_RANK[a.precision], PRECISION_RANK[b.precision])
    if coarse == 0:
        return a.date == b.date
    if coarse == 1:
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return a.date.year == b.date.year


def _merge_same_sentence(meetings: list[MeetingMention]) -> list[MeetingMention]:
    """'X s'est entretenu avec Y ... lors de cet entretien': one meeting per sentence and participant set."""
    out: list[MeetingMention] = []
    for m in meetings:
        # ("X a rencontré lundi Y - il doit le revoir mardi": a meeting held and another one to come, each
        # on its own day, are two)
        twin = next((o for o in out if o.sentence == m.sentence and set(o.participants) == set(m.participants)
                     and not (o.status != m.status and o.date and m.date and o.date != m.date)), None)
        if twin is None:
            out.append(m)
            continue
        if m.date and (twin.date is None or twin.date_basis != "text" and m.date_basis == "text"
                       or PRECISION_RANK[m.precision] < PRECISION_RANK[twin.precision]):
            twin.date, twin.precision, twin.date_basis = m.date, m.precision, m.date_basis
        twin.location = twin.location or m.location
        if m.mode != "in_person":
            twin.mode = m.mode
    return out


__all__ = ["MeetingMention", "extract_meetings", "MEDIA"]
