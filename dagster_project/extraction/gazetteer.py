"""Compiled lookups over the actor dictionary: alias patterns, demonyms, capitals, roles by date."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from .names import name_key
from .rules import actor_dictionary, actor_roles, alternation, load_rules, role_titles

# Short French words that scraping glues onto the name before them ("Paul Girardlors").
GLUE_WORDS = ("lors", "pour", "par", "dans", "avec", "qui", "que", "et", "en", "un", "une", "le", "la", "les", "des", "du")


@dataclass(frozen=True)
class Alias:
    actor_key: str
    actor_type: str
    is_metonym: bool


@dataclass
class Gazetteer:
    by_form: dict[str, Alias]
    pattern: re.Pattern | None
    demonym_country: dict[str, str]
    country_actor: dict[str, str]
    actors: dict[str, dict]
    titles: list[tuple[str, str, str | None]]  # (title, role, gender)
    person_words: dict[str, list[tuple[str, str]]]  # word -> (actor_key, multi-word form)

    def lookup(self, surface: str) -> Alias | None:
        return self.by_form.get(surface) or self.by_form.get(name_key(surface))

    def person_forms_sharing_a_word(self, name: str) -> list[tuple[str, str]]:
        """(actor_key, multi-word form) of dictionary persons with a word in common with `name`."""
        out = []
        for word in set(name_key(name).split()):
            out += self.person_words.get(word, [])
        return sorted(set(out))

    def roles_of(self, actor_key: str, on: date | None) -> set[str]:
        """Roles the dictionary gives an actor on a date (all of its roles when the date is unknown)."""
        out = set()
        for row in _roles_by_actor().get(actor_key, ()):
            start, end = _iso(row.get("valid_from")), _iso(row.get("valid_to"))
            if on is None or ((start is None or start <= on) and (end is None or on < end)):
                out.add(row["role"])
        return out

    def former_holders(self, role: str, country: str | None, on: date | None) -> set[str]:
        """Dictionary actors who held `role` for `country` and had left it by date `on`."""
        return {row["actor_key"] for row in actor_roles()
                if row["role"] == role and (not country or row.get("country_code") == country)
                and _iso(row.get("valid_to")) is not None and (on is None or _iso(row.get("valid_to")) <= on)}

    def world_office_holder(self, role: str, on: date | None) -> str | None:
        """The one holder on a date of an office no country qualifies ('secrétaire général de l'ONU'):
        a role whose dictionary rows carry no country and that one person holds at that date."""
        if role not in _world_offices():
            return None
        keys = self.holders(role, None, on)
        return keys[0] if len(keys) == 1 else None

    def holders(self, role: str, country: str | None, on: date | None) -> list[str]:
        """Dictionary actors holding `role` for `country` on date `on`."""
        out = []
        for row in actor_roles():
            if row["role"] != role or (country and row.get("country_code") != country):
                continue
            start = _iso(row.get("valid_from"))
            end = _iso(row.get("valid_to"))
            if on is None or ((start is None or start <= on) and (end is None or on < end)):
                out.append(row["actor_key"])
        return out


@functools.cache
def _world_offices() -> frozenset[str]:
    """Roles no row of the dictionary ties to a country; held by one person at a time or by several
    ('secretary_general' of many bodies), which `world_office_holder` tells apart by date."""
    with_country = {row["role"] for row in actor_roles() if row.get("country_code")}
    return frozenset(row["role"] for row in actor_roles() if row["role"] not in with_country)


@functools.cache
def _roles_by_actor() -> dict[str, list[dict]]:
    by_actor: dict[str, list[dict]] = {}
    for row in actor_roles():
        by_actor.setdefault(row["actor_key"], []).append(row)
    return by_actor


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@functools.cache
def gazetteer() -> Gazetteer:
    by_form: dict[str, Alias] = {}
    surfaces: set[str] = set()
    demonym_country: dict[str, str] = {}
    country_actor: dict[str, str] = {}
    actors = {}
    for row in actor_dictionary():
        key, kind = row["actor_key"], row["actor_type"]
        actors[key] = row
        if kind == "country" and row.get("country_code"):
            country_actor[row["country_code"]] = key
            for demonym in row["demonyms"]:
                demonym_country[demonym.lower()] = row["country_code"]
        for form in [row["canonical_name"], *row["aliases"]]:
            by_form.setdefault(form, Alias(key, kind, False))
            by_form.setdefault(name_key(form), Alias(key, kind, False))
            surfaces.add(form)
        for form in row["metonyms"]:
            by_form.setdefault(form, Alias(key, kind, True))
            surfaces.add(form)
    pattern = None
    if surfaces:
        pattern = re.compile(rf"(?<!\w)({alternation(surfaces)})(?=(?:{alternation(GLUE_WORDS)}(?=[ \t]+\w))?(?![\w]))")
    titles = [(r["title"], r["role"], r.get("gender") or None) for r in role_titles()]
    person_words: dict[str, list[tuple[str, str]]] = {}
    for key, row in actors.items():
        if row["actor_type"] != "person":
            continue
        for form in [row["canonical_name"], *row["aliases"]]:
            if len(form.split()) > 1:
                for word in set(name_key(form).split()):
                    if len(word) > 2:
                        person_words.setdefault(word, []).append((key, form))
    return Gazetteer(by_form, pattern, demonym_country, country_actor, actors, titles, person_words)


@functools.cache
def demonym_pattern() -> str:
    """Every demonym, lowercase: for patterns compiled with re.IGNORECASE."""
    return alternation(gazetteer().demonym_country, ignore_case=True)


@functools.cache
def title_countries() -> dict[str, str]:
    """Titles of one single office, which name its country by themselves: 'pape' -> VA."""
    return {r["title"].lower(): r["country_code"] for r in role_titles() if r.get("country_code")}


@functools.cache
def role_heads() -> dict[str, list[tuple[str, str, str | None]]]:
    """Role head word(s) -> [(complement, role, gender)] from the role titles.

    'ministre des Affaires étrangères' -> head 'ministre', complement 'des Affaires étrangères'
    so that a demonym may stand between them ('le ministre russe des Affaires étrangères').
    """
    heads: dict[str, list] = {}
    for title, role, gender in gazetteer().titles:
        match = re.match(r"(.+?)\s+((?:de la|de l'|de l’|des|du|de|d'|d’)\s*.+)$", title)
        head, complement = (match.group(1), match.group(2)) if match else (title, "")
        heads.setdefault(head, []).append((complement, role, gender))
    for word in load_rules()["role_words"]["counterpart"]:
        heads.setdefault(word, []).append(("", "counterpart", None))
    hints = load_rules()["role_words"]["generic_head_roles"]
    for word in load_rules()["role_words"]["generic_heads"]:
        if not any(not complement for complement, _, _ in heads.get(word, [])):
            heads.setdefault(word, []).append(("", hints.get(word), None))
    return heads
