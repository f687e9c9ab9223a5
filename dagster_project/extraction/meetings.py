"""Meeting mentions: a trigger (verb or noun of meeting), its participants, date, place, status, mode."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from .dates import DateExpression
from .gazetteer import gazetteer
from .mentions import COUNTRY, ORG, PERSON, Entity, Mention
from .rules import load_rules, verb_forms
from .text import Paragraph

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


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


def _spec(value) -> dict:
    return value if isinstance(value, dict) else {"mode": value}


@functools.cache
def trigger_regex() -> tuple[re.Pattern, dict[str, dict]]:
    triggers = load_rules()["meeting_triggers"]
    lookup: dict[str, dict] = {}
    for lemma, spec in triggers["verbs"].items():
        for form in verb_forms(lemma, spec.get("forms")):
            lookup[form.lower()] = {**spec, "lemma": lemma}
    for noun, spec in triggers["nouns"].items():
        lookup[noun.lower()] = {**_spec(spec), "lemma": noun}
    body = "|".join(re.escape(f) for f in sorted(lookup, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({body})(?![\w-])", re.IGNORECASE), lookup


def _location(text: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    preps = load_rules()["location_prepositions"]
    prep_re = "|".join(re.escape(p) for p in sorted(preps, key=len, reverse=True))
    gaz = gazetteer()
    for m in re.finditer(rf"(?<![\w-])(?:{prep_re})\s+((?:l['’])?[A-ZÉÈ][\w'’-]+(?:\s+[A-ZÉÈ][\w'’-]+)*)", text[start:end]):
        place = m.group(1)
        alias = gaz.lookup(place)
        if alias is None or alias.actor_type == COUNTRY:
            return place
    places = [m for m in mentions if m.kind == "metonym" and start <= m.start < end]
    return places[0].text if places else None


def extract_meetings(text: str, paragraphs: list[Paragraph], sentences: list[tuple[int, int]],
                     mentions: list[Mention], entities: list[Entity], dates: list[DateExpression],
                     published: date | None, attribution_mentions: set[int]) -> list[MeetingMention]:
    rules = load_rules()
    pattern, lookup = trigger_regex()
    window = rules["meeting_triggers"]["window_chars"]
    planned_cues = rules["planned_cues"]
    content = [(p.start, p.end) for p in paragraphs if not p.is_boilerplate]
    out: list[MeetingMention] = []
    for m in pattern.finditer(text):
        if not any(s <= m.start() < e for s, e in content):
            continue
        spec = lookup[m.group(1).lower()]
        sentence = next(((s, e) for s, e in sentences if s <= m.start() < e), (m.start(), m.end()))
        lo, hi = max(sentence[0], m.start() - window), min(sentence[1], m.end() + window)
        near = [mm for mm in mentions if lo <= mm.start < hi and id(mm) not in attribution_mentions]
        participants: list[int] = []
        for mm in near:
            ids = mm.entities or ((mm.entity,) if mm.entity is not None else ())
            for idx in ids:
                if entities[idx].actor_type == PERSON and entities[idx].name and idx not in participants:
                    participants.append(idx)
        if not participants:
            participants = [mm.entity for mm in near if mm.entity is not None and mm.kind == "name"
                            and entities[mm.entity].actor_type in (COUNTRY, ORG)]
            participants = list(dict.fromkeys(participants))
        if spec.get("host") and len(participants) == 1:
            host = _host(text[m.end():hi], entities, participants[0], published)
            if host is not None:
                participants.append(host)
        if len(participants) < 2:
            continue
        clause = text[lo:hi]
        expr = _nearest_date(dates, m.start(), lo, hi)
        meeting = MeetingMention(m.start(), m.end(), sentence, m.group(1), spec["mode"], participants,
                                 _location(text, lo, hi, mentions))
        if expr is not None:
            meeting.date, meeting.precision, meeting.date_basis = expr.value, expr.precision, "text"
        planned = any(cue in clause for cue in planned_cues) or (
            meeting.date is not None and published is not None and meeting.date > published)
        meeting.status = "planned" if planned else "occurred"
        if meeting.date is None and meeting.status == "occurred" and published is not None \
                and not re.search(r"\b(?:avait|avaient|s'étaient|s’étaient|était|étaient)\b", clause):
            meeting.date, meeting.precision, meeting.date_basis = published, "day", "article_date"
        out.append(meeting)
    return _merge_same_sentence(out)


def _nearest_date(dates: list[DateExpression], pos: int, lo: int, hi: int) -> DateExpression | None:
    inside = [d for d in dates if lo <= d.start < hi and d.value is not None]
    return min(inside, key=lambda d: abs(d.start - pos)) if inside else None


def _host(after: str, entities: list[Entity], guest: int, on: date | None) -> int | None:
    """The head of state of the country visited ('visite de X à Pyongyang / en Russie / russe')."""
    gaz = gazetteer()
    country = None
    for m in re.finditer(r"[\w'’-]+(?:\s+[A-Z][\w'’-]+)*", after[:80]):
        word = m.group(0)
        alias = gaz.lookup(word)
        if alias is not None and alias.actor_type == COUNTRY:
            country = gaz.actors[alias.actor_key].get("country_code")
            break
        if word.lower() in gaz.demonym_country:
            country = gaz.demonym_country[word.lower()]
            break
    if country is None or entities[guest].country == country:
        return None
    keys = gaz.holders("head_of_state", country, on)
    if not keys:
        return None
    for e in entities:
        if e.dict_key in keys:
            return e.idx
    row = gaz.actors[keys[0]]  # the host is implied, not named: an entity without a surface form
    entities.append(Entity(len(entities), row["canonical_name"], PERSON, keys[0], row.get("gender") or None,
                           row.get("country_code") or None))
    return entities[-1].idx


def _merge_same_sentence(meetings: list[MeetingMention]) -> list[MeetingMention]:
    out: list[MeetingMention] = []
    for m in meetings:
        twin = next((o for o in out if o.sentence == m.sentence and set(o.participants) == set(m.participants)), None)
        if twin is None:
            out.append(m)
            continue
        if m.date and (twin.date is None or PRECISION_RANK[m.precision] < PRECISION_RANK[twin.precision]):
            twin.date, twin.precision, twin.date_basis = m.date, m.precision, m.date_basis
        twin.location = twin.location or m.location
    return out
