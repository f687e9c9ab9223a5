"""Reporting cues: where a verb of saying (or 'selon X', 'X :') introduces speech, and its subject."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .rules import alternation, load_rules, verb_forms


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


@functools.cache
def verb_index() -> dict[str, str]:
    """Inflected form (lowercase) -> lemma for every reporting verb."""
    index = {}
    for lemma, spec in load_rules()["reporting_verbs"].items():
        for form in verb_forms(lemma, spec.get("forms")):
            index.setdefault(form.lower(), lemma)
    return index


@dataclass(frozen=True)
class _VerbMatch:
    """A reporting-verb group: optional auxiliary (and adverbs), the verb, an optional clitic subject."""
    start_: int
    end_: int
    text: str
    groups: dict

    def start(self) -> int:
        return self.start_

    def end(self) -> int:
        return self.end_

    def group(self, name=0):
        return self.text[self.start_:self.end_] if name == 0 else self.groups.get(name)


@functools.cache
def _forms_by_first_word() -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for form in verb_index():
        words = tuple(form.split())
        table.setdefault(words[0], []).append(words)
    for forms in table.values():
        forms.sort(key=len, reverse=True)
    return table


@functools.cache
def _aux_regex() -> re.Pattern:
    rules = load_rules()
    aux = alternation(rules["auxiliaries"], ignore_case=True)
    clitics = alternation(rules["clitic_subjects"], ignore_case=True)
    adverbs = alternation(rules["adverbs"], ignore_case=True)
    return re.compile(rf"(?<![\w-])(?P<aux>{aux})(?P<auxclitic>{clitics})?\s+(?:été\s+)?"
                      rf"(?:(?:{adverbs}|pas|jamais)[\s,]+){{0,3}}$", re.IGNORECASE)


@functools.cache
def _speech_colon_regex() -> re.Pattern:
    """'Le communiqué précise : ...': a speech noun, then a colon before unquoted content."""
    nouns = alternation(load_rules()["speech_nouns"], ignore_case=True)
    return re.compile(rf"\b(?:{nouns})\b[^.:;\n]{{0,120}}?\s?:\s+(?=[^«“\"\s])", re.IGNORECASE)


def _verb_matches(text: str):
    """Reporting-verb groups found by a word lookup (a regex alternation of every form is too slow)."""
    clitics = sorted(load_rules()["clitic_subjects"], key=len, reverse=True)
    clitic_ends = tuple(clitics)  # one str.endswith call rules out most words
    table = _forms_by_first_word()
    words = list(re.finditer(r"[\w'’-]+", text))
    for i, w in enumerate(words):
        token = w.group(0).lower()
        clitic = next((c for c in clitics if token.endswith(c) and len(token) > len(c)), None) \
            if token.endswith(clitic_ends) else None
        head = token[:-len(clitic)] if clitic else token
        for form in table.get(head, ()):
            if len(form) > 1 and (clitic or [x.group(0).lower() for x in words[i + 1:i + len(form)]] != list(form[1:])):
                continue
            end = words[i + len(form) - 1].end()
            start = w.start()
            verb = " ".join(form)
            aux = _aux_regex().search(text, max(0, start - 80), start)
            groups = {"verb": verb, "clitic": clitic, "aux": None, "auxclitic": None}
            if aux:
                groups.update(aux=aux.group("aux"), auxclitic=aux.group("auxclitic"))
                start = aux.start()
            yield _VerbMatch(start, end, text, groups)
            break


def find_cues(text: str) -> list[Cue]:
    rules = load_rules()
    spec = rules["reporting_verbs"]
    index = verb_index()
    out = []
    for m in _verb_matches(text):
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
    for m in _speech_colon_regex().finditer(text):
        out.append(Cue(m.end() - 1, m.end(), ":", "speech_colon", ("colon",)))
    return sorted(out, key=lambda c: c.start)
