"""Reporting cues: where a verb of saying (or 'selon X', 'X :') introduces speech, and its subject."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .rules import load_rules, verb_forms


@dataclass
class Cue:
    start: int
    end: int  # end of the verb group (clitic included)
    lemma: str
    kind: str  # verb | participle | preposition | colon
    complements: tuple[str, ...]
    clitic: str | None = None
    has_aux: bool = False
    passive: bool = False
    negated: bool = False
    speaker: object = None  # the Mention chosen as subject
    relay: bool = False


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def verb_index() -> dict[str, str]:
    """Inflected form (lowercase) -> lemma for every reporting verb."""
    index = {}
    for lemma, spec in load_rules()["reporting_verbs"].items():
        for form in verb_forms(lemma, spec.get("forms")):
            index.setdefault(form.lower(), lemma)
    return index


@functools.cache
def cue_regex() -> re.Pattern:
    rules = load_rules()
    forms = _alt(verb_index())
    aux = _alt(rules["auxiliaries"])
    clitics = _alt(rules["clitic_subjects"])
    adverbs = _alt(rules["adverbs"])
    return re.compile(
        rf"(?<![\w-])(?:(?P<aux>{aux})(?P<auxclitic>{clitics})?\s+(?:été\s+)?(?:(?:{adverbs}|pas|jamais)[\s,]+){{0,3}})?"
        rf"(?P<verb>{forms})(?P<clitic>{clitics})?(?![\w-])",
        re.IGNORECASE)


def find_cues(text: str) -> list[Cue]:
    rules = load_rules()
    spec = rules["reporting_verbs"]
    index = verb_index()
    out = []
    for m in cue_regex().finditer(text):
        verb = m.group("verb").lower()
        lemma = index[verb]
        has_aux = m.group("aux") is not None
        clitic = m.group("clitic") or m.group("auxclitic")
        participle_only = verb.endswith(("é", "ée", "és", "ées", "u", "ue", "i", "is", "it")) and verb != lemma
        gerund = verb.endswith("ant") and not has_aux
        if verb == lemma and not has_aux:
            continue  # a bare infinitive ("pour déclarer") reports nothing
        reflexive = lemma.startswith(("se ", "s'", "s’"))
        if reflexive and not verb.startswith(("se ", "s'", "s’")) and not re.search(
                r"(?:s['’]|se\s)$", text[max(0, m.start() - 3):m.start()]) and not re.search(
                r"s['’]|\bse\b", m.group(0).lower()):
            continue  # "inquiétant" without "s'" is an adjective, not "s'inquiétant"
        coordinated = bool(re.search(r"\bet\s+(?:\w+\s+)?$", text[max(0, m.start() - 20):m.start()]))
        bare_present = not has_aux and not clitic and not participle_only and not verb.endswith("ant")
        if bare_present and re.search(r"(?<![\w-])(?:une?|la|le|les|l['’]|cette|ce|sa|son|ses|leur|leurs|d['’]une?|"
                                      r"de la|du|des|nouvelle|nouveau)\s+$", text[max(0, m.start() - 12):m.start()],
                                      re.IGNORECASE):
            continue  # "une menace directe", "l'annonce du retrait": a noun, not a verb
        if participle_only and not has_aux and not clitic and not verb.endswith("it") and not coordinated:
            continue  # an adjectival participle ("le soutien affirmé") is not a cue
        before = text[max(0, m.start() - 5):m.start()].lower()
        group = m.group(0).lower()
        before = text[max(0, m.start() - 8):m.start()].lower()
        after = text[m.end():m.end() + 10].lower()
        negated = (bool(re.search(r"(?<![\w-])(?:n['’]|ne )(?:s['’]|se |l['’]|le |la |les |lui )?$", before))
                   or bool(re.search(r"\b(pas|jamais)\b", group))
                   or (not has_aux and bool(re.match(r"\s+(?:pas|jamais|guère|plus)\b", after))
                       and bool(re.search(r"(?<![\w-])(?:n['’]|ne )", text[max(0, m.start() - 12):m.start()]))))
        passive = bool(re.search(r"\bété\b", group))
        kind = "participle" if gerund or (participle_only and coordinated and not has_aux) else "verb"
        out.append(Cue(m.start(), m.end(), lemma, kind, tuple(spec[lemma]["complement"]), clitic, has_aux,
                       passive, negated))
    for prep in rules["attribution_prepositions"]:
        for m in re.finditer(rf"(?:(?<=^)|(?<=[\s,.«(]))({re.escape(prep)})\s+(?=\S)", text, re.IGNORECASE | re.M):
            out.append(Cue(m.start(), m.end(), prep.lower(), "preposition", ()))
    for m in re.finditer(r"\s?:\s*(?=[«“\"])", text):
        out.append(Cue(m.start(), m.end(), ":", "colon", ()))
    nouns = "|".join(re.escape(n) for n in sorted(rules["speech_nouns"], key=len, reverse=True))
    for m in re.finditer(rf"\b(?:{nouns})\b[^.:;\n]{{0,120}}?\s?:\s+(?=[^«“\"\s])", text, re.IGNORECASE):
        out.append(Cue(m.end() - 1, m.end(), ":", "speech_colon", ("colon",)))
    return sorted(out, key=lambda c: c.start)
