"""Name normalisation and matching shared by in-article coreference and cross-article clustering."""
from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz

HONORIFICS = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Dr|Pr)\s+")
_ARTICLE = re.compile(r"^(?:le |la |les |l'|l’)", re.IGNORECASE)


def strip_accents(value: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def name_key(value: str) -> str:
    """Lowercase, no accents, one apostrophe, hyphens and dots as spaces, no leading article or honorific."""
    value = HONORIFICS.sub("", value.strip())
    value = re.sub(r"[\u2019\u2018`´]", "'", strip_accents(value).lower())
    value = re.sub(r"\s+", " ", re.sub(r"[\u2010-\u2015\u2212\-.]", " ", value)).strip()
    return _ARTICLE.sub("", value)


def name_tokens(value: str) -> list[str]:
    return name_key(value).split()


def honorific_gender(value: str) -> str | None:
    match = HONORIFICS.match(value)
    if not match:
        return None
    return "f" if match.group(0).strip().startswith(("Mme", "Mlle")) else "m"


def is_initial_form(short: str, full: str) -> bool:
    """'S. Lavrov' is an initial form of 'Sergueï Lavrov'."""
    if "." not in short:
        return False
    match = re.fullmatch(r"([A-ZÀ-Ý])\.\s*(.+)", short.strip())
    if not match:
        return False
    full_tokens = name_tokens(full)
    return (len(full_tokens) >= 2 and name_key(match.group(2)) == " ".join(full_tokens[1:])
            and full_tokens[0][:1] == strip_accents(match.group(1)).lower())


def same_person_name(a: str, b: str, threshold: float = 88.0) -> bool:
    """Two full names of one person: equal keys, same words in any order, initials, or a close spelling."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb or sorted(ka.split()) == sorted(kb.split()):
        return True
    if is_initial_form(a, b) or is_initial_form(b, a):
        return True
    ta, tb = ka.split(), kb.split()
    if len(ta) >= 2 and len(tb) >= 2:
        # misspellings and transliterations keep the overall shape: compare whole names
        return fuzz.ratio(ka.replace(" ", ""), kb.replace(" ", "")) >= threshold
    return False


def is_short_form(short: str, full: str) -> bool:
    """'Lavrov' or 'Choe' is a short form of 'Sergueï Lavrov' / 'Choe Son-hui' (last or first word)."""
    ts, tf = name_tokens(short), name_tokens(full)
    if len(ts) != 1 or len(tf) < 2:
        return False
    return ts[0] in (tf[-1], tf[0]) or is_initial_form(short, full)
