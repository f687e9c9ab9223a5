"""Loads the rule data (lexicon YAML, actor dictionary CSVs) once per process.

Both are package data: ``rules/lexicon.yaml`` and ``dictionaries/*.csv`` beside this file (dbt seeds
the same CSVs into the warehouse). A missing file is an error, never an empty dictionary: extracting
without the gazetteer would silently lose most actors.
"""
from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).parent / "rules"
DICTIONARY_DIR = Path(__file__).parent / "dictionaries"
DICTIONARIES = ("actor_dictionary.csv", "actor_roles.csv", "role_titles.csv")


class RuleDataMissing(FileNotFoundError):
    """A rule file of the package (lexicon, dictionary) is absent or empty: the install is incomplete."""


@functools.cache
def load_rules() -> dict:
    path = RULES_DIR / "lexicon.yaml"
    if not path.is_file():
        raise RuleDataMissing(f"lexicon {path} not found: the extraction needs the package data (reinstall the package)")
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@functools.cache
def first_name_genders() -> dict[str, str]:
    """First name -> 'm' / 'f' (rules/first_names.yaml)."""
    with open(RULES_DIR / "first_names.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {name: gender for gender in ("m", "f") for name in data[gender]}


def _read_csv(name: str) -> list[dict]:
    path = DICTIONARY_DIR / name
    if not path.is_file():
        raise RuleDataMissing(f"dictionary {path} not found: the extraction needs the package data in "
                              f"dagster_project/extraction/dictionaries/ (reinstall the package)")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows:
        raise RuleDataMissing(f"dictionary {path} has no rows")
    return rows


def split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@functools.cache
def actor_dictionary() -> list[dict]:
    rows = _read_csv("actor_dictionary.csv")
    for row in rows:
        for key in ("aliases", "metonyms", "demonyms"):
            row[key] = split_list(row.get(key))
    return rows


@functools.cache
def actor_roles() -> list[dict]:
    return _read_csv("actor_roles.csv")


@functools.cache
def role_titles() -> list[dict]:
    return _read_csv("role_titles.csv")


def alternation(words, ignore_case: bool = False) -> str:
    """A regex matching any of `words`, longest first, written as a trie.

    A flat alternation of a thousand names makes `re` try every name at every position; the trie
    tries only the branch of the next character. Backtracking gives up the longest candidate
    first, so it matches what the flat longest-first alternation would. For a pattern compiled
    with re.IGNORECASE pass ignore_case=True: two branches differing only in case would otherwise
    both match and the first, not the longest, would win.
    """
    trie: dict = {}
    for word in {w.lower() if ignore_case else w for w in words if w}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie) if trie else "(?!)"


def _trie_regex(node: dict) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def verb_forms(lemma: str, extra: list[str] | None = None, conditional: bool = False) -> set[str]:
    """Third-person finite forms, participles and the infinitive of a French verb (with `conditional`, the
    conditional of the forms of the future too).

    Regular -er conjugation covers most reporting verbs; irregular ones list their forms in data.
    """
    reflexive = ""
    if lemma.startswith(("se ", "s'", "s’")):
        reflexive, lemma = (lemma[:3], lemma[3:]) if lemma.startswith("se ") else (lemma[:2], lemma[2:])
    forms = {lemma, *(extra or [])}
    if lemma.endswith("er"):
        stem = lemma[:-2]
        soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
        forms |= {stem + "e", stem + "ent", stem + "é", stem + "ée", stem + "és", stem + "ées",
                  stem + "ait", stem + "aient", soft + "a", stem + "èrent", stem + "era", stem + "eront",
                  stem + "erait", stem + "eraient", soft + "ant", soft + "ait", soft + "aient"}
    elif lemma.endswith("ir"):
        stem = lemma[:-2]
        forms |= {stem + "it", stem + "issent", stem + "i", stem + "ie", stem + "issait", stem + "issant",
                  stem + "ira", stem + "iront", stem + "irent"}
    if conditional:
        # the conditional shares the future's stem ("recevra" -> "recevrait"): a meeting to come in a past
        # report ("a annoncé que X recevrait Y") is told in it (not asked of every verb: "la France
        # reconnaîtrait l'Etat palestinien" reports nothing)
        forms |= {f[:-2] + ending for f in forms if f.endswith("ra") for ending in ("rait", "raient")}
        forms |= {f[:-4] + "raient" for f in forms if f.endswith("ront")}
    if reflexive:
        forms |= {f"{reflexive}{f}" for f in forms}
    return forms
