"""Name normalisation and matching shared by in-article coreference and cross-article clustering."""
from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz


def _honorific_words() -> dict[str, list[str]]:
    from .rules import load_rules

    return load_rules()["honorifics"]


def _honorific_pattern(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# "M. X", "Mme X", "Monsieur X", "Mgr X": honorifics (rules/lexicon.yaml), no part of the name
HONORIFICS = re.compile(rf"^(?:{_honorific_pattern(w for ws in _honorific_words().values() for w in ws)})\s+")
_FEMININE_HONORIFICS = frozenset(_honorific_words()["f"])
LEADING_ARTICLE = re.compile(r"^(?:le |la |les |l'|l’)", re.IGNORECASE)


def strip_accents(value: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def name_key(value: str) -> str:
    """Lowercase, no accents, one apostrophe, hyphens and dots as spaces, no leading article or honorific."""
    value = HONORIFICS.sub("", value.strip())
    value = re.sub(r"[\u2019\u2018`´]", "'", strip_accents(value).lower())
    value = re.sub(r"\s+", " ", re.sub(r"[\u2010-\u2015\u2212\-.]", " ", value)).strip()
    return LEADING_ARTICLE.sub("", value)


def name_tokens(value: str) -> list[str]:
    return list(_name_parts(value)[1])


@functools.lru_cache(maxsize=65536)
def _name_parts(value: str) -> tuple[str, tuple[str, ...], tuple[str, ...], str]:
    """(key, words, sorted words, key without spaces): what name comparisons need, computed once per name."""
    key = name_key(value)
    words = tuple(key.split())
    return key, words, tuple(sorted(words)), key.replace(" ", "")


def honorific_gender(value: str) -> str | None:
    match = HONORIFICS.match(value)
    if not match:
        return None
    return "f" if match.group(0).strip() in _FEMININE_HONORIFICS else "m"


def is_initial_form(short: str, full: str) -> bool:
    """'S. Lavrov' is an initial form of 'Sergueï Lavrov'."""
    if "." not in short:
        return False
    match = re.fullmatch(r"([A-ZÀ-Ý])\.\s*(.+)", short.strip())
    if not match:
        return False
    full_tokens = _name_parts(full)[1]
    return (len(full_tokens) >= 2 and name_key(match.group(2)) == " ".join(full_tokens[1:])
            and full_tokens[0][:1] == strip_accents(match.group(1)).lower())


def same_person_name(a: str, b: str, threshold: float = 88.0) -> bool:
    """Two full names of one person: equal keys, same words in any order, initials, or a close spelling."""
    ka, ta, sorted_a, joined_a = _name_parts(a)
    kb, tb, sorted_b, joined_b = _name_parts(b)
    if not ka or not kb:
        return False
    if ka == kb or sorted_a == sorted_b:
        return True
    if is_initial_form(a, b) or is_initial_form(b, a):
        return True
    if len(ta) >= 2 and len(tb) >= 2:
        # misspellings and transliterations keep the overall shape: compare whole names
        return fuzz.ratio(joined_a, joined_b) >= threshold
    return False


def is_short_form(short: str, full: str) -> bool:
    """'Lavrov' or 'Choe' is a short form of 'Sergueï Lavrov' / 'Choe Son-hui' (last or first word); a
    surname of several words is the full name's last words ('Kastoueva-Jean', 'al-Sissi', 'von der Leyen')."""
    ts, tf = _name_parts(short)[1], _name_parts(full)[1]
    if len(tf) < 2 or not ts:
        return False
    if len(ts) > 1:
        return len(ts) < len(tf) and tf[-len(ts):] == ts
    return ts[0] in (tf[-1], tf[0]) or is_initial_form(short, full)


def first_name_gender(name: str) -> str | None:
    """The usual gender of a person's first name ('Sherry Izadi' f), or of a first name standing alone ('son
    épouse Claire'), None when unknown or ambiguous."""
    from .rules import first_name_genders

    words = HONORIFICS.sub("", name).split()
    return first_name_genders().get(words[0]) if words else None
