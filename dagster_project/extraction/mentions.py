"""Actor mentions in one article (names, roles, metonyms, pronouns) and their in-article coreference."""
from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.distance import Levenshtein
from spacy.attrs import ORTH
from spacy.strings import get_string_id

from .gazetteer import demonym_pattern, gazetteer, role_heads, title_countries
from .names import (
    HONORIFICS,
    LEADING_ARTICLE,
    first_name_gender,
    honorific_gender,
    is_short_form,
    name_key,
    same_person_name,
    strip_accents,
)
from .rules import alternation, first_name_genders, load_rules
from .text import in_spans, word_occurrences

PERSON, ORG, COUNTRY, MEDIA = "person", "organization", "country", "media"
_NER_TYPES = {"PER": PERSON, "ORG": ORG}
_ACRONYM_THEN_NAME = re.compile(r"[A-Z]{2,6}\s+(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\s+[A-ZÀ-Ý]")
_PORTFOLIO_THEN_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?\s+(?P<first>[A-ZÀ-Ý][\w’'-]+)(?:\s+[A-ZÀ-Ý][\w’'-]+)+$")
_OF_BEFORE = re.compile(r"(?P<head>[\w-]+)\s+(?:de la|de l['’]|des|du|de|au|aux|à la|à l['’])\s*$", re.IGNORECASE)
# ("le ministre britannique de l'Energie X": a nationality between the title and its portfolio)
_OF_BEFORE_WITH_ADJECTIVE = re.compile(r"(?P<head>[\w-]+)\s+[a-zà-ÿ-]+\s+(?:de la|de l['’]|des|du|de|au|aux|à la|à l['’])\s*$",
                                       re.IGNORECASE)


def _after_portfolio_of_role(text: str, start: int) -> bool:
    """Does `start` follow a role's portfolio preposition ('le ministre de l'', 'la secrétaire américaine au ')?"""
    return any((of := pattern.search(text, max(0, start - 40), start)) is not None
               and of.group("head").lower() in role_heads()
               for pattern in (_OF_BEFORE, _OF_BEFORE_WITH_ADJECTIVE))


def _name_after_title_word(text: str, start: int, surface: str) -> int | None:
    """Where the person's name starts in an organisation NER ran together with the title word before it:
    a party's acronym ('du RN Marine Dupré', the first name known) or the portfolio of a role ('le
    ministre de l'Aviation Karim Benali'). None when the span is no such run."""
    person = _ACRONYM_THEN_NAME.match(surface)
    if person and all(w in first_name_genders() for w in person.group("first").split("-")):
        return person.start("first")
    person = _PORTFOLIO_THEN_NAME.match(surface)
    if person is None:
        return None
    return person.start("first") if _after_portfolio_of_role(text, start) else None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str  # name | metonym | role | pronoun | anaphor
    actor_type: str | None = None
    dict_key: str | None = None
    gender: str | None = None
    countries: tuple[str, ...] = ()
    role: str | None = None
    plural: bool = False
    entity: int | None = None
    entities: tuple[int, ...] = ()  # a plural role ("les ministres russe et nord-coréen") names several
    description: str | None = None  # for an unnamed source reached through a pronoun: what it was called
    head: str | None = None  # a role's title noun ("gouverneur" in "le gouverneur de Tillabéri")
    definite: bool = False  # "le gouverneur", not "un gouverneur"
    former: bool = False  # "l'ancien président": who held the role before the article's date
    bound: bool = False  # "le président de Debout la France": an office of a body the text names
    points_back: str | None = None  # "la même source" -> "source", "le communiqué" -> "communiqué": whose it is
    joint: bool = False  # "X et Y ont estimé": a pair that speaks together, no one of them alone
    ordinal: int | None = None  # "le premier", "la seconde": that member of the pair named last


@dataclass
class Entity:
    idx: int
    name: str | None  # best full name; None for an unnamed role holder
    actor_type: str
    dict_key: str | None = None
    gender: str | None = None
    country: str | None = None
    roles: set = field(default_factory=set)
    titles: set = field(default_factory=set)  # title nouns written beside the name ("le gouverneur ..., X")
    forms: list = field(default_factory=list)
    description: str | None = None

    def add_form(self, form: str) -> None:
        bare = HONORIFICS.sub("", form).strip()
        # a surname opening with 'Le'/'La' ('Mme Le Pen', 'M. Le Drian') reads, once the title is gone, as
        # an article and a noun to any lookup that drops leading articles ('l'Elysée' = 'Elysée'): the
        # titled form as written is kept too, the one spelling of the name no such lookup can misread
        forms = [bare, form.strip()] if bare != form.strip() and LEADING_ARTICLE.match(bare) else [bare]
        for f in forms:
            if f and f not in self.forms:
                self.forms.append(f)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in spans)


def gazetteer_mentions(text: str) -> list[Mention]:
    gaz = gazetteer()
    if gaz.pattern is None:
        return []
    out = []
    for m in gaz.pattern.finditer(text):
        alias = gaz.lookup(m.group(1))
        if alias is None or _inside_compound_name(text, m.start(), gaz):
            continue
        start = m.start()
        key = alias.actor_key
        if " " not in m.group(1).strip() and _begins_another_name(text, m.end(), gaz):
            continue  # "un sondage Harris Interactive", "Paris Match": the word begins another proper name
        if alias.actor_type == PERSON:
            start = _extend_name_left(text, start)
            if " " not in m.group(1).strip() and not _same_first_name(text[start:m.start()],
                                                                      gaz.actors[key]["canonical_name"]):
                if text[m.end():m.end() + 1].isalnum():
                    continue  # "Robert Abela": a longer surname, not "Abe" glued to "la"; the NER has it
                key = None  # "Brigitte Macron" is not Emmanuel Macron: another person of that name
        out.append(Mention(start, m.end(), text[start:m.end()], "metonym" if alias.is_metonym else "name",
                           alias.actor_type, key, gender=honorific_gender(text[start:m.end()])))
    return out


def _begins_another_name(text: str, end: int, gaz) -> bool:
    """A one-word name followed by a capitalised word that is neither a first name nor a name of its
    own ('Paris Match', 'Harris Interactive'; not 'à Moscou Vladimir Poutine')."""
    following = re.match(r" ([A-ZÀ-Ý][a-zà-ÿ][\w'’-]*)", text[end:end + 40])
    if following is None:
        return False
    word = following.group(1)
    return word not in first_name_genders() and gaz.lookup(word) is None \
        and word not in load_rules()["title_words"] and word not in _NOT_FIRST_NAMES


def _inside_compound_name(text: str, start: int, gaz) -> bool:
    """'Ouest-France', 'Radio-Canada': the end of a hyphenated proper name is not the country it
    spells; 'Trump-Kim' pairs two names of their own, so it stays two mentions."""
    before = re.search(r"([A-ZÀ-Ý][\w']*)-$", text[max(0, start - 30):start])
    return before is not None and gaz.lookup(before.group(1)) is None


_NOT_FIRST_NAMES = {"Le", "La", "Les", "L", "Et", "Mais", "Pour", "Selon", "Pourtant", "Alors", "Ainsi", "Dans", "En",
                    "De", "Du", "Des", "Un", "Une", "Ce", "Cette", "Ces", "Après", "Avant", "Lors", "Depuis", "Car"}


def _same_first_name(before: str, canonical: str) -> bool:
    """Whether a first name written before a dictionary surname is that person's (or absent, an
    honorific, an initial)."""
    word = before.strip()
    if not word or word in ("M.", "Mme", "MM.") or re.fullmatch(r"[A-ZÀ-Ý]\.", word):
        return True
    first = canonical.split()[0] if len(canonical.split()) > 1 else ""
    return not first or name_key(word) == name_key(first) or name_key(first).startswith(name_key(word))


def _extend_name_left(text: str, start: int) -> int:
    """Take in what stands before a person's name and belongs to it: an honorific ('M. Poutine'),
    an initial ('S. Lavrov') or first names the dictionary lacks ('Jean-Louis Le Drian')."""
    honorific = re.search(rf"(?<![\w.])(?:{_left_honorifics()}) $", text[max(0, start - 14):start])
    if honorific:
        return start - len(honorific.group(0))
    initial = re.search(r"(?<![\w.])[A-ZÀ-Ý]\. $", text[max(0, start - 4):start])
    if initial:
        return start - len(initial.group(0))
    first = re.search(r"(?<![\w'’-])([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?) $", text[max(0, start - 25):start])
    known = first_name_genders()
    name_word = re.match(r"[\w'’-]+", text[start:])
    if first and name_word and name_word.group(0) in known and first.group(1) not in known:
        return start  # "sur Twitter Thierry Mariani": the name has its first name already
    if first and _after_portfolio_of_role(text, start - len(first.group(0))):
        return start  # "la secrétaire au Trésor Janet Yellen": the word before is the role's portfolio
    if first and first.group(1) not in _NOT_FIRST_NAMES and gazetteer().lookup(first.group(1)) is None \
            and first.group(1) not in load_rules()["ner_stoplist"] \
            and first.group(1) not in load_rules()["title_words"] \
            and first.group(1).lower() not in gazetteer().demonym_country \
            and (first.group(1) in known  # a first name, even where a sentence starts ("Brigitte Macron a")
                 or not re.search(r"[.!?:]\s*$|^\s*$",
                                  text[max(0, start - len(first.group(0)) - 3):start - len(first.group(0))])):
        return start - len(first.group(0))
    return start


@functools.cache
def _left_honorifics() -> str:
    """The honorifics taken in before a name (not 'Me', 'Dr', 'Pr': "Me" may be an English word)."""
    words = [w for gender in ("m", "f") for w in load_rules()["honorifics"][gender]]
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _french_lexicon():
    """The forms and lemmas the language model's lemmatizer tables know, as a sorted array of their
    string hashes: the tables themselves take ~90 MB as Python objects, the array 2.5 MB. The tables
    are read as the plain dicts of their file (what spacy.lookups.Lookups.from_disk reads, without
    the Table objects and Bloom filters it builds: 1.3 -> 0.66 s of CPU per process)."""
    import gc

    import numpy as np
    import srsly
    from spacy.strings import get_string_id
    from spacy.util import get_package_path

    from .pipeline import MODEL

    found = sorted(get_package_path(MODEL).glob("*/lemmatizer/lookups"))
    if not found:
        return np.zeros(0, dtype=np.uint64)
    tables = srsly.msgpack_loads((found[0] / "lookups.bin").read_bytes())
    index = tables["lemma_index"]
    known = itertools.chain(map(get_string_id, tables["lemma_lookup"]),
                            (get_string_id(w) for k in index for w in index[k]))
    array = np.unique(np.fromiter(known, dtype=np.uint64))  # (sorted, each once)
    del tables, index, known
    gc.collect()
    return array


def is_french_word(word: str) -> bool:
    """Whether the lemmatizer knows `word` (lowercase) as a French form or lemma ('suivra', 'chose')."""
    import numpy as np
    from spacy.strings import get_string_id

    known = _french_lexicon()
    key = np.uint64(get_string_id(word.lower()))
    at = int(np.searchsorted(known, key))
    return bool(at < len(known) and known[at] == key)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]|[-–—•«\"“]|\n)\s*$")


def _common_word_person(text: str, m: Mention, found: list[Mention]) -> bool:
    """A 'person' of one word that starts a sentence (or a heading, a quote) and is a common French word
    ('Chose promise', 'Suivra un déjeuner', 'Lundi,'), not a first name, and no word of another person
    named in the article: a word its capital letter made the NER take for a name."""
    if m.actor_type != PERSON or m.dict_key is not None or m.kind != "name":
        return False
    word = m.text.strip()
    if not word or " " in word or word in first_name_genders() or not is_french_word(word) \
            or not _SENTENCE_START.search(text[max(0, m.start - 4):m.start]):
        return False
    key = name_key(word)
    return not any(o is not m and o.actor_type == PERSON and key in name_key(o.text).split() for o in found)


def _apposed_to_person_title(ent) -> bool:
    """An entity of two or three capitalised words set between commas beside a person's title ('le
    ministre de l'Energie, X Y,'): the parse makes it the title's apposition."""
    root = getattr(ent, "root", None)
    if root is None or root.dep_ != "appos" or not 2 <= len(ent) <= 3 \
            or not all(t.text[:1].isupper() and t.is_alpha for t in ent) \
            or ent[0].text in load_rules()["role_words"]["body_name_heads"]:
        return False
    head = root.head
    return head.lower_ in role_heads() and head.pos_ == "NOUN" and ent.start > 0 and ent.doc[ent.start - 1].text == ","


def ner_mentions(text: str, ents, taken: list[tuple[int, int]]) -> list[Mention]:
    """spaCy PER/ORG entities that the dictionary does not know, with NER noise dropped."""
    gaz = gazetteer()
    out = []
    for ent in ents:
        kind = _NER_TYPES.get(ent.label_)
        if kind == ORG and _apposed_to_person_title(ent):
            kind = PERSON  # "le ministre de l'Energie, Petro Hrytsenko,": a name the NER took for a body
        surface = ent.text
        start, end = ent.start_char, ent.end_char
        lead = re.match(r"(?:L'|L’|l'|l’)", surface)
        if lead:
            start += lead.end()
            surface = surface[lead.end():]
        if kind == PERSON:  # NER often swallows "lundi" or "a" after a name; organisations keep theirs
            # ... but not a surname joined to its lowercase particle ("Anouar el-Sadate", "X al-Zayani")
            trimmed = re.sub(rf"(?:\s+(?!{_joined_particles()}-[A-ZÀ-Ý])[a-zà-ÿ][\w'’-]*)+$", "", surface)
            end -= len(surface) - len(trimmed)
            surface = trimmed
            # ... and "Twitter" or "Photo" before it ("sur Twitter Thierry Mariani")
            words = surface.split()
            while len(words) > 2 and words[0] in load_rules()["ner_stoplist"]:
                start += len(words[0]) + 1
                words = words[1:]
            surface = text[start:end]
        times = [w for w in re.findall(r"[A-ZÀ-Ý][\w'’-]*\s+([a-zà-ÿ-]+)$", surface)
                 if w in load_rules()["frames"]["time_nouns"]]
        if times and kind != PERSON:  # "Le Parisien dimanche": the day the NER took in is no part of a name
            end -= len(surface) - len(surface[:surface.rfind(times[0])].rstrip())
            surface = text[start:end]
        if ent.label_ in ("ORG", "MISC", "PER"):
            first = _name_after_title_word(text, start, surface)
            if first is not None:
                start += first
                surface = text[start:end]
                kind = PERSON
        if (kind is None or "\n" in surface or len(surface) < 3 or any(ch.isdigit() for ch in surface)
                or not surface[:1].isupper() or _overlaps((start, end), taken)):
            continue
        if surface in load_rules()["ner_stoplist"] or _quoted_alone(text, start, end):
            continue
        words = surface.split()
        if words[0] in load_rules()["ner_stoplist"] and all(w[:1].islower() for w in words[1:]):
            continue  # "les chefs d'Etat sahéliens", "les Etats membres": a common noun and its adjectives
        alias = gaz.lookup(surface)
        if alias is not None and kind == PERSON and alias.actor_type == PERSON and " " in surface.strip() \
                and not alias.is_metonym:
            # "Mohammed Ben Salmane": a known person's full name in a capitalisation the dictionary's
            # forms lack (the gazetteer pass matches forms as written)
            out.append(Mention(start, end, surface, "name", PERSON, alias.actor_key,
                               gender=honorific_gender(surface)))
            continue
        if alias is not None:
            continue  # a place name or known actor the gazetteer pass declined (e.g. a metonym inside a name)
        if kind == PERSON and (surface.isupper() or len(surface.split()) > 6):
            continue
        if kind == ORG and surface.split()[0].lower() in role_heads():
            continue  # "ministre des Affaires étrangères" is a role, not an organisation
        if kind == PERSON:
            start = _extend_name_left(text, start)
        out.append(Mention(start, end, text[start:end], "name", kind, None,
                           gender=honorific_gender(text[start:end])))
    return out


def _quoted_after_body(text: str, start: int) -> bool:
    """'le parti centriste « X »', 'de la formation "X"': a quoted name right after a body's noun (and
    up to two adjectives) is that body's name, whatever person the NER takes it for."""
    match = re.search(r"((?:[\w'’-]+\s+){0,2}[\w'’-]+)\s*[\"«“]\s*$", text[max(0, start - 60):start])
    heads = load_rules()["speakers"]["organisation_heads"]
    return match is not None and any(w.lower().split("'")[-1].split("’")[-1] in heads
                                     for w in match.group(1).split())


def _role_regex() -> re.Pattern:
    rules = load_rules()
    heads = role_heads()
    dets = alternation(rules["role_words"]["determiners"], ignore_case=True)
    head_alt = alternation([*heads, *(h + "s" for h in heads)], ignore_case=True)
    comp_alt = alternation({c for v in heads.values() for c, _, _ in v if c}, ignore_case=True)
    dem = demonym_pattern()
    # "ses homologues burkinabè, malien, nigérien et tchadien": a list of demonyms, one office each
    dem_more = rf"(?:\s*,\s*|\s+et\s+)(?:{dem})(?![\w-])"
    gaz = gazetteer()
    of_alt = alternation({f for f, a in gaz.by_form.items() if a.actor_type in (COUNTRY, ORG) and f[:1].isupper()},
                         ignore_case=True)
    premodifiers = rules["role_words"]["role_premodifiers"]
    pre_alt = alternation([w for words in premodifiers.values() for w in words if not w.endswith("-")],
                          ignore_case=True)
    pre_glued = alternation([w for words in premodifiers.values() for w in words if w.endswith("-")],
                            ignore_case=True)
    return re.compile(
        rf"(?<![\w-])(?P<det>{dets})(?:(?<=['’])\s?|\s)(?:(?P<pre>{pre_alt})\s+|(?P<pre_glued>{pre_glued}))?(?P<head>{head_alt})(?![\w-])"
        rf"(?:\s+(?P<dem1>(?:{dem})(?:{dem_more})*)(?![\w-]))?"
        rf"(?:\s+(?P<comp>{comp_alt}))?"
        rf"(?:\s+(?P<dem2>(?:{dem})(?:{dem_more})*)(?![\w-]))?"
        rf"(?:\s+(?:de la |de l'|de l’|du |des |de |d'|d’)(?P<of>{of_alt}))?"
        rf"(?:\s+\((?P<acr>[A-Z]{{2,6}})\))?",
        re.IGNORECASE)


_ROLE_RE: re.Pattern | None = None
# a capitalised name after a role: "de Debout la France", "du Rassemblement national"
_OF_NAME = re.compile(r"\s+(?:de la |de l['’]|du |des |de |d['’])[A-ZÀ-Ý]")


@functools.cache
def _of_common_body() -> re.Pattern:
    """'du parti', "de l'association": a common noun of a body that is not a state after a role."""
    words = alternation(load_rules()["role_words"]["common_body_nouns"], ignore_case=False)
    return re.compile(rf"\s+(?:de la |de l['’]|du |des |de |d['’])(?:{words})(?![\w-])")


@functools.cache
def _junior_titles() -> frozenset[str]:
    return frozenset(t.lower() for t in load_rules()["role_words"]["junior_office_titles"])


@functools.cache
def _junior_follower() -> re.Pattern:
    words = alternation(load_rules()["role_words"]["junior_office_followers"], ignore_case=True)
    articles = alternation(load_rules()["role_words"]["junior_office_portfolio_articles"])
    return re.compile(rf"\s+(?:(?:{articles})\s*[A-ZÀ-Ý]|(?i:{words})(?![\w-]))")


def role_mentions(text: str) -> list[Mention]:
    global _ROLE_RE
    if _ROLE_RE is None:
        _ROLE_RE = _role_regex()
    gaz = gazetteer()
    heads = {h.lower(): v for h, v in role_heads().items()}
    out = []
    for m in _ROLE_RE.finditer(text):
        head = m.group("head").lower()
        plural = head not in heads and head[:-1] in heads
        options = heads.get(head) or heads.get(head[:-1], [])
        comp = (m.group("comp") or "").lower()
        role, gender = None, None
        for complement, option_role, option_gender in options:
            if complement.lower() == comp:
                role, gender = option_role, option_gender
        countries: list[str] = []
        for group in ("dem1", "dem2"):
            if m.group(group):
                countries += [gaz.demonym_country[d.lower()] for d in re.split(r"\s*,\s*|\s+et\s+", m.group(group))
                              if d.lower() in gaz.demonym_country]
        for group in ("of", "acr"):
            alias = gaz.lookup(m.group(group)) if m.group(group) else None
            if alias is not None and alias.actor_type == COUNTRY:
                country = gaz.actors[alias.actor_key].get("country_code")
                if country:
                    countries.append(country)
            elif alias is not None:  # "la présidente du FN": an office in a body, not the country's
                role = None
        # (a minister's complement is a portfolio, "le ministre de l'Environnement", not a body)
        body = _OF_NAME.match(text, m.end()) if not m.group("of") and not comp \
            and head not in load_rules()["role_words"]["portfolio_heads"] else None
        if body is not None:  # "le président de Debout la France": an office in a body the dictionary lacks
            role = None
        elif not m.group("of") and not comp and _of_common_body().match(text, m.end()):
            role = None  # "le président du parti", "la présidente de l'association": no office of a state
            body = True  # (an office of that body: whoever the text made its holder, not any person before)

        if f"{head} {comp}".strip() in _junior_titles() and _junior_follower().match(text, m.end()):
            role = None  # "le secrétaire d'État aux Transports": a junior minister, not the secretary of state
        former = (m.group("pre") or "").lower() in load_rules()["role_words"]["role_premodifiers"]["former"] \
            or bool(m.group("pre_glued"))  # a former (or future) holder: not who holds the office at the date
        if not countries and role is not None and f"{head} {comp}".strip() in title_countries():
            countries.append(title_countries()[f"{head} {comp}".strip()])  # "le pape": the Holy See's
        det = m.group("det").lower()
        if det in ("la", "cette", "une") and gender is None:
            gender = "f"
        elif det in ("le", "ce", "un") and gender is None:
            gender = "m"
        out.append(Mention(m.start(), m.end(), m.group(0), "role", PERSON, gender=gender,
                           countries=tuple(dict.fromkeys(countries)), role=role,
                           plural=plural or det in ("les", "ses", "leurs"), head=head,
                           definite=det in ("le", "la", "l'", "l’"), former=former, bound=body is not None))
    return out


@functools.cache
def _institution_regex() -> re.Pattern:
    words = load_rules()["role_words"]
    heads = alternation(words["institution_heads"], ignore_case=True)
    comps = alternation(words["institution_complements"], ignore_case=True)
    dem = demonym_pattern()
    return re.compile(
        rf"(?<![\w-])(?:le|la|les|l['’])\s?(?P<body>(?:{heads})(?:\s+(?P<d1>{dem}))?(?:\s+(?P<comp>{comps}))?"
        rf"(?:\s+(?P<d2>{dem}))?(?:\s+(?:du|de la|de l['’]|des|de|d['’])\s?(?P<place>[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)*))?"
        rf"(?:\s+à\s+(?P<city>[A-ZÀ-Ý][\w'’-]+))?)",
        re.IGNORECASE)


def institution_mentions(text: str) -> list[Mention]:
    """'le ministère azerbaïdjanais de la Défense': an organisation named by its description."""
    gaz = gazetteer()
    pattern = _institution_regex()
    out = []
    for m in pattern.finditer(text):
        if not (m.group("d1") or m.group("d2") or m.group("comp") or m.group("place")):
            continue  # "le ministère" alone points back to one already named
        head = m.group("body").split()[0].lower()
        if head in load_rules()["role_words"]["demonym_institution_heads"] and not (m.group("d1") or m.group("d2")):
            continue  # "la présidence de la Cédéao": the chair of a body, not a body that speaks
        country = None
        for group in ("d1", "d2"):
            if m.group(group):
                country = gaz.demonym_country.get(m.group(group).lower())
        place = gaz.lookup(m.group("place")) if m.group("place") else None
        if place is not None and place.actor_type == COUNTRY:
            country = gaz.actors[place.actor_key].get("country_code")
        body = m.group("body")
        out.append(Mention(m.start("body"), m.end("body"), body, "name", ORG, countries=(country,) if country else ()))
    return out


@functools.cache
def _government_regex() -> re.Pattern:
    heads = alternation(load_rules()["role_words"]["government_heads"], ignore_case=True)
    return re.compile(rf"(?<![\w-])(?:le|la|les|l['’])\s?({heads})\s+({demonym_pattern()})(?![\w-])", re.IGNORECASE)


def government_mentions(text: str) -> list[Mention]:
    """'le régime nord-coréen', 'les autorités iraniennes': metonyms of the country."""
    gaz = gazetteer()
    out = []
    for m in _government_regex().finditer(text):
        country = gaz.demonym_country.get(m.group(2).lower())
        key = gaz.country_actor.get(country)
        if key:
            out.append(Mention(m.start(), m.end(), m.group(0), "metonym", COUNTRY, key))
    return out


_SENTENCE_BREAK = re.compile(r"[.!?»\"]\s+(?=[A-ZÀ-Ý«\"])")


@functools.cache
def _possessed_government_regex() -> re.Pattern:
    heads = alternation([h for h in load_rules()["role_words"]["government_heads"] if h.lower() != "état"],
                        ignore_case=True)
    # ("le gouvernement de Kiev", "le gouvernement d'Angela Merkel", "l'administration Trump": its complement
    # says whose)
    return re.compile(rf"(?<![\w-])(?:son|sa|leur|le|la|les|l['’]\s?)\s*(?:{heads})(?![\w-])"
                      r"(?!\s+(?:de|du|des|d['’])(?![\w]))(?!\s+(?-i:[A-ZÀ-Ý]))", re.IGNORECASE)


def possessed_government_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Le président philippin X a ... Son gouvernement a estimé', 'Le Pakistan a expulsé ... Le
    gouvernement a annoncé': the country of the one the sentence (or the sentence before) is about, its
    first actor of a known country (French puts the subject first), as a metonym of that country. (A
    government a demonym qualifies, "le gouvernement français", is government_mentions'.)"""
    gaz = gazetteer()
    out = []
    for found in _possessed_government_regex().finditer(text):
        head = text.rfind("\n", 0, found.start()) + 1
        ends = [e.end() for e in _SENTENCE_BREAK.finditer(text, head, found.start())]
        since = ends[-2] if len(ends) >= 2 else head  # this sentence and the one before, in the paragraph
        here = ends[-1] if ends else head
        key = None
        # (further back, across paragraphs, the sentences before those: "Le Pakistan a expulsé X. ... a
        # affirmé le ministre Y. Le gouvernement a annoncé": the country the passage is about)
        earlier = [0] + [e.end() for e in _SENTENCE_BREAK.finditer(text, 0, found.start()) if 0 < e.end() < since] \
            + [since]
        back = load_rules()["discourse"]["government_sentences_back"]
        further = [(earlier[k - 1], earlier[k]) for k in range(len(earlier) - 1, max(0, len(earlier) - 1 - back), -1)]
        for window in ((here, found.start()), (since, here), *further):
            for m in mentions:
                if not window[0] <= m.start < window[1] or m.plural:
                    continue
                if m.actor_type == COUNTRY and m.dict_key:
                    key = m.dict_key
                elif m.kind == "role" and m.countries:
                    key = gaz.country_actor.get(m.countries[0])
                elif m.actor_type == PERSON and m.dict_key and gaz.actors.get(m.dict_key, {}).get("country_code"):
                    key = gaz.country_actor.get(gaz.actors[m.dict_key]["country_code"])
                if key:
                    break
            if key:
                break
        if key:
            out.append(Mention(found.start(), found.end(), found.group(0), "metonym", COUNTRY, key))
    return out


@functools.cache
def _pronoun_regexes() -> tuple[re.Pattern, dict[str, str], re.Pattern, dict[str, str]]:
    rules = load_rules()
    pronouns = {form.lower(): gender for form, gender in rules["pronouns"].items()}
    anaphors = {form.rstrip(",").lower(): gender for form, gender in rules["role_words"]["anaphors"].items()}
    return (re.compile(rf"(?<![\w-])(?:{alternation(pronouns, ignore_case=True)})(?![\w'’-])", re.IGNORECASE), pronouns,
            re.compile(rf"(?<![\w-])(?:{alternation(anaphors, ignore_case=True)})(?![\w-])", re.IGNORECASE), anaphors)


@functools.cache
def _clitic_regexes() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(form, gender, pattern) of each inverted subject clitic, in the lexicon's order."""
    return tuple((form, gender, re.compile(rf"(?<=\w){re.escape(form)}(?![\w-])"))
                 for form, gender in load_rules()["clitic_subjects"].items())


def pronoun_mentions(text: str) -> list[Mention]:
    """Subject pronouns ('il', 'a-t-elle') and anaphors ('ce dernier'), unresolved."""
    out = []
    # each clitic on its own: "a-t-il" also yields "-il", which the statement rules rely on
    for form, gender, pattern in _clitic_regexes():
        if form not in text:  # most articles have none of them: a substring test is cheaper than the scan
            continue
        for m in pattern.finditer(text):
            out.append(Mention(m.start(), m.end(), m.group(0), "pronoun", PERSON, gender=gender,
                               plural=form.endswith("s")))
    pronoun_re, pronouns, anaphor_re, anaphors = _pronoun_regexes()
    for m in pronoun_re.finditer(text):
        form = m.group(0).lower()
        out.append(Mention(m.start(), m.end(), m.group(0), "pronoun", PERSON, gender=pronouns[form],
                           plural=form.endswith("s")))
    for m in anaphor_re.finditer(text):
        out.append(Mention(m.start(), m.end(), m.group(0), "anaphor", PERSON, gender=anaphors[m.group(0).lower()]))
    return out


def cleft_pronoun_mentions(text: str) -> list[Mention]:
    """'C'est lui qui a reçu X': the stressed pronoun a cleft makes the subject of its 'qui', unresolved (not
    among the speaker mentions: only a meeting's side is looked for in it)."""
    cleft_re, cleft_forms = _cleft_regex()
    return [Mention(m.start(1), m.end(1), m.group(1), "pronoun", PERSON, gender=cleft_forms[m.group(1).lower()],
                    plural=m.group(1).lower().endswith("x")) for m in cleft_re.finditer(text)]


@functools.cache
def _cleft_regex() -> tuple[re.Pattern, dict[str, str]]:
    """'C'est lui qui a reçu X': the stressed pronoun a cleft makes the subject of its 'qui'."""
    rules = load_rules()["cleft_pronouns"]
    forms = {form.lower(): gender for form, gender in rules["forms"].items()}
    return re.compile(rf"(?<![\w-])(?:{alternation(rules['openers'], ignore_case=True)})\s+"
                      rf"({alternation(forms, ignore_case=True)})(?=\s+qui\b)", re.IGNORECASE), forms


@functools.cache
def _phrase_name_regex() -> re.Pattern:
    particles = alternation(load_rules()["name_particles"])
    word = r"[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ][\w'’-]*"
    return re.compile(rf"(?<![\w'’-]){word}(?:\s+(?:(?:{particles})\s+)?{word}){{1,4}}(?![\w'’-])")


_AGE_AFTER = re.compile(r",\s+\d{1,3}\s+ans\b")


def speaking_place_mentions(text: str, ents, phrases: list[tuple[int, int]],
                            taken: list[tuple[int, int]]) -> list[Mention]:
    """'« ... », précise Franceinfo': a one-word name the NER calls a place or leaves unclassified,
    that the gazetteer does not know, and that a frame makes speak, names a body (a medium, a firm) or,
    when it is a first name or an age follows it, a person; not a place: places speak only as the
    capitals and countries the gazetteer knows."""
    phrases = set(phrases)
    out = []
    for ent in ents:
        span = (ent.start_char, ent.end_char)
        if ent.label_ not in ("LOC", "MISC") or span not in phrases or len(ent) != 1 or not ent.text[:1].isupper() \
                or len(ent.text) < 3 or _overlaps(span, taken) or gazetteer().lookup(ent.text) is not None:
            continue
        # "a dit Lucia", "a déclaré Ahmadi, 61 ans": someone known by one name
        person = ent.text in first_name_genders() or _AGE_AFTER.match(text, span[1]) is not None
        out.append(Mention(span[0], span[1], ent.text, "name", PERSON if person else ORG))
    return out


def phrase_name_mentions(text: str, phrases: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[Mention]:
    """Person names the NER missed where a frame says someone speaks ('a déclaré le ministre letton de
    la Défense Artis Pabriks'): two to five capitalised words, title words and known actors left out."""
    gaz = gazetteer()
    title_words = set(load_rules()["title_words"])
    not_names = set(load_rules()["ner_stoplist"])  # "a écrit sur Twitter Thierry Mariani"
    out = []
    for start, end in phrases:
        for m in _phrase_name_regex().finditer(text, start, min(len(text), end + 40)):
            words = m.group(0).split()
            offsets = [m.start() + w.start() for w in re.finditer(r"\S+", m.group(0))]
            lead = 0
            # (a word another mention already is: "le négociateur des Palestiniens X Y")
            while lead < len(words) and (words[lead] in title_words or words[lead] in not_names
                                         or gaz.lookup(words[lead]) is not None
                                         or _overlaps((offsets[lead], offsets[lead] + len(words[lead])), taken)):
                lead += 1
            words = words[lead:]
            name_start = m.start() + len(m.group(0)) - len(" ".join(words))
            # ... or set off by a comma right after it ('a indiqué le ministre grec de la Défense, X Y')
            apposed = re.fullmatch(r"\)?,\s", text[end:name_start]) is not None
            if len(words) < 2 or m.start() > end + 1 and not apposed:
                continue
            if name_start > end + 1 and not apposed or any(w in title_words for w in words) or not words[0][:1].isupper() \
                    or gaz.lookup(" ".join(words)):
                continue
            span = (name_start, m.end())
            if _overlaps(span, taken):
                continue
            if _quoted_after_body(text, span[0]):
                # "a indiqué une porte-parole de la formation « Bleu Ciel »": the body's name, no person
                out.append(Mention(span[0], span[1], text[span[0]:span[1]], "name", ORG))
            else:
                out.append(Mention(span[0], span[1], text[span[0]:span[1]], "name", PERSON,
                                   gender=honorific_gender(text[max(0, span[0] - 4):span[1]])))
            taken.append(span)
    return out


@functools.cache
def _people_regex() -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:[Ll]es|[Dd]es|[Aa]ux)\s+([A-ZÀ-Ý][\w-]+s)(?![\w-])")


def people_mentions(text: str) -> list[Mention]:
    """'les Palestiniens', 'des Américains': a people, standing for its country when it speaks or meets."""
    gaz = gazetteer()
    out = []
    for m in _people_regex().finditer(text):
        country = gaz.demonym_country.get(m.group(1).lower())
        key = gaz.country_actor.get(country) if country else None
        if key:
            out.append(Mention(m.start(1), m.end(1), m.group(1), "metonym", COUNTRY, key, plural=True))
    return out


@functools.cache
def _survey_regex() -> re.Pattern:
    nouns = alternation(load_rules()["role_words"]["survey_nouns"], ignore_case=True)
    return re.compile(rf"(?<![\w-])(?:{nouns})\s+([A-ZÀ-Ý][\w&'’-]*(?:\s+[A-ZÀ-Ý][\w&'’-]*){{0,2}})")


def survey_mentions(text: str) -> list[Mention]:
    """'un sondage Ifop', 'une enquête Harris Interactive': the polling firm, an organisation."""
    gaz = gazetteer()
    out = []
    for m in _survey_regex().finditer(text):
        alias = gaz.lookup(m.group(1))
        known = alias is not None and alias.actor_type in (ORG, MEDIA)  # not a person of that surname
        out.append(Mention(m.start(1), m.end(1), m.group(1), "name", alias.actor_type if known else ORG,
                           alias.actor_key if known else None))
    return out


# "franco-britannique", "russo-ukrainiens": first parts ending in -o, then a demonym
PAIRED_ADJECTIVE = re.compile(r"(?<![\w-])((?:[a-zàâçéèêëîïôûù-]+?o-)+[a-zàâçéèêëîïôûù]+)(?![\w-])")


def pair_adjective_mentions(text: str) -> list[Mention]:
    """'franco-britannique', 'russo-ukrainiens': two (or more) countries in one adjective."""
    prefixes = load_rules()["role_words"]["demonym_prefixes"]
    demonyms = gazetteer().demonym_country
    out = []
    if "o-" not in text:  # every match has one: most articles have none, and the test is cheaper than the scan
        return out
    for m in PAIRED_ADJECTIVE.finditer(text):
        word = m.group(1).lower()
        head, _, last = word.rpartition("-")
        parts = re.findall(r"[^-]+?o(?=-|$)", head) if head else []
        codes = [prefixes.get(p) for p in parts] + [demonyms.get(last)]
        if len(codes) >= 2 and all(codes) and len(set(codes)) == len(codes):
            out.append(Mention(m.start(1), m.end(1), m.group(1), "pair", COUNTRY, countries=tuple(codes),
                               plural=True))
    return out


_BODY_DETERMINERS = frozenset({"le", "la", "l'", "l’", "les", "du", "des", "au", "aux"})
_BODY_ARTICLES = frozenset({"le", "la", "l'", "l’", "les"})


def body_name_spans(doc) -> list[tuple[int, int]]:
    """Character spans of bodies named by a capitalised head after a determiner and the lower-case
    words of their name: 'le Conseil national de la refondation', 'la Confédération générale du travail'.
    A noun phrase goes on with adjectives and 'de/pour/sur' + noun; a verb, a date word or a second
    determiner-less noun ends it."""
    words = load_rules()["role_words"]
    heads = frozenset(words["body_name_heads"])
    connectors = frozenset(words["body_name_connectors"])
    stop_nouns = frozenset(w.lower() for w in (*load_rules()["weekdays"], *load_rules()["months"]))
    # the words' ORTH keys, from the token array: a Token (or a string) per word costs more than the
    # test, which most words fail
    orths = doc.to_array(ORTH).tolist()
    head_ids = frozenset(get_string_id(w) for w in heads)
    out = []
    i = 1
    while i < len(doc):
        if orths[i] not in head_ids or doc[i].text not in heads:
            i += 1
            continue
        first = i - 1 if doc[i - 1].text in ("Haut", "Haute", "Grand", "Grande") and i > 1 else i  # "le Haut Conseil"
        if doc[first - 1].lower_ not in _BODY_DETERMINERS:
            i += 1
            continue
        end = i + 1
        j = i + 1
        while j < len(doc) and j - i < 10:
            w = doc[j]
            if w.pos_ == "ADJ" and w.text.islower() and "Part" not in w.morph.get("VerbForm"):
                j += 1
                end = j
                continue
            if w.lower_ in connectors:
                k = j + 1
                if k < len(doc) and doc[k].lower_ in _BODY_ARTICLES:
                    k += 1
                if k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].lower_ not in stop_nouns:
                    j = k + 1
                    end = j
                    continue
            break
        if end > i + 1:  # a head alone ("le Conseil") points back or is a role, not a name
            out.append((doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)))
        i = end
    return out


def _quoted_alone(text: str, start: int, end: int) -> bool:
    """A name that is all of a quotation ('le célèbre « Monsieur Sulu »', '« Méfions-nous »') is a
    nickname, a title or quoted words, not an actor of its own."""
    pairs = load_rules()["quote_pairs"]
    before = text[:start].rstrip(" \u00a0\u202f")
    after = text[end:].lstrip(" \u00a0\u202f")
    return bool(before) and before[-1] in pairs and after[:1] == pairs[before[-1]]


def detect_mentions(text: str, ents, skip: list[tuple[int, int]],
                    speaker_phrases: list[tuple[int, int]] = (), bodies: list[tuple[int, int]] = ()) -> list[Mention]:
    """All actor mentions outside the `skip` spans (boilerplate), sorted by position, no overlaps.
    `speaker_phrases`: where the frames say someone speaks, to find names the NER missed there."""
    surveys = survey_mentions(text)
    survey_spans = [(s.start, s.end) for s in surveys]
    # "un sondage Harris interactive": the firm, not a person of that surname
    found = [m for m in gazetteer_mentions(text)
             if not (m.actor_type == PERSON and _overlaps((m.start, m.end), survey_spans))]
    institutions = institution_mentions(text)
    # an institution named by its country ("l'ambassade d'Iran à Londres") is itself, not the country
    found = [m for m in found if not (m.actor_type == COUNTRY and any(
        i.start <= m.start and m.end <= i.end and i.start < m.start for i in institutions))]
    for extra in (government_mentions(text), institutions, people_mentions(text), surveys):
        found += [g for g in extra if not _overlaps((g.start, g.end), [(m.start, m.end) for m in found])]
    taken = [(m.start, m.end) for m in found]
    for start, end in bodies:  # before the NER, which cuts such names short or calls them places
        if not _overlaps((start, end), taken) and gazetteer().lookup(text[start:end]) is None:
            found.append(Mention(start, end, text[start:end], "name", ORG))
            taken.append((start, end))
    found += ner_mentions(text, ents, taken)
    taken = [(m.start, m.end) for m in found]
    found += phrase_name_mentions(text, list(speaker_phrases), taken)
    person_words = {w for m in found if m.actor_type == PERSON for w in m.text.split()}
    found += [m for m in speaking_place_mentions(text, ents, list(speaker_phrases), [(m.start, m.end) for m in found])
              if m.text not in person_words]  # (a person's first name or surname alone: a short form of them)
    names = sorted((m for m in found if not _common_word_person(text, m, found)), key=lambda m: m.start)
    roles = [r for r in role_mentions(text)]
    pronouns = [p for p in pronoun_mentions(text)]
    out, occupied = [], []
    # names win over roles, roles over pronouns; a role swallowing a country name keeps the role
    for m in sorted(roles, key=lambda m: (m.start, -m.end)):
        if not _overlaps((m.start, m.end), occupied):
            out.append(m)
            occupied.append((m.start, m.end))
    for m in names:
        inside_role = any(r.start <= m.start and m.end <= r.end for r in out if r.kind == "role")
        if inside_role and m.actor_type != PERSON:
            plural_role = next((r for r in out if r.kind == "role" and r.plural and r.start <= m.start
                                and m.end <= r.end and r.start < m.start), None)
            if plural_role is None:
                continue
            head_at = text.lower().find(plural_role.head, plural_role.start) if plural_role.head else -1
            if head_at == -1 or m.start < head_at + len(plural_role.head):
                out.remove(plural_role)  # "l'assemblée des Maires": the name is the role's own head word
            else:
                # "les ministres de l'Otan": the body named, and the role up to it
                plural_role.end = len(text[:m.start].rstrip(" '’").rsplit(" ", 1)[0]) \
                    if " " in text[plural_role.start:m.start] else m.start
                plural_role.text = text[plural_role.start:plural_role.end]
        if inside_role:
            out = [r for r in out if not (r.kind == "role" and r.start <= m.start and m.end <= r.end)]
        out.append(m)
        occupied.append((m.start, m.end))
    # "Bruno Le Maire": a role phrase inside a person's name is a part of the name, not a role
    out = [r for r in out if not (r.kind == "role" and any(
        n.actor_type == PERSON and n.start < r.start and r.end <= n.end for n in names))]
    out += [m for m in possessed_government_mentions(text, sorted(out, key=lambda m: m.start))
            if not _overlaps((m.start, m.end), occupied)]
    for m in [*pronouns, *pair_adjective_mentions(text)]:
        if not _overlaps((m.start, m.end), occupied):
            out.append(m)
    return sorted((m for m in out if not in_spans(m.start, skip)), key=lambda m: m.start)


def resolve_entities(text: str, mentions: list[Mention], on: date | None) -> list[Entity]:
    """In-article coreference: names cluster by dictionary key and name forms; roles bind to
    an apposed name, the same role met earlier, the dictionary's holder at the date, or a compatriot."""
    gaz = gazetteer()
    entities: list[Entity] = []
    by_dict: dict[str, Entity] = {}

    def new_entity(name, actor_type, dict_key=None, description=None) -> Entity:
        entity = Entity(len(entities), name, actor_type, dict_key, description=description)
        if dict_key:
            row = gaz.actors.get(dict_key, {})
            entity.gender = row.get("gender") or None
            entity.country = row.get("country_code") or None
            entity.roles |= gaz.roles_of(dict_key, on)
            by_dict[dict_key] = entity
        entities.append(entity)
        return entity

    names = [m for m in mentions if m.kind in ("name", "metonym")]
    # full names first so that surnames attach to them
    for m in sorted(names, key=lambda m: -len(name_key(m.text).split())):
        if m.dict_key is None and m.actor_type == PERSON and m.kind == "name":
            # "le pape François", "le roi Salmane": a name written right after a title is that office's
            # holder at the date when the dictionary gives the holder that name, before anyone else so called
            m.dict_key = _titled_holder(text, mentions, m, on)
        entity = by_dict.get(m.dict_key) if m.dict_key else None
        if entity is None and m.actor_type == PERSON:
            for candidate in entities:
                if candidate.actor_type != PERSON or candidate.name is None:
                    continue
                if same_person_name(m.text, candidate.name) or is_short_form(m.text, candidate.name) \
                        or is_short_form(_without_title(m.text), candidate.name):
                    entity = candidate
                    break
            if entity is None:
                entity = _misspelt_surname_of(m.text, entities)
            if entity is None and m.dict_key is None:
                # a spelling the dictionary lacks ("Sergui Lavrov"): compare with persons sharing a word
                for key, form in gaz.person_forms_sharing_a_word(m.text):
                    if same_person_name(m.text, form):
                        m.dict_key = key
                        entity = by_dict.get(key)
                        break
        if entity is None and m.dict_key is None and m.text.isupper() and 2 < len(m.text) <= 5:
            # "IBK" after "Ibrahim Boubacar Keïta": the initials NER takes for an organisation's
            entity = next((e for e in entities if e.actor_type == PERSON and e.name and _initials(e.name) == m.text),
                          None)
            if entity is not None:
                m.actor_type = PERSON
        if entity is None and m.dict_key is None and m.actor_type != PERSON:
            entity = next((e for e in entities if e.dict_key is None and e.name
                           and name_key(e.name) == name_key(m.text)), None)
        if entity is None:
            canonical = gaz.actors[m.dict_key]["canonical_name"] if m.dict_key else HONORIFICS.sub("", m.text)
            entity = new_entity(canonical, m.actor_type or PERSON, m.dict_key)
        if m.kind == "name":
            entity.add_form(m.text)
        if m.gender and not entity.gender:
            entity.gender = m.gender
        if entity.actor_type == PERSON and not entity.gender and m.kind == "name":
            entity.gender = first_name_gender(m.text)
        m.entity = entity.idx

    for m in names:  # "l'hôte mauritanien X": the nationality written beside a name is the person's
        if m.actor_type == PERSON and m.entity is not None and entities[m.entity].country is None:
            # (within its sentence: "... la capitale autrichienne. L'ambassadeur X" is no Austrian)
            window = re.split(r"[.!?;:\n]", text[max(0, m.start - 30):m.start])[-1]
            words = re.findall(r"[\w'’-]+", window)[-2:]
            country = next((gaz.demonym_country[w.lower()] for w in reversed(words)
                            if w.lower() in gaz.demonym_country), None)
            if country and re.search(r"[\w-]\s*,?\s*$", text[max(0, m.start - 3):m.start]):
                entities[m.entity].country = country
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        if m.kind != "role":
            continue
        entity = _apposed_name(text, ordered, i, entities)
        if entity is not None:
            target = entities[entity]
            target.roles.add(m.role)
            if m.head:
                target.titles.add(m.head)
            target.gender = target.gender or m.gender
            if m.countries and not target.country:
                target.country = m.countries[0]
            m.entity = entity
    for i, m in enumerate(ordered):
        if m.kind != "role" or m.entity is not None:
            continue
        if m.plural and len(m.countries) >= 2:
            members = [_role_holder(entities, new_entity, ordered[:i], m.role, (c,), None, on) for c in m.countries]
            # "ses homologues burkinabè, malien et français": who holds the office, else the country itself
            for k, country in enumerate(m.countries):
                if members[k] is None and gaz.country_actor.get(country):
                    key = gaz.country_actor[country]
                    existing = by_dict.get(key)
                    members[k] = existing.idx if existing is not None else new_entity(
                        gaz.actors[key]["canonical_name"], COUNTRY, key).idx
            m.entities = tuple(dict.fromkeys(e for e in members if e is not None))
            continue
        if m.plural:  # "les responsables", "les ministres": a group, nobody in particular
            continue
        if m.text.split(" ", 1)[0].lower() in ("un", "une"):
            holder = None  # "la visite d'un dirigeant occidental": someone, not the holder of an office
        elif m.former:
            holder = _former_holder(entities, ordered[:i], m, on)
        else:
            holder = _role_holder(entities, new_entity, ordered[:i], _leader_role(m), m.countries, m.gender, on,
                                  head=m.head)
        if holder is None and m.definite:
            holder = _titled_before(entities, ordered[:i], m, text)
        if holder is None and m.definite and not m.former:
            holder = _titled_after(entities, ordered, i, text)
        if holder is None:
            holder = new_entity(None, PERSON, description=m.text).idx
            entities[holder].gender = m.gender
            entities[holder].country = m.countries[0] if m.countries else None
        m.entity = holder
    for m in mentions:  # "franco-britannique": each country, as the side it stands for
        if m.kind == "pair":
            keys = [gaz.country_actor.get(c) for c in m.countries]
            m.entities = tuple((by_dict.get(k) or new_entity(gaz.actors[k]["canonical_name"], COUNTRY, k)).idx
                               for k in keys if k)
    return entities


def _misspelt_surname_of(name: str, entities: list[Entity]) -> Entity | None:
    """'M. Lemiare' after 'Hugo Lemaire': a surname used alone that is one letter away (a letter more,
    less or changed, the first kept) from the surname of exactly one person named in full in the article,
    and of no other person, is that person in another spelling."""
    word = name_key(name)
    if " " in word or len(word) < 6 or HONORIFICS.sub("", name) in first_name_genders():
        return None
    fits = [e for e in entities if e.actor_type == PERSON and e.name and len(e.name.split()) >= 2
            and _one_letter_apart(word, name_key(e.name).split()[-1])]
    return fits[0] if len(fits) == 1 else None


def _one_letter_apart(a: str, b: str) -> bool:
    return a != b and a[0] == b[0] and Levenshtein.distance(a, b) == 1


# what ends the words between a title and a person its complement names ("le conseiller de M. X")
OF_PERSON = re.compile(r"(?:\bde|\bdu|\bdes|\bd['’])\s*(?:(?:M\.|Mme|Mlle|MM\.)\s*)?$")


_COORDINATED = re.compile(r"\s(?:et|ou)\s?$")


def _titled_holder(text: str, mentions: list[Mention], m: Mention, on: date | None) -> str | None:
    """The dictionary key of the one holder, at date `on`, of the office whose title is written just
    before the name `m` ('le pape François', 'le roi Salmane'), if the name's words are words of one of
    that holder's name forms; None when no title comes right before or no single holder fits."""
    title = next((r for r in mentions if r.kind == "role" and r.role and not r.plural and not r.former
                  and r.end <= m.start and not text[r.end:m.start].strip()), None)
    if title is None:
        return None
    words = set(name_key(m.text).split())
    if not words:
        return None
    gaz = gazetteer()
    fits = set()
    for key in gaz.holders(title.role, title.countries[0] if title.countries else None, on):
        row = gaz.actors.get(key, {})
        if any(words <= set(name_key(form).split()) for form in [row.get("canonical_name", ""), *row.get("aliases", [])]):
            fits.add(key)
    return fits.pop() if len(fits) == 1 else None


def _apposed_name(text: str, ordered: list[Mention], i: int, entities=None) -> int | None:
    """The person named right beside a role: 'le président russe Vladimir Poutine', 'X, la ministre ...'
    (not one of another country: 'avec son homologue israélien X, le ministre allemand a dit' is two people)."""
    m = ordered[i]
    # "le chef du Parlement élu et basé dans l'Est, Aguila Saleh": a complement, then the name
    # ("l'ambassadeur de Russie en France, X": the post's place, then the name)
    gap = r",?\s?" if m.role else r"(?:\s(?:de|du|des|d['’]|à|au|aux|en|auprès)[^,.;«»]{0,60})?,?\s?"
    for after in ordered[i + 1:i + 4]:
        between = text[m.end:after.start]
        # "le conseiller de X" is not X; "le patron de Renault et X" are two people
        if after.kind == "name" and after.actor_type == PERSON and re.fullmatch(gap, between) \
                and not OF_PERSON.search(between) and not _COORDINATED.search(between):
            return after.entity
        if after.start - m.end > 70:
            break
    before = ordered[i - 1] if i > 0 else None
    if before and before.kind == "name" and before.actor_type == PERSON and re.fullmatch(r",\s?", text[before.end:m.start]) \
            and not (entities is not None and before.entity is not None and not _gender_ok(entities[before.entity], m.gender)) \
            and not (m.countries and entities is not None and before.entity is not None
                     and entities[before.entity].country and entities[before.entity].country not in m.countries):
        return before.entity
    return None


def _leader_role(m: Mention) -> str | None:
    """'le dirigeant allemand', 'le leader japonais': who leads the country's government, which is the
    head of government where the head of state stands above politics (a monarch, a parliamentary president)."""
    words = load_rules()["role_words"]
    if m.head in words["leader_heads"] and m.role == "head_of_state" and len(m.countries) == 1 \
            and m.countries[0] in words["countries_led_by_head_of_government"]:
        return "head_of_government"
    return m.role


def _role_holder(entities, new_entity, earlier: list[Mention], role, countries, gender, on,
                 head: str | None = None) -> int | None:
    """Entity for a role mention without an apposed name."""
    if role == "counterpart":
        candidates = [e for e in entities if e.actor_type == PERSON and e.name
                      and (not countries or e.country in countries)]
        recent = [mm.entity for mm in reversed(earlier) if mm.entity is not None
                  and mm.entity in {c.idx for c in candidates}]
        # "Le ministre russe X ... Son homologue allemand": the counterpart holds the office of the person
        # named last before it (the one it is the counterpart of), when someone of that country is known for it
        other = next((entities[mm.entity] for mm in reversed(earlier) if mm.entity is not None
                      and entities[mm.entity].actor_type == PERSON and entities[mm.entity].name
                      and mm.entity not in {c.idx for c in candidates}), None)
        offices = {r for r in other.roles if r} if other is not None else set()
        same_office = [e for e in recent if offices & entities[e].roles]
        return (same_office or recent or [None])[0]
    if role is None:
        return None  # "le chef du parti", "la présidente du FN": no office the dictionary can name
    world = gazetteer().world_office_holder(role, on) if not countries else None
    if world is not None:  # "le secrétaire général de l'ONU": an office of no country, one holder
        return _dictionary_holder(entities, new_entity, world, role)
    if not countries:
        # a role without its country names its holder only when the article is about one country
        # ("le chef de l'Etat" in a dispatch about France); otherwise the discourse step finds who it
        # refers to among the people already named
        article_countries = {e.country for e in entities if e.actor_type == COUNTRY and e.country}
        if len(article_countries) != 1:
            return None
        if any(e.name and e.actor_type == PERSON and role in e.roles and e.country is not None
               and e.country not in article_countries for e in entities):
            return None  # "Macron a critiqué Assad. Le chef de l'Etat ...": the story has two, the discourse tells which
        countries = tuple(article_countries)
    holders = [e for e in entities if e.name and role in e.roles and e.country in countries
               and _gender_ok(e, gender)]
    if holders:  # the same role held by someone named in the article: the most talked-about one
        salience = Counter(mm.entity for mm in earlier if mm.entity is not None)
        return max(holders, key=lambda e: (salience[e.idx], -e.idx)).idx
    if head in load_rules()["role_words"]["diplomat_heads"] and countries:
        # "l'ambassadeur de France, X ... a souligné le diplomate français": a compatriot introduced by a
        # title of diplomacy is the diplomat meant, before the minister the dictionary knows
        titles = set(load_rules()["role_words"]["diplomat_titles"])
        for mm in reversed(earlier):
            e = entities[mm.entity] if mm.entity is not None else None
            if e is not None and e.actor_type == PERSON and e.name and e.country in countries \
                    and _gender_ok(e, gender) and e.titles & titles:
                return e.idx
    if role and countries:
        keys = [k for k in gazetteer().holders(role, countries[0], on)
                if gender is None or gazetteer().actors[k].get("gender") in (None, "", gender)]
        if keys:
            return _dictionary_holder(entities, new_entity, keys[0], role)
    if countries:  # a compatriot already named in the article whose office the dictionary does not know
        for mm in reversed(earlier):
            if mm.entity is None:
                continue
            e = entities[mm.entity]
            if e.actor_type == PERSON and e.name and e.country in countries and _gender_ok(e, gender) \
                    and (not e.roles or role in e.roles) and e.dict_key is None:
                return e.idx
    return None


def _dictionary_holder(entities: list[Entity], new_entity, key: str, role: str) -> int:
    """The entity of the dictionary person `key` (made if the article has none yet), holding `role`."""
    entity = next((e for e in entities if e.dict_key == key), None) \
        or new_entity(gazetteer().actors[key]["canonical_name"], PERSON, key)
    entity.roles.add(role)
    return entity.idx


def _former_holder(entities: list[Entity], earlier: list[Mention], m: Mention, on: date | None) -> int | None:
    """'l'ancien chef de l'État': the person named in the article who held that office before the
    article's date (the dictionary says who did), the most talked-about one; nobody new is created."""
    if m.role is None:
        return None
    countries = m.countries or tuple({e.country for e in entities if e.actor_type == COUNTRY and e.country})
    keys = set().union(*(gazetteer().former_holders(m.role, c, on) for c in countries)) if countries else \
        gazetteer().former_holders(m.role, None, on)
    named = [e for e in entities if e.dict_key in keys and _gender_ok(e, m.gender)]
    if not named:
        return None
    salience = Counter(mm.entity for mm in earlier if mm.entity is not None)
    return max(named, key=lambda e: (salience[e.idx], -e.idx)).idx


# a capitalised complement after a title the role words did not take in: a portfolio or body no
# dictionary office is ("le ministre de l'Économie", "la ministre des Sports")
_UNKNOWN_PORTFOLIO = re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)[A-ZÀ-Ý]")


def _titled_before(entities: list[Entity], earlier: list[Mention], m: Mention, text: str = "") -> int | None:
    """'le gouverneur de Tillabéri, X' ... 'a déclaré le gouverneur local': a definite title
    refers back to the last person that title was written beside; not, when a portfolio no dictionary
    office has follows it ('a déclaré le ministre de l'Économie'), to someone known for such an office
    (the foreign minister introduced as 'le ministre des Affaires étrangères')."""
    unknown_office = bool(_UNKNOWN_PORTFOLIO.match(text, m.end)) and m.role is None
    # "le chef du gouvernement" is not back to "l'ancien chef de la diplomatie X": a head noun whose
    # complement names the office refers to someone of that office, not to anyone of another office
    other_office = m.role is not None and bool(_title_complement(m, text))
    for mm in reversed(earlier):
        e = entities[mm.entity] if mm.entity is not None else None
        if e is not None and e.actor_type == PERSON and e.name and m.head in e.titles and _gender_ok(e, m.gender) \
                and (not m.countries or e.country in m.countries) and not (unknown_office and any(e.roles)) \
                and not (other_office and any(e.roles) and m.role not in e.roles):
            if m.role and not m.countries:
                # a title no country qualifies ("le Premier ministre") is the holder of that office the story
                # talks most about, not one titled in passing ("j'en parlerai avec le Premier ministre X")
                salience = Counter(x.entity for x in earlier if x.entity is not None)
                holders = [h for h in entities if h.actor_type == PERSON and h.name and m.role in h.roles
                           and _gender_ok(h, m.gender)]
                best = max(holders, key=lambda h: (salience[h.idx], h.idx == e.idx), default=e)
                if salience[best.idx] > salience[e.idx]:
                    return best.idx
            return e.idx
    return None


def _titled_after(entities: list[Entity], ordered: list[Mention], i: int, text: str) -> int | None:
    """'La présidente du Parti des Travailleurs a dénoncé ... . (...) Clara Vidal, présidente du Parti des
    Travailleurs, ...', 'le ministre moldave ... a souligné le ministre X': a definite title nobody before
    it holds stands for the one person the article introduces later beside the same title noun, of the
    same body when it names one and of no other country; not a former or new holder ('l'ancien ministre
    X', 'la nouvelle présidente, X'), not when two people are so titled."""
    m = ordered[i]
    later = ordered[i + 1:]
    body = _title_body(m.end, later, text, entities)
    own = _title_complement(m, text)
    if not (m.countries or own or body is not None) or _OF_SOME.match(text, m.end):
        return None  # "le président", "le porte-parole d'un groupe": a bare title, or one of some body
    found: set[int] = set()
    for k, mm in enumerate(later):
        if mm.kind == "role" and mm.entity is not None and mm.head == m.head and not mm.plural:
            title_start, title_end = mm.start, mm.end
            complement = _title_complement(mm, text)
        elif mm.kind == "name" and mm.actor_type == PERSON and mm.entity is not None and m.head and m.role is None \
                and (after := re.match(rf",\s*(?:(?:l[ea]|l['’])\s*)?((?:(?!une?\s)[\w'’-]+\s+)?){re.escape(m.head)}(?![\w-])"
                                       r"([^,.;:()«»\"]{0,60})", text[mm.end:mm.end + 120], re.IGNORECASE)) is not None:
            title_start, title_end = mm.end, mm.end + after.end(1) + len(m.head)
            complement = _without_demonyms(after.group(2))
        else:
            continue
        # "le chef de l'Etat" is not "le chef de la diplomatie", "le président de la République" not
        # "le président américain": an office the dictionary knows only as that office, of that country
        if own and not complement.startswith(own) or m.role is not None and (
                mm.kind != "role" or mm.role != m.role or set(mm.countries) != set(m.countries)):
            continue
        e = entities[mm.entity]
        if e.actor_type != PERSON or not e.name or not _gender_ok(e, m.gender):
            continue
        if mm.former or _CHANGED_HOLDER.search(text, title_start, title_end):
            continue
        if m.countries and (e.country and e.country not in m.countries
                            or mm.kind == "role" and mm.countries and not set(mm.countries) & set(m.countries)):
            continue
        other = _title_body(title_end, later[k + 1:], text, entities)
        if body is not None and other != body and not (other is None and m.countries):
            continue  # (a title of a country's body, "le ministre égyptien de l'Aviation civile", may
            # come back without its body: "le ministre X")
        found.add(e.idx)
    return found.pop() if len(found) == 1 else None


# a title its holder just took, will take or holds for a while: not the one who held it before
_CHANGED_HOLDER = re.compile(r"\b(?:nouveaux?|nouvelles?|nouvel|futur|future|prochaine?|ex|ancienne?|"
                             r"intérimaire|par intérim)\b", re.IGNORECASE)
_OF_SOME = re.compile(r"\s+(?:d['’]|de\s+)(?:une?|plusieurs|certains|certaines)\s", re.IGNORECASE)
_OF_BODY = re.compile(r"(?:\s+[\w'’-]+)?\s+(?:de la |de l['’]|du |des |de |d['’])$")


def _title_body(end: int, later: list[Mention], text: str, entities: list[Entity]) -> int | None:
    """The body or place named right after a title ('présidente du Parti des Travailleurs'), if any."""
    for mm in later[:2]:
        if mm.start - end > 40:
            break
        if mm.kind == "name" and mm.entity is not None and entities[mm.entity].actor_type != PERSON \
                and _OF_BODY.match(text[end:mm.start]):
            return mm.entity
    return None


def _title_complement(m: Mention, text: str) -> str:
    """The words after a title's head noun in its mention, without country adjectives ('de l'agriculture')."""
    words = text[m.start:m.end]
    k = words.lower().find(m.head.lower()) if m.head else -1
    return _without_demonyms(words[k + len(m.head):]) if k >= 0 else ""


def _without_demonyms(words: str) -> str:
    """The words lower-cased and spaced once, without the country adjectives ('moldave de l'Agriculture'
    -> "de l'agriculture")."""
    demonyms = gazetteer().demonym_country
    return " ".join(w for w in words.lower().replace("’", "'").split() if w not in demonyms)


def _gender_ok(entity: Entity, gender: str | None) -> bool:
    return gender is None or entity.gender is None or entity.gender == gender


def is_subject_position(text: str, m: Mention) -> bool:
    """False when the mention sits in a prepositional phrase ('reconnu par l'ONU', 'du Parlement')."""
    preps = load_rules()["non_subject_prepositions"]
    before = re.search(r"([\w'’]+)\s*(?:(?:le|la|les|l['’])\s*)?$", text[max(0, m.start - 30):m.start])
    return not (before and before.group(1).lower() in preps)


def _surname(name: str) -> str:
    """'Marine Le Pen' -> 'Le Pen', 'Ursula von der Leyen' -> 'von der Leyen', else the last word."""
    words = name.split()
    particles = _name_particles()
    for i in range(1, len(words) - 1):
        if words[i] in particles:
            return " ".join(words[i:])
    return words[-1]


def _without_title(name: str) -> str:
    """'Cheikh Tamim' -> 'Tamim': a title said before a name ('Prince Harry', 'Ayatollah X') is no part of it."""
    words = name.split(maxsplit=1)
    return words[1] if len(words) == 2 and words[0] in load_rules()["name_titles"] else name


@functools.cache
def _name_particles() -> frozenset[str]:
    return frozenset(load_rules()["name_particles"])


@functools.cache
def _joined_particles() -> str:
    """The lowercase particles a surname is joined to by a hyphen ('al-Zayani', 'el-Sadate'), as a regex."""
    words = {p.rstrip("-") for p in load_rules()["name_particles"] if p.endswith("-")}
    return f"(?:{alternation(sorted(words))})"


def _initials(name: str) -> str | None:
    """'Dominique Strauss-Kahn' -> 'DSK': the capitals of a name of three words or more, by which the
    press may call a person ('IBK', 'AMLO')."""
    words = re.split(r"[\s-]+", HONORIFICS.sub("", name).strip())
    particles = _name_particles()  # 'Mohammed ben Salmane' -> 'MBS'
    if len(words) < 3 or not all(w[:1].isupper() or w in particles for w in words):
        return None
    return "".join(strip_accents(w[0]).upper() for w in words)


def short_form_mentions(text: str, mentions: list[Mention], entities: list[Entity],
                        skip: list[tuple[int, int]]) -> list[Mention]:
    """A surname (or a Korean family name) used alone after the full name, even where NER missed it."""
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for e in entities:
        if e.actor_type != PERSON or not e.name or len(e.name.split()) < 2:
            continue
        # in a fixed order (not a set's): the forms list is stored and must not change between runs
        forms = [_surname(e.name), e.name.split()[0], *(_surname(f) for f in e.forms if " " in f)]
        initials = _initials(e.name)
        for form in dict.fromkeys([*forms, *([initials] if initials else [])]):
            if len(form) < 3 or not form[0].isupper() or gazetteer().lookup(form) is not None:
                continue
            for start in word_occurrences(text, form):
                end = start + len(form)
                if not _overlaps((start, end), taken) and not in_spans(start, skip):
                    out.append(Mention(start, end, form, "name", PERSON, e.dict_key, entity=e.idx))
                    e.add_form(form)
                    taken.append((start, end))
    return out
