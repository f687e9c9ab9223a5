"""French date expressions: find them, resolve them against a reference date, infer publication dates."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import dateparser

from .rules import alternation, load_rules

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class DateExpression:
    start: int
    end: int
    text: str
    value: date | None
    precision: str | None
    kind: str  # absolute | relative | range | weekday | weekday_relative | month | year
    last_day: date | None = None  # for a range: its last day


DIGIT = "0"  # the lead of a pattern that starts with a digit


def _leads(*words: str) -> frozenset[str]:
    """What a pattern's match starts with: its first two characters, lower case, or DIGIT."""
    leads = frozenset(DIGIT if w[0].isdigit() else w[:2].lower() for w in words)
    assert all(len(lead) == 2 or lead == DIGIT for lead in leads), leads
    return leads


def _patterns() -> list[tuple[str, re.Pattern, frozenset[str]]]:
    rules = load_rules()
    month = alternation(rules["months"], ignore_case=True)
    weekday = alternation(rules["weekdays"], ignore_case=True)
    relative = alternation(rules["relative_days"], ignore_case=True)
    day = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])"
    months, weekdays, days = _leads(*rules["months"]), _leads(*rules["weekdays"]), _leads("1", "premier")
    flags = re.IGNORECASE
    return [
        ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), _leads("1")),
        ("numeric", re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), _leads("1")),
        ("range", re.compile(rf"\bentre le ({day}) et le ({day}) ({month})(?: (\d{{4}}))?", flags), _leads("entre")),
        ("range", re.compile(rf"\bdu ({day}) au ({day}) ({month})(?: (\d{{4}}))?", flags), _leads("du")),
        ("range", re.compile(rf"\b(?:les|des|ces) ({day}) et ({day}) ({month})(?: (\d{{4}}))?", flags),
         _leads("les", "des", "ces")),
        ("absolute", re.compile(rf"\b(?:({weekday}) )?({day}) ({month})(?: (\d{{4}}))?(?!\d)", flags), weekdays | days),
        ("month_relative", re.compile(rf"\b({month}) (dernier|prochain)\b", flags), months),
        ("month_year", re.compile(rf"\b({month}) (\d{{4}})\b", flags), months),
        ("month", re.compile(rf"\b(?:en|de|d'|d’|au mois de|mois de|fin|début|mi-)\s?({month})\b", flags),
         _leads("en", "de", "d'", "d’", "au", "mois", "fin", "début", "mi-")),
        ("year_relative", re.compile(r"\b(l'année dernière|l’année dernière|l'an dernier|l’an dernier|l'an passé|l’an passé|"
                                     r"cette année|l'année prochaine|l’année prochaine|l'an prochain|l’an prochain)\b", flags),
         _leads("l'", "l’", "cette")),
        ("period_relative", re.compile(r"\b(le mois dernier|le mois prochain|la semaine dernière|la semaine prochaine|"
                                       r"ce mois-ci|cette semaine)\b", flags), _leads("le", "la", "ce")),
        ("year", re.compile(r"\b(?:en|de|depuis|d'ici|d’ici|l'automne|l’automne|l'été|l’été|l'hiver|l’hiver|"
                            r"printemps|début|fin|courant)\s+((?:19|20)\d{2})\b", flags),
         _leads("en", "de", "d'", "d’", "l'", "l’", "printemps", "début", "fin", "courant")),
        ("relative", re.compile(rf"\b({relative})\b", flags), _leads(*rules["relative_days"])),
        ("weekday_relative", re.compile(rf"\b({weekday}) (dernier|prochain)\b", flags), weekdays),
        ("weekday", re.compile(rf"\b({weekday})\b(?! \d| 1er| premier)", flags), weekdays),
    ]


_COMPILED: list | None = None
_ANCHOR: re.Pattern | None = None  # the word starts that begin with any pattern's lead
_LEADS: frozenset[str] = frozenset()


def compiled_patterns() -> list[tuple[str, re.Pattern]]:
    return [(kind, pattern) for kind, pattern, _ in _compiled()]


def _compiled() -> list[tuple[str, re.Pattern, frozenset[str]]]:
    global _COMPILED, _ANCHOR, _LEADS
    if _COMPILED is None:
        patterns = _patterns()
        _LEADS = frozenset().union(*(leads for _, _, leads in patterns))
        _ANCHOR = re.compile(rf"\b(?:\d|{alternation(_LEADS - {DIGIT}, ignore_case=True)})", re.IGNORECASE)
        _COMPILED = patterns
    return _COMPILED


def _day(token: str) -> int:
    return 1 if token.lower() in ("1er", "premier") else int(token)


def _month(token: str) -> int:
    return load_rules()["months"][token.lower()]


def _nearest_year(month: int, day: int, ref: date | None, year_hint: int | None,
                  weekday: int | None = None) -> int | None:
    """Year for a day-month without one: the one agreeing with a stated weekday, else nearest the reference."""
    if ref is None:
        return year_hint
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        candidates.append((weekday is not None and value.weekday() != weekday, abs((value - ref).days), year))
    return min(candidates)[2] if candidates else None


def _parse_day(day: int, month: int, year: int) -> date | None:
    """Validate with dateparser (it rejects 31 February and friends)."""
    parsed = dateparser.parse(f"{year:04d}-{month:02d}-{day:02d}", date_formats=["%Y-%m-%d"])
    return parsed.date() if parsed else None


def _past_month(month: int, ref: date, future: bool) -> date:
    year = ref.year
    if future:
        year += month <= ref.month
    else:
        year -= month >= ref.month
    return date(year, month, 1)


def _resolve(kind: str, m: re.Match, ref: date | None, year_hint: int | None) -> tuple[date | None, str | None]:
    rules = load_rules()
    g = m.groups()
    if kind == "iso":
        return _parse_day(int(g[2]), int(g[1]), int(g[0])), "day"
    if kind == "numeric":
        return _parse_day(int(g[0]), int(g[1]), int(g[2])), "day"
    if kind == "range":
        # "du 3 au 5 mai", "les 16 et 17 décembre": the first day (a finer date than the month holds for
        # a reader who dates the event by its month or by its start)
        month = _month(g[2])
        year = int(g[3]) if g[3] else _nearest_year(month, _day(g[0]), ref, year_hint)
        return (_parse_day(_day(g[0]), month, year), "day") if year else (None, None)
    if kind == "absolute":
        day, month = _day(g[1]), _month(g[2])
        weekday = rules["weekdays"][g[0].lower()] if g[0] else None
        year = int(g[3]) if g[3] else _nearest_year(month, day, ref, year_hint, weekday)
        return (_parse_day(day, month, year), "day") if year else (None, None)
    if kind == "month_year":
        return date(int(g[1]), _month(g[0]), 1), "month"
    if kind == "month_relative":
        if ref is None:
            return None, None
        return _past_month(_month(g[0]), ref, future=g[1].lower() == "prochain"), "month"
    if kind == "month":
        if ref is None:
            return None, None
        month = _month(g[0])
        # a bare month in news refers to the latest such month up to the article's own month
        year = ref.year if month <= ref.month else ref.year - 1
        return date(year, month, 1), "month"
    if kind == "year_relative":
        if ref is None:
            return None, None
        phrase = g[0].lower()
        offset = -1 if ("dernier" in phrase or "dernière" in phrase or "passé" in phrase) else \
            1 if "prochain" in phrase else 0
        return date(ref.year + offset, 1, 1), "year"
    if kind == "period_relative":
        if ref is None:
            return None, None
        phrase = g[0].lower()
        if "mois" in phrase:
            month_index = ref.year * 12 + ref.month - 1 + (-1 if "dernier" in phrase else 1 if "prochain" in phrase else 0)
            return date(month_index // 12, month_index % 12 + 1, 1), "month"
        shifted = ref + timedelta(days=-7 if "dernière" in phrase else 7 if "prochaine" in phrase else 0)
        return shifted.replace(day=1), "month"  # the week is known, not the day: keep its month
    if kind == "year":
        return date(int(g[0]), 1, 1), "year"
    if kind == "relative":
        if ref is None:
            return None, None
        offsets = {k.lower(): v for k, v in rules["relative_days"].items()}
        return ref + timedelta(days=offsets[g[0].lower()]), "day"
    if kind == "weekday":
        if ref is None:
            return None, None
        target = rules["weekdays"][g[0].lower()]
        return ref - timedelta(days=(ref.weekday() - target) % 7), "day"
    if kind == "weekday_relative":  # "jeudi dernier" / "jeudi prochain": never the reference day itself
        if ref is None:
            return None, None
        target = rules["weekdays"][g[0].lower()]
        if g[1].lower() == "prochain":
            return ref + timedelta(days=(target - ref.weekday() - 1) % 7 + 1), "day"
        return ref - timedelta(days=(ref.weekday() - target - 1) % 7 + 1), "day"
    return None, None


def find_dates(text: str, ref: date | None = None, year_hint: int | None = None) -> list[DateExpression]:
    """All date expressions in `text`, longest first where they overlap, resolved against `ref`."""
    return resolve_dates(_date_matches(text), ref, year_hint)


def date_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every date expression, unresolved: what the spaCy component records."""
    return [(m.start(), m.end(), kind) for kind, m in _date_matches(text)]


def dates_at(text: str, spans: list[tuple[int, int, str]], ref: date | None = None) -> list[DateExpression]:
    """The expressions `date_spans` found, resolved against `ref`, without searching the text again."""
    matches = []
    for start, end, kind in spans:
        for pattern_kind, pattern, _ in _compiled():
            m = pattern.match(text, start) if pattern_kind == kind else None
            if m is not None and m.end() == end:
                matches.append((kind, m))
                break
    return resolve_dates(matches, ref)


def _date_matches(text: str) -> list[tuple[str, re.Match]]:
    """Each pattern's matches in turn, left to right as finditer finds them, but a pattern tries only the word
    starts that begin with one of its leads (one scan for all of them: a scan per pattern, each position
    tested for a word boundary, was most of the cost). A word start whose two characters lower to no known
    lead (a case-folding oddity: 'ſ', 'ı') is tried by every pattern."""
    patterns = _compiled()
    starts: dict[str, list[int]] = {}
    for m in _ANCHOR.finditer(text):
        key = m.group()
        key = DIGIT if key[0].isdecimal() else key.lower()
        starts.setdefault(key, []).append(m.start())
    odd = [p for key, positions in starts.items() if key not in _LEADS for p in positions]
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern, leads in patterns:
        candidates = [p for lead in leads for p in starts.get(lead, ())] + odd
        candidates.sort()
        end = 0
        for p in candidates:
            if p < end:
                continue
            m = pattern.match(text, p)
            if m is None:
                continue
            end = m.end()
            if not any(s < m.end() and m.start() < e for s, e in taken):
                taken.append((m.start(), m.end()))
                found.append((kind, m))
    return found


def resolve_dates(matches: list[tuple[str, re.Match]], ref: date | None,
                  year_hint: int | None = None) -> list[DateExpression]:
    found = []
    for kind, m in matches:
        try:
            value, precision = _resolve(kind, m, ref, year_hint)
        except (ValueError, KeyError):
            value, precision = None, None
        last_day = None
        if kind == "range" and value is not None:
            last_day = _parse_day(_day(m.group(2)), value.month, value.year)
        found.append(DateExpression(m.start(), m.end(), m.group(0), value, precision, kind, last_day))
    return sorted(found, key=lambda d: d.start)


@dataclass(frozen=True)
class PublicationDate:
    value: date | None
    basis: str


def infer_publication_date(text: str, metadata_value: str | None = None) -> PublicationDate:
    """Publication date from metadata, else from the text (dateline, dated lede, weekday after latest date)."""
    if metadata_value and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", metadata_value):
        return PublicationDate(date.fromisoformat(metadata_value[:10]), "metadata")
    hint_year = hint_month = None
    if metadata_value and re.fullmatch(r"\d{4}(-\d{2})?", metadata_value):
        hint_year = int(metadata_value[:4])
        hint_month = int(metadata_value[5:7]) if len(metadata_value) >= 7 else None
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", text)]
    year_hint = hint_year or (max(set(years), key=lambda y: (years.count(y), y)) if years else None)
    exprs = find_dates(text, ref=None, year_hint=year_hint)
    full = [e for e in exprs if e.kind == "absolute" and e.value]
    full += [DateExpression(e.start, e.end, e.text, e.last_day, "day", "range_end")
             for e in exprs if e.kind == "range" and e.last_day]
    if hint_month:
        in_month = [e for e in full if e.value.year == hint_year and e.value.month == hint_month]
        if in_month:
            return PublicationDate(max(e.value for e in in_month), "metadata month + dated text")
        return PublicationDate(date(hint_year, hint_month, 1), "metadata month only")
    head = [e for e in full if e.kind == "absolute" and e.start < 400 and re.search(r"\d{4}", e.text)]
    if head:
        return PublicationDate(head[0].value, "dateline or dated lede")
    if not full:
        return PublicationDate(date(hint_year, 1, 1) if hint_year else None,
                               "metadata year only" if hint_year else "no date found")
    latest = max(e.value for e in full)
    weekdays = [e for e in exprs if e.kind == "weekday"]
    for w in weekdays:
        target = load_rules()["weekdays"][w.text.lower()]
        candidate = latest + timedelta(days=(target - latest.weekday()) % 7)
        return PublicationDate(candidate, f"weekday '{w.text}' on or after the latest date in the text")
    return PublicationDate(latest, "latest date in the text")
