"""Meeting mentions: a trigger (verb or noun of meeting), its participants, date, place, status, mode."""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .dates import DateExpression
from .gazetteer import gazetteer
from .mentions import COUNTRY, ORG, PERSON, Entity, Mention, is_subject_position
from .rules import alternation, load_rules, verb_forms
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
    return re.compile(rf"(?<![\w-])({alternation(lookup, ignore_case=True)})(?![\w-])", re.IGNORECASE), lookup


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
                     published: date | None, attribution_mentions: set[int],
                     quoted: list[tuple[int, int]] = ()) -> list[MeetingMention]:
    rules = load_rules()
    pattern, lookup = trigger_regex()
    window = rules["meeting_triggers"]["window_chars"]
    planned_cues = rules["planned_cues"]
    content = [(p.start, p.end) for p in paragraphs if not p.is_boilerplate]
    out: list[MeetingMention] = []
    # an attribution's apposed name ("a indiqué le porte-parole du Kremlin, Dmitri Peskov") goes with it
    excluded = set(attribution_mentions)
    for a, b in zip(mentions, mentions[1:]):
        if id(a) in excluded and a.entity is not None and a.entity == b.entity and b.start - a.end <= 3:
            excluded.add(id(b))
    # meeting words inside quoted speech describe talks the speaker refers to, not a reported meeting
    triggers = [m for m in pattern.finditer(text) if any(s <= m.start() < e for s, e in content)
                and not any(s <= m.start() < e for s, e in quoted)]
    for k, m in enumerate(triggers):
        if re.search(r"\b(?:cette|ce|ces|cet)\s+$", text[max(0, m.start() - 6):m.start()], re.IGNORECASE):
            continue  # "cette rencontre" points back to a meeting already reported
        spec = lookup[m.group(1).lower()]
        sentence = next(((s, e) for s, e in sentences if s <= m.start() < e), (m.start(), m.end()))
        lo, hi = max(sentence[0], m.start() - window), min(sentence[1], m.end() + window)
        # a neighbouring trigger in the sentence bounds this one's participants and date
        if k > 0 and triggers[k - 1].end() > lo:
            lo = triggers[k - 1].end()
        if k + 1 < len(triggers) and triggers[k + 1].start() < hi:
            hi = triggers[k + 1].start()
        breaks = [lo + b.start() for b in re.finditer(r";", text[lo:hi])]
        lo = max([lo] + [b for b in breaks if b < m.start()])
        hi = min([hi] + [b for b in breaks if b > m.end()])
        # a dashed aside (" - il doit le revoir mardi - ") is its own window, and no part of the others
        asides = [(a.start(), a.end()) for a in re.finditer(r"\s[-–—]\s[^-–—]{1,120}?\s[-–—]\s", text[sentence[0]:sentence[1]])]
        asides = [(sentence[0] + a, sentence[0] + b) for a, b in asides]
        inside = next(((a, b) for a, b in asides if a <= m.start() < b), None)
        if inside:
            lo, hi = max(lo, inside[0]), min(hi, inside[1])
        hidden = [] if inside else [(a, b) for a, b in asides]
        near = [mm for mm in mentions if lo <= mm.start < hi and not _inside(mm.start, hidden)
                and (id(mm) not in excluded or _in_meeting_slot(text, mm, m.start(), m.end()))]
        coordinated = k > 0 and out and out[-1].sentence == sentence and re.search(
            r"\bet\s+(?:s['’]est|se sont|a|ont|avait|avaient)?\s*(?:\w+ment\s+)?$",
            _without(text, triggers[k - 1].end(), m.start(), hidden))
        if coordinated:  # "X a rencontré Y ... et s'est entretenu avec Z": X met Z, not Y
            near = [mm for mm in near if mm.start >= m.start()]
        participants = _people(near, entities)
        if coordinated and out[-1].participants and out[-1].participants[0] not in participants:
            participants = [out[-1].participants[0]] + participants
        guest = _visitor(text, m, near, entities) if spec.get("host") else None
        if guest is not None:  # "la visite de X à Y": X and the host of Y, whoever else is named nearby
            participants = [guest]
        if spec.get("host") and len(participants) == 1:
            # a visit to a whole country with no date of its own is a trip, not a meeting
            undated = _nearest_date([d for d in dates if not _inside(d.start, quoted)], m.end(), m.end(),
                                    min(hi, m.end() + 100)) is None
            if undated and not _to_city(text[m.end():hi]):
                continue
        between = _between_pair(text, m, near, entities)
        if between:  # "le sommet entre X et Y", "la rencontre Poutine-Kim": exactly those two
            participants = between
        if _possessive_before(text, m.start()):  # "lors de sa rencontre avec X": the sentence's subject met X
            subject = _people([mm for mm in mentions if sentence[0] <= mm.start < m.start()
                               and is_subject_position(text, mm)][:1], entities)
            participants = subject + [p for p in participants if p not in subject]
        partner_after = re.match(r"[^,.;]{0,40}?\bavec\s", text[m.end():hi])
        if partner_after and len(participants) == 1:
            # "..., a déclaré X à l'issue d'un entretien avec Y": the clause's subject met Y
            subject = _people([mm for mm in mentions if sentence[0] <= mm.start < m.start()
                               and not _inside(mm.start, quoted) and not _inside(mm.start, hidden)
                               and is_subject_position(text, mm)][-1:], entities)
            participants = subject + [p for p in participants if p not in subject]
        if not participants:  # governments meeting: only countries in a meeting slot ("entre X et Y")
            participants = [mm.entity for mm in near if mm.entity is not None and mm.kind == "name"
                            and entities[mm.entity].actor_type in (COUNTRY, ORG)
                            and _in_meeting_slot(text, mm, m.start(), m.end())]
            participants = list(dict.fromkeys(participants))
        if spec.get("host") and len(participants) == 1:
            host = _host(text[m.end():hi], entities, participants[0], published)
            if host is not None:
                participants.append(host)
        if len(participants) < 2 and re.search(r"\bleurs?\s+(?:\w+\s+){0,2}$", text[max(0, m.start() - 30):m.start()],
                                                re.IGNORECASE):
            # "leur deuxième sommet": the last two people named before, in this or the two previous sentences
            here = next((i for i, sp in enumerate(sentences) if sp == sentence), 0)
            since = sentences[max(0, here - 2)][0]
            recent = [p for p in reversed(_people([mm for mm in mentions if since <= mm.start < m.start()
                                                   and not _inside(mm.start, quoted)], entities))]
            pair = list(dict.fromkeys(participants + recent))[:2]
            if len(pair) == 2:
                participants = pair
        if not participants:
            located = _location(text, lo, hi, mentions)
            participants = _main_countries(text, m, sentence, spec, mentions, entities, published, located)
        if len(participants) < 2:
            continue
        clause = _without(text, lo, hi, hidden)
        previous = out[-1] if coordinated else None
        for group in _separate_partners(text, m.end(), hi, near, entities, participants):
            out.append(_dated(MeetingMention(m.start(), m.end(), sentence, m.group(1), spec["mode"], group,
                                             _location(text, lo, hi, mentions)),
                              [d for d in dates if not _inside(d.start, quoted) and not _inside(d.start, hidden)],
                              m, lo, hi, clause, published,
                              planned_cues, "lemma" in spec
                              and spec["lemma"] in load_rules()["meeting_triggers"]["nouns"]))
            if previous is not None and out[-1].date_basis != "text" and previous.date_basis == "text":
                out[-1].date, out[-1].precision, out[-1].date_basis = previous.date, previous.precision, "text"
    return _merge_same_sentence(out)


def _dated(meeting: MeetingMention, dates, trigger: re.Match, lo, hi, clause, published, planned_cues,
           is_noun: bool) -> MeetingMention:
    # a noun trigger takes its date from its own complement when there is one ("la visite de X en 2023")
    expr = (_nearest_date(dates, trigger.end(), trigger.end(), min(hi, trigger.end() + 100)) if is_noun else None) \
        or _nearest_date(dates, trigger.start(), lo, hi)
    if expr is not None:
        meeting.date, meeting.precision, meeting.date_basis = expr.value, expr.precision, "text"
    planned = any(cue in clause for cue in planned_cues) or (
        meeting.date is not None and published is not None and meeting.date > published)
    meeting.status = "planned" if planned else "occurred"
    if meeting.date is None and published is not None:
        if meeting.status == "planned":  # "il y rencontrera X": soon after the article, day unknown
            meeting.date, meeting.precision, meeting.date_basis = published.replace(day=1), "month", "article_date"
        elif not re.search(r"\b(?:avait|avaient|s['’]étaient|s['’]était|auparavant)\b", clause):
            meeting.date, meeting.precision, meeting.date_basis = published, "day", "article_date"
    return meeting


def _people(mentions: list[Mention], entities: list[Entity]) -> list[int]:
    out: list[int] = []
    for mm in mentions:
        for idx in mm.entities or ((mm.entity,) if mm.entity is not None else ()):
            if entities[idx].actor_type == PERSON and entities[idx].name and idx not in out:
                out.append(idx)
    return out


def _in_meeting_slot(text: str, mm: Mention, start: int, end: int) -> bool:
    """A speaker mention that the meeting grammar still makes a participant: subject of the
    meeting verb, or object of 'avec', 'entre ... et', 'par', or 'de' right after the trigger."""
    if mm.end <= start:
        return bool(re.fullmatch(r"(?:\s|,|\b(?:a|ont|avait|avaient|s['’]est|se sont|s['’]étaient|doit|doivent|"
                                 r"devrait|va|vont|est|sont|été|également|aussi|déjà|et|lui|elle)\b)*",
                                 text[mm.end:start]))
    return bool(re.fullmatch(r"\s*(?:[\w'’-]+\s+){0,3}?(?:avec|entre|et|par|de|d['’])\s*(?:[\w'’-]+\s+){0,4}",
                             text[end:mm.start]))


def _between_pair(text: str, trigger: re.Match, near: list[Mention], entities: list[Entity]) -> list[int]:
    span = re.match(r"\s*(?:[\w'’-]+\s+){0,4}?(?:entre\s+|(?=[A-ZÀ-Ý][\w'’]+-[A-ZÀ-Ý]))", text[trigger.end():])
    if not span:
        return []
    start = trigger.end() + span.end()
    pair = [mm for mm in near if start <= mm.start < start + 120]
    if len(pair) < 2:
        return []
    first, second = pair[0], pair[1]
    if not re.fullmatch(r"\s*(?:et|-)\s*(?:(?:le|la|les|l['’]|M\.|Mme|son|sa)\s+)*", text[first.end:second.start]) \
            and not (second.kind == "name" and re.fullmatch(r",?\s*", text[first.end:second.start])):
        return []
    people = _people([first, second], entities)
    return people if len(people) == 2 else []


def _main_countries(text: str, trigger: re.Match, sentence: tuple[int, int], spec: dict, mentions: list[Mention],
                    entities: list[Entity], on: date | None, location: str | None = None) -> list[int]:
    """The two countries the article is about, for a summit or a bilateral body named without members,
    or for a meeting held in one of their capitals ('une rencontre historique à Pyongyang')."""
    bodies = load_rules()["meeting_triggers"]["bilateral_bodies"]
    body_here = any(b in text[sentence[0]:sentence[1]].lower() for b in bodies)
    counts = Counter(mm.entity for mm in mentions if mm.entity is not None and entities[mm.entity].actor_type == COUNTRY)
    top = [idx for idx, n in counts.most_common(2) if n >= 2]
    if len(top) < 2:
        return []
    place = gazetteer().lookup(location) if location else None
    in_capital = place is not None and place.is_metonym and place.actor_key in {entities[i].dict_key for i in top}
    if not spec.get("bilateral") and not body_here and not in_capital:
        return []
    if body_here:
        return top
    gaz = gazetteer()
    heads = []
    for idx in top:
        keys = gaz.holders("head_of_state", entities[idx].country, on)
        if not keys:
            return []
        existing = next((e for e in entities if e.dict_key == keys[0]), None)
        if existing is None:
            row = gaz.actors[keys[0]]
            existing = Entity(len(entities), row["canonical_name"], PERSON, keys[0], row.get("gender") or None,
                              row.get("country_code") or None)
            entities.append(existing)
        heads.append(existing.idx)
    return heads


def _without(text: str, start: int, end: int, spans) -> str:
    """text[start:end] with the given spans blanked out."""
    chars = list(text[start:end])
    for a, b in spans:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = " "
    return "".join(chars)


def _inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


def _to_city(after: str) -> bool:
    """'à Pyongyang', 'au cosmodrome ...', 'à la station spatiale de l'Est russe': a place more
    precise than a whole country, right after the visitor."""
    gaz = gazetteer()
    head = re.match(r"\s*(?:de|d['’])\s*[^,;]{0,40}?\s(à|au|aux|en)\s+(?:la |l['’])?([\w'’-]+)([^,;]{0,40})", after)
    if not head or head.group(1) == "en":
        return False
    place = head.group(2)
    alias = gaz.lookup(place)
    if place[:1].isupper():
        return alias is None or alias.is_metonym
    return any(w.lower() in gaz.demonym_country for w in re.findall(r"[\w'’-]+", head.group(3)))


def _visitor(text: str, trigger: re.Match, near: list[Mention], entities: list[Entity]) -> int | None:
    """The person right after 'visite (historique) de'."""
    for mm in near:
        if mm.start >= trigger.end() and re.fullmatch(r"\s*(?:[«“\"]?[\w-]+[»”\"]?\s+){0,2}?(?:de|d['’])\s*",
                                                       text[trigger.end():mm.start]):
            people = _people([mm], entities)
            return people[0] if people else None
    return None


def _possessive_before(text: str, start: int) -> bool:
    return bool(re.search(r"\b(?:sa|son|ses|leur|leurs)\s+$", text[max(0, start - 8):start], re.IGNORECASE))


def _separate_partners(text: str, trigger_end: int, hi: int, near: list[Mention], entities: list[Entity],
                       participants: list[int]) -> list[list[int]]:
    """'des rencontres avec X et avec Y': one meeting per partner, each with the others."""
    partners = [mm for mm in near if mm.start >= trigger_end and re.search(
        r"\bavec\s+(?:[\w'’-]+\s+){0,6}$", text[max(trigger_end, mm.start - 60):mm.start])
        and re.search(r"\bavec\s", text[max(trigger_end, mm.start - 60):mm.start])]
    groups = []
    for mm in partners:
        ids = _people([mm], entities)
        if ids and ids not in groups:
            groups.append(ids)
    avec_count = len(re.findall(r"\bavec\s", text[trigger_end:hi]))
    if avec_count < 2 or len(groups) < 2:
        return [participants]
    partner_ids = {i for g in groups for i in g}
    base = [p for p in participants if p not in partner_ids]
    return [base + g for g in groups if base]


def _nearest_date(dates: list[DateExpression], pos: int, lo: int, hi: int) -> DateExpression | None:
    inside = [d for d in dates if lo <= d.start < hi and d.value is not None]
    return min(inside, key=lambda d: abs(d.start - pos)) if inside else None


def _host(after: str, entities: list[Entity], guest: int, on: date | None) -> int | None:
    """The head of state of the country visited ('visite de X à Pyongyang / en Russie / russe')."""
    gaz = gazetteer()
    country = None
    for m in re.finditer(r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]+)*|[\w'’-]+", after[:80]):
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
    # the host is the guest's counterpart: a head of state meets a head of state, a foreign minister
    # a foreign minister; anyone else the head of government, else the head of state
    guest_roles = entities[guest].roles
    order = (["head_of_state"] if "head_of_state" in guest_roles else
             ["foreign_minister", "head_of_government", "head_of_state"] if "foreign_minister" in guest_roles else
             ["head_of_government", "head_of_state"])
    keys = next((k for k in (gaz.holders(role, country, on) for role in order) if k), [])
    if not keys:  # no known office holder: the visited country itself
        key = gaz.country_actor.get(country)
        existing = next((e for e in entities if key and e.dict_key == key), None)
        if key and existing is None:
            row = gaz.actors[key]
            entities.append(Entity(len(entities), row["canonical_name"], COUNTRY, key, None, country))
            existing = entities[-1]
        return existing.idx if existing else None
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
