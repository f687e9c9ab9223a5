"""Reporting frames read from the dependency parse: a cue (verb of saying, 'selon X'), its speaker
phrase and the reported content, as character spans.

A frame is found in four word orders, each read from the tree with the word order as a check (the
parser of a small model gets the attachment of long clauses wrong more often than their order):

* canonical   "X a déclaré (à la presse) que Y"       subject before the cue, content after it
* incise      "Y, a déclaré X" / "Y, a-t-il ajouté"   content before, subject inverted after the cue
* participle  "..., ajoutant que Y" / "en soulignant" the subject is that of the governing verb
* source      "selon X, Y" / "Y, d'après X"           a preposition that names the source

The complements a cue takes (que-clause, infinitive, de/à + infinitive, noun phrase) are data in
the lexicon (`reporting_verbs`). Speakers are phrases here; who they are (a name, a role, a pronoun)
is decided later, with the article's mentions.
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .parse_repair import INVERTED_CLITICS
from .rules import first_name_genders, load_rules, verb_forms
from .text import span_text

if not Doc.has_extension("reporting_frames"):
    Doc.set_extension("reporting_frames", default=[])

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj", "csubj")
INVERTED_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "obj", "appos", "expl:subj", "iobj", "nmod", "obl:arg", "dep",
                         "obl:agent")
CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "parataxis", "conj", "acl", "acl:relcl", "csubj")
QUOTE_OPEN = "«“\"‹„"
QUOTE_CLOSE = "»”\"›“"


@dataclass
class Frame:
    """One reporting frame; all positions are character offsets into the doc's text."""
    kind: str  # canonical | incise | participle | source | colon
    lemma: str
    cue: tuple[int, int]
    speaker: tuple[int, int] | None  # the speaker phrase (head noun phrase, appositions kept)
    speaker_head: int | None  # offset of the phrase's head token
    contents: list[tuple[int, int]] = field(default_factory=list)
    negated: bool = False
    passive: bool = False
    nominal: bool = False  # the content is a bare noun phrase ("a salué les progrès"), not a clause
    borrowed_subject: bool = False  # the verb has no subject of its own (coordination, participle)

    def as_row(self) -> tuple:
        return (self.kind, self.lemma, self.cue, self.speaker, self.speaker_head, tuple(self.contents),
                self.negated, self.passive, self.nominal)

    @classmethod
    def from_row(cls, row) -> Frame:
        kind, lemma, cue, speaker, head, contents, negated, passive, nominal = row
        return cls(kind, lemma, tuple(cue), tuple(speaker) if speaker else None, head,
                   [tuple(c) for c in contents], negated, passive, nominal)


# ------------------------------------------------------------------------------------------ lexicon


@dataclass(frozen=True)
class CueSpec:
    lemma: str
    complements: frozenset[str]
    particle: str | None = None  # "faire valoir": the verb 'faire' governs 'valoir'
    clitic: str | None = None  # "s'en prendre à": the clitic the verb needs before it
    adjective: bool = False  # "être convaincu que": a predicate adjective, not a verb
    dative: frozenset[str] | None = None  # complements left with a dative clitic ("lui rappelle X": remind)
    not_reflexive: bool = False  # "qui s'exprimait sur France Inter": the reflexive verb reports nothing


@functools.cache
def cue_lexicon() -> tuple[dict[str, CueSpec], dict[str, CueSpec]]:
    """(inflected form -> spec, lemma -> spec) for every reporting verb of the lexicon.

    Multi-word cues ("faire valoir", "mettre en garde") are indexed by their words joined by a
    space, from the inflected verb on; predicate adjectives ("convaincu que") by their forms.
    """
    by_form: dict[str, CueSpec] = {}
    by_lemma: dict[str, CueSpec] = {}
    for lemma, spec in load_rules()["reporting_adjectives"].items():
        entry = CueSpec(f"être {lemma}", frozenset(spec["complement"]), adjective=True)
        by_lemma[entry.lemma] = entry
        for form in {lemma, lemma + "e", lemma + "s", lemma + "es", *spec.get("forms", ())}:
            by_form.setdefault(form, entry)
    for lemma, spec in load_rules()["reporting_verbs"].items():
        complements = frozenset(spec.get("complement", ()))
        if spec.get("clitic"):  # "s'en prendre": the verb 'prendre' after the clitics 's'' and 'en'
            entry = CueSpec(lemma, complements, clitic=spec["clitic"])
            by_lemma[lemma] = entry
            for form in verb_forms(lemma.split()[-1], spec.get("forms", [])):
                by_form.setdefault(form.lower(), entry)
            continue
        words = lemma.replace("’", "'").split()
        reflexive = words[0] in ("se", "s'") or lemma.startswith(("s'", "s’"))
        base = lemma[3:] if lemma.startswith("se ") else lemma[2:] if lemma.startswith(("s'", "s’")) else lemma
        if " " in base:
            head, rest = base.split(" ", 1)
            entry = CueSpec(lemma, complements, particle=rest)
            by_lemma[lemma] = entry
            for form in verb_forms(head, [f.split()[0] for f in spec.get("forms", ())]):
                by_form.setdefault(f"{form.lower()} {rest}", entry)
            continue
        dative = frozenset(spec["dative_complement"]) if "dative_complement" in spec else None
        entry = CueSpec(lemma, complements, dative=dative, not_reflexive=bool(spec.get("not_reflexive")))
        by_lemma[lemma] = entry
        by_lemma.setdefault(base, entry)
        for form in verb_forms(base, [f for f in spec.get("forms", ()) if " " not in f]):
            by_form.setdefault(form.lower(), entry)
        if reflexive:
            by_form.setdefault(base.lower(), entry)
    return by_form, by_lemma


@functools.cache
def _attribute_reflexives() -> frozenset[str]:
    """Verbs whose reflexive form says a participle of its subject ("se dire" → "s'est dit déçu"): their
    plain forms ("dit") are indexed under the plain verb."""
    by_lemma = cue_lexicon()[1]
    return frozenset(lemma.split(" ", 1)[1] for lemma, spec in by_lemma.items()
                     if lemma.startswith("se ") and "attribute" in spec.complements)


def _reflexive(verb: Token) -> bool:
    """A reflexive clitic before the verb, over its auxiliary and adverbs ("s'est par ailleurs réjoui"),
    wherever the parser hung it."""
    doc = verb.doc
    if any(c.lower_ in ("se", "s'", "s’") and c.i < verb.i for c in verb.children):
        return True
    for t in reversed(doc[max(verb.sent.start, verb.i - 7):verb.i]):
        if t.lower_ in ("se", "s'", "s’"):
            return True
        if not (t.pos_ in ("AUX", "ADV") or t.lower_ in ("ne", "n'", "n’", "pas", "en", "y")
                or t.text.startswith("-")  # "s'est-il réjoui"
                or t.pos_ == "ADP" and t.i + 1 < verb.i and doc[t.i + 1].pos_ == "ADV"):
            return False
    return False


@functools.cache
def _frame_words() -> dict:
    return load_rules()["frames"]


@functools.cache
def _audience_nouns() -> frozenset[str]:
    """Who words are said to or through: the press, a medium ('devant la presse', 'à la radio')."""
    rules = load_rules()
    return frozenset(rules["meeting_triggers"]["press_heads"] + rules["speakers"]["media_heads"]
                     + rules["frames"]["audience_nouns"])


@functools.cache
def _governor_forms() -> frozenset[str]:
    """Inflected forms of the verbs that let an infinitive cue report ('a tenu à souligner')."""
    forms: set[str] = set()
    for lemma, extra in _frame_words()["infinitive_governors"].items():
        base = lemma[3:] if lemma.startswith("se ") else lemma[2:] if lemma.startswith(("s'", "s’")) else lemma
        forms |= {f.lower() for f in verb_forms(base, extra or [])}
    return frozenset(forms)


@functools.cache
def _purpose_governor_forms() -> frozenset[str]:
    """Forms of the verbs of gathering and speaking out after which 'pour X' says what was said
    ('ont défilé pour réclamer', 'a pris la parole pour dénoncer')."""
    forms: set[str] = set()
    for lemma, extra in _frame_words()["purpose_governors"].items():
        base = lemma[3:] if lemma.startswith("se ") else lemma[2:] if lemma.startswith(("s'", "s’")) else lemma
        forms |= {f.lower() for f in verb_forms(base, extra or [])}
    return frozenset(forms)


def _ids(words) -> frozenset[int]:
    """The string-store keys of words: a token's LOWER is the key of its `lower_`."""
    return frozenset(get_string_id(w) for w in words)


def _lower_keys(doc: Doc) -> list[int]:
    """Every token's LOWER key, from the token array: the passes over the whole doc test these
    against the keys of the words they look for and make a Token object only where one may match
    (a Token, or a string looked up per token, costs more than the rest of the test)."""
    return doc.to_array(LOWER).tolist()


@functools.cache
def _cue_form_ids() -> frozenset[int]:
    """Keys of every lower-case form _spec_for maps to a spec: the lexicon's forms, with any of
    their apostrophes typographic (it reads "’" as "'")."""
    by_form, _ = cue_lexicon()
    variants = set()
    for form in by_form:
        parts = form.split("'")
        for marks in itertools.product("'’", repeat=len(parts) - 1):
            variants.add(parts[0] + "".join(m + p for m, p in zip(marks, parts[1:])))
    return _ids(variants)


def _cue_candidates(doc: Doc, keys: list[int]) -> list[int]:
    """Indices of the tokens _spec_for may find a spec for (its look-ups, on keys first)."""
    _, by_lemma = cue_lexicon()
    forms = _cue_form_ids()
    strings = doc.vocab.strings
    return [i for i, (key, lemma) in enumerate(zip(keys, doc.to_array(LEMMA).tolist()))
            if key in forms or lemma and strings[lemma].lower() in by_lemma]


def _spec_for(token: Token) -> CueSpec | None:
    by_form, by_lemma = cue_lexicon()
    form = token.lower_.replace("’", "'")
    spec = by_form.get(form)
    if spec is None and token.lemma_:
        spec = by_lemma.get(token.lemma_.lower())
    if spec is not None and spec.lemma.startswith("se ") and not spec.clitic and not _reflexive(token):
        return None  # "les États dits « frugaux »": a form of "se dire" with no clitic says nothing
    return spec


# ------------------------------------------------------------------------------------------ helpers


def _is_verbal(token: Token) -> bool:
    """A verb the parser may have tagged ADJ (participles), NOUN ('estime') or AUX."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    if token.pos_ == "X" and any(c.dep_.startswith("aux") for c in token.children):
        return True  # "a tweeté": a word the tagger does not know, with its auxiliary
    if token.pos_ in ("ADJ", "NOUN", "PROPN") and token.dep_ not in ("det", "case", "fixed"):
        # 'estime' or 'note' tagged as a noun: a verb when no determiner governs it or stands before it
        if any(c.dep_ == "det" for c in token.children):
            return False
        before = token.nbor(-1) if token.i > 0 else None
        return before is None or before.pos_ not in ("DET", "ADP", "NUM") and before.lower_ not in ("de", "d'", "du")
    return False


def _aux_children(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_.startswith("aux") or (c.pos_ == "AUX" and c.i < token.i
                                                                         and c.dep_ in ("cop", "dep"))
            or _untagged_auxiliary(c, token)]


@functools.cache
def _auxiliary_forms() -> frozenset[str]:
    return frozenset(w for w in load_rules()["auxiliaries"] if " " not in w and "'" not in w and "’" not in w)


def _untagged_auxiliary(child: Token, token: Token) -> bool:
    """'a tweeté': before a participle the tagger does not know, 'a' is left a word of no class (X);
    it is still the participle's auxiliary."""
    return child.pos_ == "X" and child.i < token.i and child.lower_ in _auxiliary_forms()


def _set_phrase_ending_at(doc: Doc, j: int) -> int:
    """Length in tokens of an adverbial set phrase ('quant à elle', 'de son côté') whose last token is j, or 0."""
    return next((n for n in (4, 3, 2) if j - n + 1 >= 0 and _set_phrase_at(doc, j - n + 1, j + 1) == n), 0)


def _detached_auxiliary(token: Token) -> Token | None:
    """'L'Elysée a de son côté précisé que': the auxiliary a set phrase or adverbs part from its
    participle, which the parser then hangs on the phrase's noun."""
    doc = token.doc
    if "Part" not in token.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in token.children):
        return None
    j = token.i - 1
    while j > token.sent.start and token.i - j <= 8 and not doc[j].is_punct:
        inner = _set_phrase_ending_at(doc, j)
        if inner:
            j -= inner
        elif doc[j].pos_ == "ADV" and doc[j].lower_ not in ("ne", "n'", "pas", "jamais", "plus"):
            j -= 1
        else:
            break
    if j == token.i - 1 or doc[j].lower_ not in _auxiliary_forms() or "Fin" not in doc[j].morph.get("VerbForm"):
        return None
    return doc[j]


# the verb groups found so far, by token, for each doc find_frames is reading (by the doc's id, while it
# reads it): the passes ask for the group of the same verbs again and again
_VERB_GROUPS: dict[int, dict[int, tuple[int, int]]] = {}


def _verb_group(token: Token) -> tuple[int, int]:
    """Token range of the cue's verb group: auxiliaries, clitics, negation and the verb."""
    groups = _VERB_GROUPS.get(id(token.doc))
    if groups is None:
        return _find_verb_group(token)
    group = groups.get(token.i)
    if group is None:
        group = groups[token.i] = _find_verb_group(token)
    return group


def _find_verb_group(token: Token) -> tuple[int, int]:
    doc = token.doc
    start, end = token.i, token.i + 1
    members = {c.i for c in token.children if c.i < token.i and (
        c.dep_.startswith("aux") or c.dep_ in ("expl:comp", "expl:pv", "cop") or _untagged_auxiliary(c, token)
        or c.lower_ in ("ne", "n'", "se", "s'", "pas", "jamais") or c.dep_ == "advmod"
        # "l'avait mis en garde X", "lui a lancé X": an object clitic inside the group
        or c.pos_ == "PRON" and c.dep_ in ("obj", "iobj") and c.lower_ in _OBJECT_CLITICS)}
    detached = _detached_auxiliary(token)
    if detached is not None:
        members.add(detached.i)
    # the group runs left over its own words only, never over punctuation ('partout", raconte X')
    j = token.i - 1
    while j >= 0 and token.i - j <= 8 and not doc[j].is_punct:
        # "a quant à elle jugé": a set phrase inside the group
        inner = _set_phrase_ending_at(doc, j)
        if inner:
            j -= inner
            continue
        if not (
            j in members or doc[j].lower_ in ("-t", "-il", "-elle", "-ils", "-elles", "-on")
            or doc[j].pos_ == "ADV" and j - 1 in members):
            break
        if j in members or doc[j].pos_ != "ADV":
            start = j
        elif any(m < j for m in members):
            start = j
        j -= 1
    start = min(start, token.i)
    # "a-t-il déclaré": the clitic subject sits inside the group, after the auxiliary
    while end < len(doc) and doc[end].lower_ in INVERTED_CLITICS:
        end += 1
    return start, end


_OBJECT_CLITICS = frozenset({"l'", "l’", "le", "la", "les", "lui", "leur", "me", "m'", "te", "t'", "nous", "vous"})


def _negated(token: Token) -> bool:
    words = _frame_words()["negation"]
    doc = token.doc
    for child in token.children:
        if child.lower_ in words and child.i < token.i + 3 and not any(
                t.is_punct for t in doc[min(child.i, token.i) + 1:max(child.i, token.i)]):
            # (not a "pas" of the quoted words the parser hung on the verb: « Ce n'est qu'un premier pas »,
            # estime X); "ne ... que" restricts, it does not negate; "n'a cessé de" negates the other verb
            return not any(c.lower_ == "que" and c.dep_ in ("advmod", "fixed") for c in token.children)
    return False


def _clitic_subject(doc: Doc, start: int, end: int) -> Token | None:
    for token in doc[start:end + 1]:
        if token.lower_ in ("-il", "-elle", "-ils", "-elles", "-on"):
            return token
    return None


def _noun_phrase(token: Token, start_at: int | None = None, stop_at: int | None = None) -> tuple[int, int]:
    """Character span of the phrase a token heads, without relative clauses, leading prepositions and
    what lies outside [start_at, stop_at)."""
    doc = token.doc
    keep = [token]
    for child in token.children:
        if child.dep_ in ("acl:relcl", "acl", "parataxis", "ccomp", "advcl", "conj", "cc") and child.i > token.i:
            continue
        if child.dep_ == "cc" or child.i > token.i and child.left_edge.lower_ in ("à", "au", "aux") \
                and not _ends_in_name(child):
            continue  # "mais X", "un porte-parole à l'AFP": not part of who speaks
        keep.extend(child.subtree)
    left = min(t.i for t in keep)
    right = max(t.i for t in keep)
    if start_at is not None:
        left = max(left, start_at)
    if stop_at is not None:
        right = min(right, stop_at - 1)
    right = max(right, token.i) if stop_at is None or token.i < stop_at else right
    left = min(left, token.i) if start_at is None or token.i >= start_at else left
    while left < right and (doc[left].is_punct or doc[left].dep_ in ("case", "cc", "fixed")
                            or doc[left].pos_ in ("ADP", "CCONJ")):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    if right > left and doc[right].lower_ == "qui" and doc[right].head.dep_ == "acl:relcl":
        right -= 1  # "les représentants de X, qui ont": the relative pronoun of a clause on a noun inside
        while right > left and doc[right].is_punct:
            right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _ends_in_name(token: Token) -> bool:
    """'le secrétaire au Trésor américain John Smith': the parser hangs the holder's name on the
    office's complement; the complement then belongs to who speaks."""
    return any(c.dep_ in ("appos", "flat:name") and c.i > token.i
               and (c.ent_type_ == "PER" and c.ent_iob_ == "B" or c.text in first_name_genders())
               for c in token.children)


def _sentence_bounds(token: Token) -> tuple[int, int]:
    sent = token.sent
    return sent.start, sent.end


def _starts_person_name(token: Token) -> bool:
    """A capitalised token the recogniser starts a person's name at, whatever tag the tagger gave it."""
    return token.ent_type_ == "PER" and token.ent_iob_ == "B" and token.text[:1].isupper()


def _skip_adverbials(doc: Doc, i: int, limit: int, content_preps: frozenset[str] = frozenset()) -> int:
    """First token at or after `i` that is not an adverb, a time word, a comma-enclosed aside or a
    prepositional phrase of manner or addressee ('à la presse', 'dans un communiqué', 'mardi').
    A preposition in `content_preps` opens the content ('appeler à', 'insister sur')."""
    words = _frame_words()
    while i < limit:
        t = doc[i]
        if "en faveur" in content_preps and t.lower_ == "en" and i + 1 < limit and doc[i + 1].lower_ == "faveur":
            return i  # "plaider en faveur de X": the content, as after "pour"
        phrase = _set_phrase_at(doc, i, limit)
        if phrase:
            i += phrase
            continue
        if t.pos_ != "ADP" and t.lower_ in words["adverbial_prepositions"] and t.lower_ not in words["time_nouns"] \
                and i + 1 < limit and doc[i + 1].pos_ == "ADP" and doc[i + 1].lower_ in _A_DE:
            # "auprès de l'agence", "face à la presse": the tagger makes the first word an adverb
            end = _phrase_end(doc, doc[i + 1], limit)
            if end is None:
                return i
            i = end
            continue
        if t.pos_ == "ADV" and t.lower_ not in ("que", "qu'", "ne", "n'", "pas", "plus", "jamais") \
                and not _starts_person_name(t):
            i += 1  # (not a name the tagger took for an adverb: "..., explique Macron avant de")
            continue
        if t.is_space:  # a doubled space in scraped text is a token of its own
            i += 1
            continue
        if t.lower_ in words["skippable_words"] and not (t.pos_ == "DET" and t.dep_ == "det"):
            # "tout" is skipped as an adverb ("a tout de suite dit") but opens the content as a
            # determiner ("a exclu tout report")
            i += 1
            continue
        if t.text == ",":  # ", à la fin de leur entretien, ": an aside between commas
            close = next((j for j in range(i + 1, min(limit, i + 25)) if doc[j].text == ","), None)
            if close is not None and not any(doc[j].lower_ in ("que", "qu'") for j in range(i, close)):
                i = close + 1
                continue
            i += 1
            continue
        if t.pos_ == "ADP" and t.lower_ in words["adverbial_prepositions"] and t.lower_ not in content_preps:
            end = _phrase_end(doc, t, limit)
            if end is None:
                return i
            i = end
            continue
        if t.lower_ in words["time_nouns"]:  # the tagger makes "dimanche" a verb now and then
            i += 1
            continue
        if _period_at(doc, i, limit):  # "fin mai", "début 2020", "mi-mars"
            i += _period_at(doc, i, limit)
            continue
        if t.lower_ in ("ce", "cet", "cette") and i + 1 < limit and doc[i + 1].lower_ in words["time_nouns"]:
            i += 2  # "ce vendredi", "cette semaine"
            continue
        if t.like_num and i + 1 < limit and doc[i + 1].lower_ in words["time_nouns"]:
            i += 2  # "10 juin"
            continue
        if t.lower_ in ("le", "la", "l'", "l’", "les") and (after := _definite_time_end(doc, i + 1, limit)):
            i = after  # "la veille", "la semaine dernière", "le 3 mars": then "que" or an infinitive
            continue
        return i
    return i


def _definite_time_end(doc: Doc, i: int, limit: int) -> int | None:
    """End of a time phrase after a definite article ('[la] semaine dernière', '[le] 3 mars 2020'), when a
    content's opening follows it; else None ("a salué la journée historique" names its content)."""
    words = _frame_words()
    if i < limit and doc[i].like_num:
        i += 1
    if not (i < limit and doc[i].lower_ in words["time_nouns"]):
        return None
    i += 1
    while i < limit and (doc[i].lower_ in words["time_noun_modifiers"] or doc[i].like_num and len(doc[i].text) == 4):
        i += 1
    if i < limit and (doc[i].lower_ in ("que", "qu'", "qu’", ",", ":") or _infinitive_at(doc, i)):
        return i
    return None


def _period_at(doc: Doc, i: int, limit: int) -> int:
    """Length of a period phrase at i ('fin mai', 'début 2020', 'mi-mars', 'mi - mars'), else 0."""
    words = _frame_words()
    periods, times = words["period_words"], words["time_nouns"]
    t = doc[i]
    if t.lower_.startswith("mi-") and t.lower_[3:] in times:
        return 1
    j = i
    if t.lower_ in periods:
        j += 1
        if j < limit and doc[j].text in ("-", "–"):
            j += 1
        if j < limit and (doc[j].lower_ in times or doc[j].like_num and len(doc[j].text) == 4):
            return j - i + 1
    return 0


@functools.cache
def _set_phrases() -> tuple[tuple[int, frozenset[str]], ...]:
    """(length in tokens, phrases), longest first."""
    by_length: dict[int, set[str]] = {}
    for phrase in _frame_words()["adverbial_phrases"]:
        by_length.setdefault(len(phrase.replace("'", "' ").replace("’", "’ ").split()), set()).add(phrase.lower())
    return tuple(sorted(((n, frozenset(v)) for n, v in by_length.items()), reverse=True))


@functools.cache
def _set_phrase_prefixes() -> frozenset[str]:
    """Every prefix of every set phrase: the first token of a match is one of them."""
    return frozenset(p[:k] for _, phrases in _set_phrases() for p in phrases for k in range(1, len(p) + 1))


def _set_phrase_at(doc: Doc, i: int, limit: int) -> int:
    """Length in tokens of an adverbial set phrase ('quant à lui', 'de son côté') starting at i, or 0."""
    # called at most tokens of a cue's neighbourhood: most first words start no phrase, and
    # looking that up is cheaper than the spans' text
    if i >= limit or doc[i].lower_ not in _set_phrase_prefixes():
        return 0
    for n, phrases in _set_phrases():
        if i + n <= limit and span_text(doc, i, i + n).lower() in phrases:
            return n
    return 0


_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})


def _phrase_end(doc: Doc, prep: Token, limit: int) -> int | None:
    """Token after the prepositional phrase `prep` opens: the subtree of the noun it marks, never
    past a 'que' (the parser hangs que-clauses on the noun before them), else the noun group."""
    head = prep.head
    if head.i > prep.i and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and head.i - prep.i <= 6:
        end = max(t.i for t in head.subtree) + 1
        for j in range(prep.i + 1, min(end, limit)):
            if doc[j].lower_ in ("que", "qu'") or doc[j].text in (",", ":") or doc[j].text in QUOTE_OPEN:
                end = j
                break
            if doc[j].lower_ in ("de", "d'", "d’") and doc[j].dep_ == "mark" and "Inf" in doc[j].head.morph.get("VerbForm"):
                end = j  # "a conseillé à ses ressortissants | de ne pas partir": the clause is the content
                break
            if j > prep.i + 2 and doc[j].lower_ in ("le", "la", "les", "l'", "l’") and doc[j - 1].pos_ == "NOUN" \
                    and doc[j - 2].lower_ in _POSSESSIVES and j + 1 < limit and doc[j + 1].text[:1].isupper():
                end = j  # "promettait dans son éditorial le Figaro": a noun of its own after "son éditorial"
                break
            if j > prep.i + 1 and doc[j].ent_iob_ == "B" and doc[j].ent_type_ == "PER" and (
                    doc[j - 1].pos_ == "PROPN" and doc[j - 1].ent_type_ != "PER"
                    or doc[j - 1].lower_ in _audience_nouns()):
                # "a écrit sur Twitter Thierry Mariani", "a déclaré devant la presse X": the parser
                # hangs the speaker on the medium or the audience
                end = j
                break
        while end < limit and doc[end].like_num and doc[end - 1].pos_ == "PROPN" and doc[end - 1].text[:1].isupper():
            end += 1  # "sur Europe 1", "à France 2": the number ends the channel's name
        return min(end, limit) if end > prep.i + 1 else None
    j = prep.i + 1
    seen_noun = False
    while j < limit and doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"):
        if seen_noun and doc[j].pos_ in ("DET", "PRON"):
            break
        seen_noun = seen_noun or doc[j].pos_ in ("NOUN", "PROPN", "PRON")
        j += 1
    return j if seen_noun else None


def _clause_end(doc: Doc, start: int, limit: int, stops: set[int], carry_contrast: bool = False) -> int:
    """Token index where a content that begins at `start` ends: the sentence end, a semicolon, a
    dash aside, or the comma before another frame's cue or source (`stops`). With `carry_contrast`, a
    contrasting clause (", mais B", ", tandis que B") goes on with the content."""
    contrast = _frame_words()["contrast_openers"] if carry_contrast else ()
    depth = 0
    quote_open = None
    aside_end = -1
    for i in range(start, limit):
        t = doc[i]
        if i <= aside_end:
            continue
        if t.text in _DASHES and i > start and doc[i - 1].whitespace_ and quote_open is None and not depth:
            # "que le bilan – plus de 300 morts – aurait pu être évité": a dash aside the clause goes on after;
            # an unpaired dash, or one whose pair closes the sentence, ends the content
            close = next((j for j in range(i + 1, limit) if doc[j].text == t.text), None)
            # (not an aside with a verb of its own: "– qui ne fait aucun doute –")
            if close is not None and close > i + 1 and any(not doc[j].is_punct for j in range(close + 1, limit)) \
                    and not any(_finite(doc[j]) for j in range(i + 1, close)) and _predicate_after(doc, close + 1, limit):
                aside_end = close
                continue
            return i
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(0, depth - 1)
        if quote_open is None and t.text in QUOTE_OPEN and (t.text != '"' or _opens_quote(doc, i)):
            quote_open = t.text
            continue
        if quote_open is not None:
            if t.text in QUOTE_CLOSE and (quote_open != '"' or t.text == '"'):
                quote_open = None
            continue
        if depth:
            continue
        if t.text in (";", ":") and i > start:
            return i
        if t.text == "," and i + 1 in stops and not _subject_aside_before(doc, start, i):
            return i
        if i in stops and i > start and doc[i - 1].lower_ in ("et", "mais", "puis"):
            return i - 1  # "a déclaré X et ajouté que Y": the second cue begins its own frame
        if i in stops and i > start + 1 and doc[i - 1].lower_ in _frame_words()["coordinated_subject_clitics"] \
                and doc[i - 2].lower_ in ("et", "mais", "puis"):
            return i - 2  # "... mais il craint que Y": a new subject and its cue, a frame of its own
        if i in stops and i > start and (cut := _before_coordinated_speaker(doc, start, i)) is not None:
            return cut  # "... à la mi-juillet mais la semaine dernière, X a prévenu que Y": X's own frame
        if i in stops and i > start and doc[i].lower_ in ("en", "tout"):
            return i  # "... en proposant X", "... tout en admettant que Y": a gerund, a frame of its own
        if t.text == "," and i > start and any(span_text(doc, i + 1, i + 1 + len(w.split())).lower() == w for w in contrast):
            continue
        if i > start and t.lower_ == "tandis" and i + 1 < limit and doc[i + 1].lower_ in ("que", "qu'", "qu’") \
                and not contrast:
            return i  # "a appelé X à céder tandis que Y a souligné ...": another subject's act, told beside it
        if t.text == "," and i > start and (_ce_que_before(doc, i + 3) or span_text(doc, i + 1, i + 3).lower() == "ce qui"):
            return i  # "..., ce qu'a démenti X": the narrator's comment on what was said
        if t.text == "," and i > start and _aside_then_purpose(doc, start, i, limit):
            continue  # "sur X, dont il est l'allié, afin de favoriser Y": the aside's comma, the purpose goes on
        if t.text == "," and i > start and _opens_adjunct(doc, i + 1, limit) \
                and (close := _medial_adjunct_close(doc, start, i, limit)) is not None:
            aside_end = close  # "qu'il renonçait, en raison de la pandémie, à organiser X": the clause goes on
            continue
        if t.text == "," and i > start and (_opens_adjunct(doc, i + 1, limit) or _absolute_clause(doc, i + 1, limit)
                                            or _new_main_clause(doc, start, i + 1, limit)):
            return i
    return limit


def _subject_aside_before(doc: Doc, start: int, comma: int) -> bool:
    """'qu'une trentaine d'ONG, réunies au sein du réseau, avaient annoncé X': the cue after the comma has its
    subject inside the content, and the comma closes an aside (a participle, a relative clause, an apposition
    set off by commas) on that subject: the comma is the aside's, the cue's clause is part of the content."""
    verb = doc[comma + 1]
    while verb.dep_.startswith("aux") and verb.head.i > verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and start <= c.i < comma), None)
    if subject is None or max(t.i for t in subject.subtree) != comma - 1:
        return False
    aside = next((c for c in subject.children if c.i > subject.i and c.dep_ in ("acl", "acl:relcl", "appos")), None)
    return aside is not None and doc[aside.left_edge.i - 1].text == "," and aside.left_edge.i - 1 > subject.i


def _aside_then_purpose(doc: Doc, start: int, comma: int, limit: int) -> bool:
    """'à faire pression sur X, dont il est un allié, afin de favoriser Y': the comma at `comma` closes a
    relative clause or an apposition set off by commas on a noun of the content, and a purpose infinitive
    ('pour' / 'afin de' + infinitive) follows it. The closing comma belongs to the aside and tells nothing
    of where the purpose attaches: it goes on with the content, whatever verb the parser hangs it on."""
    if comma + 2 >= limit or doc[comma].text != "," or comma - 1 <= start:
        return False
    after = doc[comma + 1]
    if after.lower_ == "pour":
        inf = comma + 2
    elif after.lower_ == "afin" and doc[comma + 2].lower_ in ("de", "d'", "d’"):
        inf = comma + 3
    else:
        return False
    if inf >= limit or not _infinitive_at(doc, inf):
        return False
    aside = doc[comma - 1]
    while aside.head.i != aside.i and aside.dep_ not in ("acl:relcl", "appos") and start <= aside.head.i < comma:
        aside = aside.head
    if aside.dep_ not in ("acl:relcl", "appos") or not start <= aside.head.i < aside.left_edge.i:
        return False
    opening = aside.left_edge.i - 1
    return start < opening and doc[opening].text == "," and aside.head.i < opening \
        and max(t.i for t in aside.subtree) == comma - 1


def _medial_adjunct_close(doc: Doc, start: int, comma: int, limit: int) -> int | None:
    """'lui avait promis, lors d'un entretien, son aide', 'renonçait, en raison de X, à organiser Y': an adjunct
    set off by commas right after the content's verb, which then gets its object or its complement; the
    index of the closing comma. Not when the words after it begin a clause or another frame ('X a été tué,
    lors de l'attaque, a indiqué Y')."""
    verb = doc[comma - 1]
    if verb.pos_ not in ("VERB", "AUX") or comma - 1 <= start or "Inf" in verb.morph.get("VerbForm"):
        return None
    close = next((j for j in range(comma + 2, min(limit, comma + 16)) if doc[j].text in (",", ";", ":", "(", ")")
                  or doc[j].text in QUOTE_OPEN or doc[j].text in QUOTE_CLOSE or _finite(doc[j])), None)
    if close is None or doc[close].text != "," or close + 1 >= limit:
        return None
    after = doc[close + 1]
    if (after.pos_ in ("DET", "NUM") or after.lower_ in ("à", "au", "aux") or after.text in QUOTE_OPEN) \
            and not _absolute_clause(doc, close + 1, limit):  # (", des tirs ayant visé le camp": an aside)
        return close
    return None


_DASHES = frozenset({"-", "–", "—", "--"})


def _predicate_after(doc: Doc, start: int, limit: int) -> bool:
    """After a closing dash, the words go on with a verb before any comma (the clause's predicate)."""
    for t in doc[start:limit]:
        if t.text in (",", ";", ":") or t.text in _DASHES:
            return False
        if t.pos_ in ("VERB", "AUX"):
            return True
    return False


def _before_coordinated_speaker(doc: Doc, start: int, i: int) -> int | None:
    """A cue at i whose subject is preceded, after `start`, by 'mais' / 'et' and at most a short adjunct
    ("mais la semaine dernière, X a prévenu"): a new clause of the narrator, coordinated before its subject;
    the index of the conjunction."""
    verb = doc[i]
    while verb.dep_.startswith("aux") and verb.head.i > i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and start < c.i < i), None)
    if subject is not None:
        left = subject.left_edge.i
    elif doc[i - 1].pos_ == "PROPN":  # (a name right before the cue the parser did not make its subject)
        left = i - 1
        while left - 1 > start and doc[left - 1].pos_ == "PROPN":
            left -= 1
    else:
        return None
    j = left - 1
    while j > start and left - j <= 6 and doc[j].lower_ not in ("mais", "et") \
            and doc[j].pos_ not in ("VERB", "AUX") and doc[j].lower_ not in ("que", "qu'", "qu’"):
        j -= 1
    if j <= start or doc[j].lower_ not in ("mais", "et") or doc[j].pos_ != "CCONJ" or _inside_quote(doc, j, start):
        return None
    after = doc[j + 1]
    while start <= after.head.i < left and after.head.i > j and after.head.i != after.i:
        after = after.head
    if after.dep_ == "conj" and start <= after.head.i < j and doc[j].lower_ == "et" \
            and after.lower_ not in _time_nouns():  # ("mais la semaine dernière, X a prévenu": the narrator's)
        # "Demandant des élections libres et équitables, X a appelé": words joined inside the content, which
        # ends at the comma before the new subject
        return left - 1 if doc[left - 1].text == "," and left - 1 > start else None
    cut = j
    while cut > start and doc[cut - 1].text == ",":
        cut -= 1
    return cut


def _before_trailing_aside(doc: Doc, start: int, end: int) -> int:
    """End of a content before the narrator's aside on a name that closes it: a non-restrictive relative
    clause (", qui a été élu en 2019", ", dont il est l'allié"), an apposition (", un réseau social chinois")
    or a participle (", détenu depuis mai") after the proper noun just before the comma, running to the
    content's end. Not an aside the content's own verb follows ("la Syrie, qui ..., serait"), nor one with
    quoted words (they may be the speaker's)."""
    relatives = _frame_words()["aside_relatives"]
    for j in range(end - 2, start + 1, -1):
        if doc[j].text != ",":
            continue
        aside = doc[j + 1:end]
        if any(t.text in QUOTE_OPEN or t.text in QUOTE_CLOSE for t in aside) or _inside_quote(doc, j, start):
            return end
        name = doc[j - 1]
        if not (name.pos_ == "PROPN" or name.ent_type_) or name.is_punct:
            continue
        if any(aside[k].text == "," and (_finite(aside[k + 1]) or aside[k + 1].pos_ == "CCONJ")
               for k in range(len(aside) - 1)):
            continue  # "X, qui ..., serait menacée", "X, située ..., et de": the content goes on after the aside
        if any(t.text == "," and _aside_then_purpose(doc, start, t.i, end) for t in aside):
            continue  # "X, dont il est l'allié, afin de favoriser Y": the purpose goes on with the content
        first = aside[0]
        finite = [t for t in aside if _finite(t)]
        opener = next((t for t in aside if t.lower_ in relatives or t.lower_ in ("que", "qu'")), None)
        relative = first.lower_ in relatives and bool(finite)
        unclaused = not finite or opener is not None and opener.i < finite[0].i  # verbs only in a relative
        apposition = first.lower_ in _frame_words()["aside_determiners"] and unclaused \
            and not any(t.like_num or t.lower_ in _time_nouns() for t in aside[1:3])
        participle = "Part" in first.morph.get("VerbForm") and "Past" in first.morph.get("Tense") and unclaused
        if relative or apposition or participle:
            return j
    return end


def _before_participle_clause(doc: Doc, start: int, end: int) -> int:
    """End of a phrase content before a present participle after a comma (", le qualifiant de X",
    ", estimant que X", ", en appelant à X"): a clause of the speaker's own, an adjunct of the cue's
    verb and not part of its object ("a rejeté l'accord, le qualifiant de « trahison »")."""
    clitics = _frame_words()["participle_clitics"]
    for j in range(start + 1, end - 1):
        if doc[j].text != "," or _inside_quote(doc, j, start):
            continue
        k = j + 1
        if doc[k].lower_ == "en":
            k += 1  # a gerund: ", en appelant"
        while k < end and doc[k].lower_ in clitics:
            k += 1
        t = doc[k] if k < end else None
        # (the tagger knows the participle for a verb but may give it a finite morphology)
        if t is not None and t.lower_.endswith("ant") and t.pos_ in ("VERB", "AUX") \
                and "Inf" not in t.morph.get("VerbForm"):
            # (quoted words after the participle stay the content's: cut off, they would lose their speaker)
            return end if any(x.text in QUOTE_OPEN for x in doc[k:end]) else j
    return end


def _before_consequence(doc: Doc, start: int, end: int) -> int:
    """End of a content before ', déclenchant une polémique', ', contredisant la version officielle': a
    present participle of a verb of consequence after a comma, outside quotes, tells what the words did."""
    words = _frame_words()
    for j in range(start + 1, end - 1):
        if doc[j].text != "," or _inside_quote(doc, j, start):
            continue
        k = j + 1
        while k < end and doc[k].lower_ in words["participle_clitics"]:
            k += 1
        if k < end and doc[k].lower_ in words["consequence_participles"] and doc[k].pos_ in ("VERB", "AUX"):
            return j
    return end


def _before_coordinated_predicate(doc: Doc, verb: Token, start: int, end: int) -> int:
    """End of a noun-phrase or infinitive content before a conjunction that opens a second predicate of the
    cue's own clause ("a dénoncé une provocation et a promis de riposter"): a verb with a tense coordinated
    with the cue, not a coordinated complement."""
    for t in doc[start + 1:end]:
        if t.dep_ != "cc" or t.pos_ != "CCONJ" or _inside_quote(doc, t.i, start):
            continue
        pred = t.head
        if any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in pred.children):
            continue  # "que X mais qu'elle Y": a second reported clause
        if pred.head.i == verb.i and pred.dep_ == "conj" and pred.i > t.i and pred.i < end and (
                _finite(pred) or any(c.dep_.startswith("aux") and _finite(c) for c in pred.children)):
            cut = t.i
            while cut > start and doc[cut - 1].text == ",":
                cut -= 1
            return cut
    return end


def _finite(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")


_INFINITIVE_ENDINGS = ("er", "ir", "ïr", "re", "oir")


def _mistagged_infinitive(token: Token) -> bool:
    """A present the tagger calls an infinitive ('anticipe', 'renoue'): no infinitive ends so."""
    return token.pos_ == "VERB" and "Inf" in token.morph.get("VerbForm") and not token.lower_.endswith(_INFINITIVE_ENDINGS)


def _new_main_clause(doc: Doc, start: int, i: int, limit: int) -> bool:
    """"S'il accusait X de Y, Loukachenko a depuis ...": after the comma, a subject and its finite verb
    that the content's own clause does not govern begin the main clause."""
    for j in range(i, min(limit, i + 8)):
        t = doc[j]
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") or (
                t.pos_ == "AUX" and t.dep_.startswith("aux")):
            verb = t if not t.dep_.startswith("aux") else t.head
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and i <= c.i < j]
            # a relative clause needs a relative pronoun: "X, le président a opéré" parsed as one is a misparse;
            # and an infinitive or a noun phrase cannot go on with a subject and its finite verb
            reported_clause = start > 0 and doc[start - 1].lower_ in ("que", "qu'")
            return bool(subjects) and (verb.head.i >= i or verb.dep_ in ("ROOT", "acl:relcl") or not reported_clause)
        if t.text in (",", ";", ":") or t.lower_ in ("que", "qu'", "qui", "dont", "où") or t.text in QUOTE_OPEN:
            return False
    return False


def _absolute_clause(doc: Doc, i: int, limit: int) -> bool:
    """', le Chili étant l'un des ...': a noun phrase and a present participle, an aside."""
    for j in range(i, min(limit, i + 7)):
        t = doc[j]
        if "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense") or t.lower_ in ("étant", "ayant"):
            return j > i
        if t.pos_ in ("VERB", "AUX", "SCONJ", "PUNCT") or t.lower_ in ("que", "qu'", "qui"):
            return False
    return False


def _opens_quote(doc: Doc, i: int) -> bool:
    """Is the straight double quote at i an opening one? (an even number of them before it in the sentence)"""
    sent = doc[i].sent
    return sum(1 for t in doc[sent.start:i] if t.text == '"') % 2 == 0


def _opens_adjunct(doc: Doc, i: int, limit: int) -> bool:
    """After a comma, words that open an adjunct of the reporting clause, not more of its content:
    ', à l'instar de', ', afin de', ', lors de', ', en visant' (a gerund)."""
    words = _frame_words()["adjunct_openers"]
    for n in (3, 2, 1):
        if i + n <= limit and span_text(doc, i, i + n).lower() in words:
            return True
    if i + 1 < limit and doc[i].lower_ == "en" and doc[i + 1].lower_.endswith("ant") \
            and "Part" in doc[i + 1].morph.get("VerbForm"):
        return True
    return False


def _quote_depth_ok(text: str) -> bool:
    """Whether a span has balanced guillemets (not cut inside a quotation)."""
    return text.count("«") == text.count("»")


# ------------------------------------------------------------------------------------------ frames


def _is_cue(token: Token) -> CueSpec | None:
    spec = _spec_for(token)
    if spec is None:
        return None
    if spec.particle is not None:
        return None  # handled by _multiword_cues
    if spec.clitic and not any(t.lower_ == spec.clitic for t in token.doc[max(0, token.i - 3):token.i]):
        return None  # "prend" alone is not "s'en prend"
    if spec.clitic and any(t.lower_ == "on" and t.i + 1 < token.i and token.doc[t.i + 1].lower_ == spec.clitic
                           for t in token.doc[max(0, token.i - 4):token.i]):
        return None  # "on y voit X" (in a picture, a video): what is shown, nobody's view
    if spec.adjective:  # "ils sont convaincus que", "s'est dit convaincu que" is the verb's
        return spec if any(c.dep_ in ("cop", "aux:pass") for c in token.children) else None
    if not _is_verbal(token):
        return None
    if spec.not_reflexive and _reflexive(token):
        return None
    morph = token.morph
    verb_form = morph.get("VerbForm")
    if not _aux_children(token) and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in QUOTE_OPEN \
            and token.i >= 2 and (
                "Part" in verb_form and "Past" in morph.get("Tense") and token.doc[token.i - 1].pos_ in ("NOUN", "PROPN")
                # (the tagger reads the participle "dit" after a name as a present)
                or token.lower_ in ("dit", "dite", "dits", "dites") and token.doc[token.i - 1].text == ","
                and token.doc[token.i - 2].pos_ == "PROPN"):
        return None  # "X, dit « le Boucher »", "le poème dit « Les Adieux »": a name given, not words said
    # (no past participle ends in -ant: "prédisant" the tagger calls one is the present participle)
    if "Part" in verb_form and "Past" in morph.get("Tense") and not _aux_children(token) \
            and not token.lower_.endswith("ant") \
            and token.dep_ not in ("conj", "ROOT", "ccomp", "parataxis") and not _clitic_after(token) \
            and _detached_auxiliary(token) is None \
            and _passive_agent(token) is None and not _after_closing_quote(token):
        # "le soutien affirmé", "des avancées jugées indispensables", "Contesté dans la rue, X a ...":
        # a participle without its auxiliary is an adjective, unless it shares one ("a évoqué X et réitéré Y")
        return None
    # (a sentence-initial present participle, "Accusant X de", is now and then tagged an infinitive)
    if "Inf" in verb_form and not token.lower_.endswith("ant") or token.lower_ == spec.lemma.split()[-1]:
        # an infinitive reports under a verb that makes it one ("a tenu à souligner", "vient de dire"),
        # after "pour" / "afin de" ("ont manifesté afin d'exiger X"), or as a narrative infinitive
        # ("Et de vanter X", whose speaker is the one of the sentence before)
        if _narrative_infinitive(token) or _purpose_infinitive(token):
            return spec
        opener = _after_prior_opener(token)
        if opener is not None and (token.dep_ == "advcl" and token.head.pos_ in ("VERB", "AUX")
                                   and not _impersonal_governor(token.head) or token.doc[opener].is_sent_start):
            # "Avant d'affirmer que X, Y a rappelé Z", "Y a rappelé Z avant d'affirmer que X": what the main
            # clause's subject said
            return spec
        head = token.head
        if head.i == token.i or head.pos_ not in ("VERB", "AUX") or token.dep_ not in ("xcomp", "ccomp", "obj", "advcl"):
            return None
        if head.lower_ not in _governor_forms():
            return None
    if token.i > 0 and token.nbor(-1).pos_ == "DET" and token.pos_ != "VERB":
        return None
    return spec


def _coordinated_sentence(doc: Doc, verb: Token) -> bool:
    """A sentence that opens on a conjunction and the verb group ('Et a annoncé', 'Puis a ajouté'): it has
    no subject of its own."""
    start = verb.sent.start
    if start == 0 or doc[start].lower_ not in ("et", "puis", "mais"):
        return False
    group_start = _verb_group(verb)[0]
    return all(t.pos_ in ("ADV", "CCONJ") or t.is_punct for t in doc[start:group_start])


def _after_closing_quote(token: Token) -> bool:
    """'« ... », dit à l'AFP X': right after a quotation and its comma, a form like 'dit' or 'écrit' is the
    present tense of an incise, not the participle the tagger may call it."""
    i = token.i
    return i >= 2 and token.doc[i - 1].text == "," and token.doc[i - 2].text in QUOTE_CLOSE


def _narrative_infinitive(token: Token) -> bool:
    """'Et de vanter son amour de la France': an infinitive after 'Et de' opening a sentence; 'Et X de
    rétorquer', 'X de répliquer : « ... »': the narrative infinitive with its subject before it."""
    doc = token.doc
    i = token.i
    if i >= 2 and doc[i - 1].lower_ in ("de", "d'") and doc[i - 2].lower_ == "et" and doc[i - 2].is_sent_start:
        return True
    opener = _after_prior_opener(token)
    if opener is not None and doc[opener].is_sent_start and token.sent.root.i == token.i and not any(
            t.text == "," and _new_main_clause(doc, token.i + 1, t.i + 1, token.sent.end)
            for t in doc[token.i + 1:token.sent.end]):
        return True  # "Avant d'estimer que X.": a verbless sentence on the subject of the sentence before
    return _narrative_subject(token) is not None


def _after_prior_opener(token: Token) -> int | None:
    """'avant de' / "avant d'" right before an infinitive: the index of the opener's first word."""
    doc = token.doc
    for n in (2, 3):
        start = token.i - n
        if start >= token.sent.start and span_text(doc, start, token.i).lower().replace("’", "'").rstrip() \
                in _prior_openers():
            return start
    return None


def _impersonal_governor(verb: Token) -> bool:
    """'Il faut attendre X avant de dire que Y': a verb under an impersonal one has no one to speak for it."""
    words = frozenset(_frame_words()["impersonal_forms"])
    while True:
        if verb.lower_ in words:
            return True
        if verb.head.i == verb.i or verb.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
            return False
        verb = verb.head


@functools.cache
def _prior_openers() -> frozenset[str]:
    return frozenset(w.replace("’", "'") for w in _frame_words()["prior_infinitive_openers"])


def _narrative_subject(token: Token) -> Token | None:
    """The noun phrase that opens the sentence of a narrative infinitive ('Et le ministre de conclure que',
    'M. X de rétorquer : « ... »'), after 'Et' / 'Mais' / 'Puis', or with the infinitive before a colon or
    a quotation (not 'La volonté de dire la vérité est ...')."""
    doc = token.doc
    i = token.i
    if i < 2 or doc[i - 1].lower_ not in ("de", "d'", "d’"):
        return None
    start = token.sent.start
    opener = doc[start].lower_ in ("et", "mais", "puis")
    begin = start + opener
    # ("Et, dans cette joute oratoire, M. X de rétorquer": over an adverbial set off by commas before the subject)
    commas = [k for k in range(begin, i - 1) if doc[k].text == ","]
    if commas and commas[-1] - begin <= 10 and not any(
            t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or t.is_punct and t.text != "," for t in doc[begin:commas[-1]]):
        begin = commas[-1] + 1
    phrase = doc[begin:i - 1]
    after = doc[i + 1] if i + 1 < len(doc) else None
    if not phrase or len(phrase) > 8 or not (opener or after is not None and (after.text == ":" or after.text in QUOTE_OPEN)):
        return None
    if any(t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or t.is_punct for t in phrase):
        return None
    return next((t for t in phrase if t.pos_ in ("PROPN", "NOUN")), None)


def _purpose_infinitive(token: Token) -> bool:
    """'pour dénoncer X', 'afin de réclamer X': what the subject went there to say."""
    doc = token.doc
    i = token.i
    before = span_text(doc, max(0, i - 2), i).lower()
    if not (i >= 1 and (doc[i - 1].lower_ == "pour" or before in ("afin de", "afin d'"))):
        return False
    verbs = [t for t in doc[token.sent.start:i] if t.pos_ in ("VERB", "AUX") and not t.dep_.startswith("aux")]
    return bool(verbs) and verbs[-1].lower_ in _purpose_governor_forms()


def _clitic_after(token: Token) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("-il", "-elle", "-ils", "-elles", "-on", "-t")


@functools.cache
def _multiword_openers() -> frozenset[str]:
    """What a multi-word cue's first word can be: its text up to any of its spaces."""
    by_form, _ = cue_lexicon()
    return frozenset(form[:k] for form in by_form for k, char in enumerate(form) if char == " ")


@functools.cache
def _multiword_opener_ids() -> frozenset[int]:
    return _ids(_multiword_openers())


def _multiword_cues(doc: Doc, keys: list[int]) -> list[tuple[Token, Token, CueSpec]]:
    """'fait valoir', 'a mis en garde', 'fait état de': (verb token, last word, spec).
    `keys`: the tokens' LOWER keys (_lower_keys)."""
    by_form, _ = cue_lexicon()
    opener_ids = _multiword_opener_ids()
    out = []
    for i, key in enumerate(keys):
        if key not in opener_ids:  # the joined words could match no form
            continue
        token = doc[i]
        if token.pos_ not in ("VERB", "AUX") and token.lower_ not in ("fait", "font", "mis", "met"):
            continue
        for n in (1, 2):
            if token.i + n >= len(doc):
                break
            # ("l'écho": the tokenizer splits the elided article off, the lexicon writes it glued)
            words = "".join(t.lower_ + ("" if t.lower_.endswith(("'", "’")) else " ")
                            for t in doc[token.i:token.i + n + 1]).rstrip().replace("’", "'")
            spec = by_form.get(words)
            if spec is not None:
                out.append((token, doc[token.i + n], spec))
                break
    return out


_STRESSED_PRONOUNS = frozenset({"lui", "elle", "eux", "elles", "lui-même", "elle-même", "eux-mêmes", "elles-mêmes"})


def _subject(verb: Token, seen: frozenset = frozenset()) -> Token | None:
    """The subject of a verb, through coordination, control and participle clauses."""
    if verb.i in seen:
        return None
    seen = seen | {verb.i}
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    # "X a lui aussi condamné": the parser may hang the subject on the stressed pronoun after it
    stressed = [c for c in verb.children if c.i < verb.i and c.pos_ == "PRON" and c.lower_ in _STRESSED_PRONOUNS]
    for child in [*verb.children, *(g for a in auxiliaries + stressed for g in a.children)]:
        if child.dep_ in SUBJECT_DEPS and child.i < verb.i and _in_prepositional_phrase(child):
            continue  # "Lors d'un entretien avec le président français, X a dénoncé": not the subject
        if child.dep_ in SUBJECT_DEPS and child.i < verb.i and child.lower_ not in ("-t", "ce", "c'", "il") \
                or child.dep_ in SUBJECT_DEPS and child.lower_ == "il" and child.i < verb.i:
            if child.lower_ in ("qui",) and verb.dep_ == "acl:relcl":
                antecedent = _agreeing_antecedent(verb, verb.head, child)
                # "Paul Girard, son plus proche allié qui s'est dit": the apposition's name
                return antecedent.head if _apposition(antecedent) and antecedent.head.i < antecedent.i \
                    else antecedent
            return child
    for child in verb.children:  # "X, arrivé lundi, a déclaré": the parser gave X to the participle
        if child.i < verb.i and child.dep_ in ("advcl", "acl") and "Part" in child.morph.get("VerbForm"):
            inner = next((c for c in child.children if c.dep_ in SUBJECT_DEPS and c.i < child.i), None)
            # (not "X, qui a dirigé le parti, a affirmé": the relative's 'qui' stands for X, found below)
            if inner is not None and inner.lower_ != "qui":
                return inner
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        if head.i < verb.i and verb.dep_ != "xcomp":
            # a noun phrase of its own between the governing verb and this one is this verb's subject
            # ("Le climat est tendu à Lyon où le candidat X a revendiqué")
            group_start = _verb_group(verb)[0]
            linear = _linear_subject(verb.doc, group_start, max(head.i + 1, verb.sent.start))
            if linear is not None and linear.i > head.i:
                return linear
        return _subject(head, seen)
    if verb.dep_ == "acl:relcl" or verb.dep_ == "acl":
        return head
    return None


def _agreeing_antecedent(verb: Token, antecedent: Token, qui: Token) -> Token:
    """'X, secrétaire du Conseil pour les relations avec les Etats, qui lui avait exprimé': a relative 'qui'
    set off by a comma agrees in number with its verb; when the noun the parser gave it does not, the nearest
    noun before that agrees and heads its phrase (no preposition before it) is the antecedent."""
    if qui.i == 0 or qui.doc[qui.i - 1].text != ",":
        return antecedent  # ("une Chine aux deux visages qui se révèle": a restrictive relative, left as parsed)
    finite = next((t for t in [*(c for c in verb.children if c.dep_.startswith("aux")), verb]
                   if "Fin" in t.morph.get("VerbForm")), None)
    number = finite.morph.get("Number") if finite is not None else []
    if not number or antecedent.morph.get("Number") in ([], number) or antecedent.i >= verb.i:
        return antecedent
    for t in reversed(verb.doc[verb.sent.start:antecedent.i]):
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.pos_ in ("NOUN", "PROPN") and t.morph.get("Number") == number \
                and not any(c.dep_ == "case" for c in t.children):
            return t
    return antecedent


def _apposition(token: Token) -> bool:
    """An apposition, also one the parser took for a conjunct: after a comma, with no 'et' / 'ou'
    ('X, son principal allié qui')."""
    if token.dep_ == "appos":
        return True
    comma = next((c for c in token.children if c.text == "," and c.i < token.i), None)
    if token.dep_ != "conj" or comma is None or any(c.dep_ == "cc" for c in token.children):
        return False
    before = token.doc[comma.i - 1]  # the comma comes right after the phrase of the name it stands beside
    while before.i != token.head.i and before.dep_ in ("flat:name", "appos", "amod", "nmod") \
            and before.head.i != before.i:
        before = before.head
    return before.i == token.head.i


def _in_prepositional_phrase(token: Token) -> bool:
    """A noun right after a preposition ('avec le président', 'à X') that the parser made a subject."""
    doc = token.doc
    # (not a partitive: "des médecins estiment", "de nombreux experts jugent")
    if any(c.dep_ == "case" and c.i < token.i and c.lower_ not in ("selon", "des", "du", "de", "d'", "d’")
           for c in token.children):
        return True  # "Aux côtés de X, Y a déclaré": the preposition is the noun's own
    j = token.left_edge.i - 1
    while j >= token.sent.start and doc[j].pos_ in ("DET", "ADJ", "NUM"):
        j -= 1
    return j >= token.sent.start and doc[j].pos_ == "ADP" and doc[j].lower_ not in ("selon",)


def _inverted_subject(verb: Token, group_end: int) -> Token | None:
    """The subject after the verb of an incise: the first noun or pronoun the verb governs after it
    (the parser labels it nsubj, obj or appos), else the first noun phrase after the verb group."""
    doc = verb.doc
    clitic = _clitic_subject(doc, verb.i - 3 if verb.i >= 3 else 0, group_end)
    # ("a-t-elle de son côté affirmé": an insert may stand between the inverted pronoun and the participle)
    clitic = clitic or next((c for c in verb.children if c.i < verb.i and c.dep_ in ("nsubj", "nsubj:pass")
                             and _clitic_subject(doc, c.i, c.i) is not None), None)
    if clitic is not None:
        return clitic
    sent_end = verb.sent.end
    i = _skip_adverbials(doc, group_end, sent_end)
    while (after := _date_before_subject(doc, i, sent_end)) is not None:
        i = _skip_adverbials(doc, after, sent_end)  # "..., a révélé le 17 mars le quotidien"
    for j in range(i, min(sent_end, i + 4)):
        t = doc[j]
        # ("l'opposant": a participle the tagger left a verb, after a determiner)
        # (a name the tagger took for a foreign word or an adverb, "..., rappelle Sudha Wilp", "..., explique
        # Macron avant de", still opens a person's name when the recogniser starts one there)
        if (t.pos_ in ("NOUN", "PROPN", "PRON") or t.pos_ == "VERB" and j > i and doc[j - 1].pos_ == "DET"
                or t.pos_ in ("X", "ADV", "ADJ") and _starts_person_name(t)) \
                and t.lower_ not in ("que", "qu'", "qui"):
            # climb to the noun phrase's head: "le porte-parole du Kremlin": porte-parole
            head = t
            while head.head.i != head.i and head.head.i >= i and head.head.i < sent_end and head.head.i != verb.i \
                    and head.dep_ in ("flat:name", "amod", "nmod", "compound", "fixed", "appos") \
                    and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
            return head
        if t.pos_ == "ADJ" and j > i and doc[j - 1].lower_ in ("ce", "cette", "ces") \
                and t.lower_ in _frame_words()["demonstrative_adjectives"] \
                and not (j + 1 < sent_end and doc[j + 1].pos_ in ("NOUN", "PROPN")):
            return t  # "..., a déclaré ce dernier": the adjective stands for the one named last
        if t.pos_ in ("DET", "ADJ", "NUM") or t.lower_ in ("m.", "mme") or t.lower_ == "des" and j == i:
            continue  # ("a indiqué à l'AFP des sources": the parser hangs 'des sources' on the addressee)
        break
    return None


def _date_before_subject(doc: Doc, i: int, limit: int) -> int | None:
    """End of a dated time phrase opened by a determiner ('le 17 mars', 'ce 22 décembre', 'le mardi 3 juin
    2020') when a noun phrase follows it: after an incise's verb, the date comes before the inverted
    subject, which the parser then hangs on the month."""
    words = _frame_words()
    if not (i < limit and doc[i].lower_ in ("le", "ce", "cet")):
        return None
    j = i + 1
    if j < limit and doc[j].lower_ in words["time_nouns"] and j + 1 < limit and doc[j + 1].like_num:
        j += 1  # "le mardi 3 juin"
    if not (j + 1 < limit and (doc[j].like_num or doc[j].lower_ == "1er") and doc[j + 1].lower_ in words["time_nouns"]):
        return None
    j += 2
    if j < limit and doc[j].like_num and len(doc[j].text) == 4:
        j += 1
    if j < limit and (doc[j].pos_ in ("DET", "PROPN") or doc[j].lower_ in ("m.", "mme")):
        return j
    return None


def _content_after(verb: Token, spec: CueSpec, group_end: int, stops: set[int]) -> list[tuple[int, int]]:
    """Token ranges of the content a cue introduces after itself, by the complements it takes."""
    doc = verb.doc
    sent_start, sent_end = _sentence_bounds(verb)
    comps = spec.complements
    if spec.dative is not None and _dative_clitic(verb):
        comps = spec.dative  # "lui rappelle l'ambiance": a reminder; "lui rappelle que X" still reports
    i = _skip_adverbials(doc, group_end, sent_end, _content_prepositions(comps))
    if i >= sent_end:
        return []
    t = doc[i]
    words = _frame_words()
    start = None
    nominal = False
    if t.lower_ in ("que", "qu'") and comps & {"que"}:
        start = i + 1
    elif comps & {"que"} and (que := _addressee_then_que(doc, i, sent_end, "addressee" in comps)) is not None:
        # "a averti Ankara que X", "a assuré ses partenaires que X": the addressee, then the content
        t = doc[que]
        start = que + 1
    elif t.text == ":" and "colon" in comps | {"colon"}:
        start = i + 1
    elif t.lower_ in ("de", "d'", "du", "des") and comps & {"de", "object_de"}:
        start = i
    elif t.lower_ in ("à", "au", "aux") and comps & {"a"}:
        start = i
    elif _infinitive_at(doc, i) and comps & {"que", "de", "inf"} and not _after_purpose_opener(doc, group_end, i):
        start = i  # (not a purpose the adverbials skipped over: "l'offensive lancée par X pour s'emparer de Y")
    elif t.pos_ in ("VERB", "ADJ") and "Part" in t.morph.get("VerbForm") and (
            "attribute" in comps or _reflexive(verb) and spec.lemma in _attribute_reflexives()):
        start = i  # "s'est dit déçu par la décision": the participle and what it governs
    elif t.lower_ == "comme" and "comme" in comps and _object_before(verb):
        start = i  # "les considère comme une menace", "ce qu'il décrit comme une crise": the object stood before
        nominal = True
    elif comps & {"nominal", "de", "object_de", "a", "sur", "comme"} and (
            t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON", "PUNCT", "ADV")
            or t.lower_ == "des" and "nominal" in comps):  # "a raconté à l'AFP des scènes": an indefinite
        if t.pos_ == "PRON" and t.lower_ not in words["content_pronouns"]:
            return []  # "l'a dit", "en a parlé": anaphoric content
        if t.pos_ == "PUNCT" and t.text not in QUOTE_OPEN:
            return []
        start = i
        nominal = True
    elif "en_faveur" in comps and t.lower_ == "en" and i + 2 < sent_end and doc[i + 1].lower_ == "faveur" \
            and doc[i + 2].lower_ in ("de", "d'", "d’", "du", "des"):
        start = i + 3  # "a plaidé en faveur d'un cessez-le-feu": as "pour"
    elif "contre" in comps and t.pos_ in ("PROPN", "NOUN", "DET", "PRON") and (
            against := next((j for j in range(i + 1, min(i + 6, sent_end)) if doc[j].lower_ == "contre"), None)) \
            is not None and not any(doc[k].pos_ in ("VERB", "AUX") or doc[k].is_punct for k in range(i, against)):
        start = against + 1  # "a mis en garde Washington contre toute ingérence": the addressee, then "contre"
    elif t.lower_ in ("sur", "contre", "pour") and comps & {"sur", "contre", "pour"}:
        start = i + 1
        fact = span_text(doc, start, start + 3).lower()
        if fact.startswith(("le fait que", "le fait qu'")):  # "a insisté sur le fait que X": X
            start += 3
    if start is None or start >= sent_end:
        return []
    end = min(_clause_end(doc, start, sent_end, stops), _complement_end(verb, start, sent_end))
    if t.lower_ not in ("que", "qu'"):  # ("que X avait Y et s'est engagé à Z": the parse cannot tell whose)
        end = _before_coordinated_predicate(doc, verb, start, end)
    if end <= start:
        return []
    if nominal and "nominal" not in comps and verb.dep_ == "acl:relcl" and verb.head.lower_ in ("ce", "c'", "c’") \
            and any(c.lower_ in ("que", "qu'", "qu’") for c in verb.children):
        return []  # "ce qu'il a appelé l'accord « à moitié vivant »": the relative 'que' is the object, X its name
    # ("appelle des journalistes": a partitive article, not the 'de' of "appeler de")
    partitive = t.lower_ in ("des", "du") and "a" in comps and "nominal" not in comps
    if (nominal or partitive) and "nominal" not in comps and comps & {"a", "de", "object_de"} \
            and not _dative_clitic(verb) and not _object_then_complement(verb, start, end):
        return []  # "a appelé le candidat pour le féliciter", "a exhorté son homologue": no appeal reported
    end = _before_consequence(doc, start, end)
    if t.lower_ in ("que", "qu'"):
        return [(a, _before_trailing_aside(doc, a, b), False) for a, b in _split_coordinated_que(doc, start, end)]
    end = _before_participle_clause(doc, start, _before_trailing_aside(doc, start, end))
    if nominal:
        # "a expliqué ce choix par le fait que X": what is claimed is X
        fact = next((j for j in range(start, end - 3) if span_text(doc, j, j + 3).lower() in ("le fait que", "le fait qu'")
                     and doc[j - 1].lower_ in ("par", "sur")), None)
        if fact is not None:
            return [(fact + 3, end, False)]
    return [(start, end, nominal)]


def _object_before(verb: Token) -> bool:
    """Whether the cue's object stands before it: an object clitic inside its group ("les considère") or the
    relative pronoun of a clause it heads ("ce qu'il considère", "le rapprochement, que X considère")."""
    doc = verb.doc
    start, _ = _verb_group(verb)
    sent_start, _ = _sentence_bounds(verb)
    if any(doc[j].lower_ in ("le", "la", "les", "l'", "l’") and doc[j].pos_ == "PRON"
           for j in range(max(sent_start, start - 1), verb.i)):
        return True
    for k in range(start - 1, max(sent_start, start - 8) - 1, -1):
        w = doc[k]
        if w.lower_ in ("que", "qu'", "qu’"):
            return k > sent_start and (doc[k - 1].lower_ in ("ce", "c'", "c’") or doc[k - 1].text == ","
                                       or doc[k - 1].pos_ in ("NOUN", "PROPN"))
        if w.is_punct or w.pos_ in ("VERB", "AUX"):
            return False
    return False


def _after_purpose_opener(doc: Doc, group_end: int, i: int) -> bool:
    """'pour' or 'afin de' (and clitics) right before the infinitive at i, after the cue's group."""
    j = i - 1
    while j >= group_end and doc[j].lower_ in _frame_words()["participle_clitics"]:
        j -= 1
    return j >= group_end and (doc[j].lower_ == "pour" or j >= 1 and span_text(doc, j - 1, j + 1).lower().replace(
        "’", "'") in ("afin de", "afin d'"))


def _addressee_then_que(doc: Doc, i: int, sent_end: int, telling: bool = False) -> int | None:
    """Index of the 'que' right after a short noun phrase at i (the addressee of 'avertir X que').
    After a verb of telling someone (`telling`: avertir, prévenir, assurer X que), whatever noun phrase
    stands there is the addressee, and its 'que' the complementizer the tagger may read as a relative."""
    j = i
    while j < min(sent_end, i + 6) and doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM") \
            and doc[j].lower_ not in ("que", "qu'"):
        j += 1
    if not (j > i and j < sent_end and doc[j].lower_ in ("que", "qu'")):
        return None
    # someone told: not "un sommet que des ONG jugent X", whose 'que' is a relative
    told = any(doc[k].pos_ == "PROPN" or doc[k].is_title or doc[k].pos_ == "NOUN" and (
        _speaking_noun(doc[k]) or doc[k].lower_ in _audience_nouns()) for k in range(i, j))
    # (a relative 'que' is no complementizer: "a dit la vérité que tout le monde connaît")
    return j if told and (telling or doc[j].dep_ == "mark" or doc[j].pos_ == "SCONJ") else None


_DATIVE_CLITICS = frozenset({"lui", "leur", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"})
_A_DE = frozenset({"à", "au", "aux", "de", "d'", "d’", "du"})


def _dative_clitic(verb: Token) -> bool:
    """A dative clitic before the verb ('lui rappelle', 'leur a rappelé'), or an indirect object pronoun."""
    doc = verb.doc
    group_start = _verb_group(verb)[0]
    for t in doc[max(verb.sent.start, group_start - 2):verb.i]:
        if t.lower_ in _DATIVE_CLITICS and t.pos_ == "PRON" and t.dep_ not in SUBJECT_DEPS:
            return True
    return any(c.dep_ == "iobj" and c.pos_ == "PRON" and c.lower_ in _DATIVE_CLITICS for c in verb.children)


def _object_then_complement(verb: Token, start: int, end: int) -> bool:
    """'appeler / exhorter X à Y', 'accuser X de Y': after the object comes the 'à' / 'de' phrase that
    says what was asked or charged; an object alone ('a appelé le candidat pour le féliciter', a phone
    call; 'a exhorté son homologue') reports nothing."""
    doc = verb.doc
    if doc[start].lower_.startswith(("d'", "d’")):
        return True  # "d'"écraser": the tokenizer glued the preposition to a quoted word
    for t in doc[start:end]:
        if t.pos_ == "SCONJ" or t.lower_ in ("pour", "afin", "avant") and _infinitive_after(doc, t.i + 1, 1) \
                or t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
            return False  # "le candidat pour le féliciter", "des journalistes pour dire que"
        if t.lower_ not in _A_DE or t.i == start:
            continue
        if _infinitive_after(doc, t.i + 1, 1):
            return True  # "les syndicats à reprendre", "l'Iran d'être derrière", "les élus à « vendre »"
        # "à la retenue", "de « manipulation politique »"; not a title's complement ("le président de
        # la République"), nor a quantity's ("une cinquantaine de chefs d'État")
        if _common_phrase_at(doc, t.i + 1, end) and not (
                t.lower_ not in ("à", "au", "aux") and t.i > 0 and doc[t.i - 1].lower_ in _quantity_nouns()) \
                and not (t.i + 1 < end and doc[t.i + 1].lower_ in _phone_words()):
            return True  # (not "a appelé X au téléphone": a call)
    return False


def _infinitive_after(doc: Doc, i: int, words: int) -> bool:
    """An infinitive within `words` words after i, over quote marks and clitics ('à ne pas s'en mêler')."""
    seen = 0
    for t in doc[i:i + words + 6]:
        if t.is_punct or t.pos_ == "ADV" or t.lower_ in ("de", "d'", "ne", "n'", "pas", "plus", "jamais", "se", "s'", "s’", "y", "en", "le", "la",
                                      "les", "l'", "lui", "leur", "me", "m'", "nous", "vous"):
            continue
        if "Inf" in t.morph.get("VerbForm"):
            return True
        seen += 1
        if seen >= words:
            return False
    return False


@functools.cache
def _quantity_nouns() -> frozenset[str]:
    return frozenset(_frame_words()["quantity_nouns"])


@functools.cache
def _phone_words() -> frozenset[str]:
    return frozenset(w for w in load_rules()["meeting_triggers"]["mode_words"]["phone"] if " " not in w)


def _common_phrase_at(doc: Doc, i: int, end: int) -> bool:
    """A phrase of common nouns at i ('un « révisionnisme » historique'), not a name ('la République')."""
    for t in doc[i:end]:
        if t.pos_ in ("DET", "ADJ", "NUM", "ADV") or t.is_punct or t.lower_ in ("de", "d'", "d’"):
            continue  # ("à plus d'audace")
        return t.pos_ == "NOUN" and not t.text[:1].isupper()
    return False


def _split_coordinated_que(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """'que X et qu'Y': two reported clauses, two contents."""
    spans, first = [], start
    quote_open = False
    for i in range(start, end - 1):
        t = doc[i]
        if t.text in QUOTE_OPEN + QUOTE_CLOSE:
            quote_open = not quote_open if t.text == '"' else t.text in QUOTE_OPEN
        if quote_open:
            continue
        if t.lower_ in ("et", "mais", "ou") and doc[i + 1].lower_ in ("que", "qu'"):
            spans.append((first, i))
            first = i + 2
    spans.append((first, end))
    return [(a, b) for a, b in spans if b > a]


def _complement_end(verb: Token, start: int, sent_end: int) -> int:
    """Where the tree says the complement starting at `start` ends: the right edge of the phrase the
    verb governs there, carried over coordinated complements ('à X et à Y', 'que X et que Y').
    Adjuncts of the verb after it (', à l'instar de X', ', pour protester') are not content."""
    doc = verb.doc
    first = start
    while first < sent_end - 1 and doc[first].is_punct:
        first += 1
    head = doc[first]
    while head.head.i != head.i and head.head.i != verb.i and start <= head.head.i < sent_end:
        head = head.head
    if head.head.i != verb.i:
        return sent_end  # the parse does not tie the complement to the cue: trust the word order
    end = max(t.i for t in head.subtree) + 1
    for child in sorted(verb.children, key=lambda c: c.i):
        # "a remercié X de son soutien": the complements that follow one another are one content
        if child.i > head.i and child.left_edge.i == end and child.dep_ in ("obj", "obl:arg", "xcomp", "ccomp",
                                                                            "iobj"):
            end = max(t.i for t in child.subtree) + 1
    for child in verb.children:
        if child.i <= head.i or child.dep_ not in ("conj", "xcomp", "ccomp", "obj", "obl:arg"):
            continue
        if child.left_edge.i == end + 1 and doc[end].text == "," and _list_member(child):
            # "à s'entendre sur les étapes, les questions logistiques et les garanties": the middle of a
            # list "A, B et C" the parser hung on the cue goes on with the phrase before the comma
            end = max(t.i for t in child.subtree) + 1
            continue
        lead = [t for t in doc[end:child.left_edge.i]]
        if child.left_edge.i >= end and all(t.pos_ in ("CCONJ", "PUNCT", "ADP", "SCONJ") or t.lower_ in (
                "que", "qu'") for t in lead) and any(t.pos_ == "CCONJ" for t in lead + [child.left_edge]):
            end = max(end, max(t.i for t in child.subtree) + 1)
    # "l'instauration de la loi martiale, ainsi qu'un couvre-feu à X": 'ainsi que' joins a noun phrase to the
    # content, wherever the parser hung it (not a name nor a noun for people: ", ainsi que son homologue" may
    # be a second speaker)
    if end + 3 < sent_end and doc[end].text == "," and doc[end + 1].lower_ == "ainsi" \
            and doc[end + 2].lower_ in ("que", "qu'", "qu’") and doc[end + 3].pos_ == "DET":
        noun = doc[end + 3].head
        if noun.pos_ == "NOUN" and noun.i > end + 3 and not _speaking_noun(noun):
            end = max(t.i for t in noun.subtree) + 1
    # the tree's end counts only where the text agrees: at a comma, not inside a phrase whose
    # rest the parser hung elsewhere ("la zone (A, B) où ils ont ...")
    if end < sent_end and (doc[end].text not in (",", ";", ":", "–", "—") or end - start < 3):
        return sent_end
    if _aside_then_purpose(doc, start, end, sent_end):
        return sent_end  # "sur X, dont il est l'allié, pour favoriser Y": the purpose the parser hung on the cue
    if end + 1 < sent_end and doc[end].text == "," and doc[end + 1].text in QUOTE_OPEN \
            and (doc[end + 1].text != '"' or _opens_quote(doc, end + 1)):
        return sent_end  # "que X, « Y »": the quoted words the parser hung elsewhere go on with the content
    return min(end, sent_end)


def _list_member(noun: Token) -> bool:
    """A noun phrase after a comma with a last member of its own after 'et' / 'ou' ('B et C' in 'A, B et C'),
    no verb in it: the rest of a list."""
    if noun.pos_ != "NOUN":
        return False
    doc = noun.doc
    return any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > noun.i
               and any(cc.dep_ == "cc" and cc.lower_ in ("et", "ou") for cc in c.children)
               and not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in doc[noun.i:c.i])
               for c in noun.children)


def _content_prepositions(comps: frozenset[str]) -> frozenset[str]:
    preps = set()
    if "a" in comps:
        preps |= {"à", "au", "aux"}
    for word in ("sur", "contre", "pour", "comme"):
        if word in comps:
            preps.add(word)
    if "en_faveur" in comps:
        preps.add("en faveur")
    return frozenset(preps)


def _infinitive_at(doc: Doc, i: int) -> bool:
    """An infinitive (maybe negated or reflexive) starts at i: 'avoir procédé', 'ne pas vouloir', 'se retirer'."""
    for j in range(i, min(len(doc), i + 4)):
        t = doc[j]
        if "Inf" in t.morph.get("VerbForm"):
            return True
        if t.lower_ not in ("ne", "n'", "pas", "plus", "jamais", "se", "s'", "y", "en", "le", "la", "les", "l'",
                            "lui", "leur"):
            return False
    return False


def _content_before(doc: Doc, group_start: int, sent_start: int) -> list[tuple[int, int]]:
    """Content of an incise: the sentence before the cue, from its start (or after a colon that
    introduces it) to the comma before the cue."""
    end = group_start
    while end > sent_start and (doc[end - 1].text == "," or doc[end - 1].text in ("-", "–", "—")):
        end -= 1
    start = sent_start
    for j in range(end - 1, sent_start - 1, -1):
        if doc[j].text in (":", ";") and not _inside_quote(doc, j, sent_start):
            start = j + 1
            break
    if end <= start:
        return []
    return [(start, end)]


def _inside_quote(doc: Doc, j: int, start: int) -> bool:
    text = span_text(doc, start, j)
    return text.count("«") > text.count("»") or text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _is_incise(doc: Doc, group_start: int, verb: Token, group_end: int) -> bool:
    """Comma (or closing quote) before the verb group, subject after it: '..., a déclaré X'."""
    if group_start == verb.sent.start:
        return False
    before = doc[group_start - 1]
    if before.text not in (",", "-", "–", "—") and before.text not in QUOTE_CLOSE:
        return False
    if _clitic_subject(doc, group_start, group_end) is not None:
        return True
    sent_start = verb.sent.start
    subject_before = any(c.dep_ in SUBJECT_DEPS and c.i < verb.i and c.lower_ not in ("-t", "ce", "c'")
                         and not _inside_quote(doc, c.i, sent_start) for c in verb.children)
    inverted = _inverted_subject(verb, group_end)
    if inverted is not None and before.text == "," and _noun_phrase_around_incise(doc, verb, inverted, group_start,
                                                                                  group_end, sent_start):
        return True
    if subject_before and before.text not in QUOTE_CLOSE and not (inverted is not None and _ends_after(verb, inverted)):
        return False
    # what stands before an incise is said: a clause or a quotation, not a subject and its appositions
    # ("A Grenoble, l'écologiste X (EELV), à la tête d'une coalition, a annoncé ...")
    # ("Le Maroc, qui revendique X, a qualifié Y de Z": a relative clause on the subject says nothing)
    said = _has_finite_verb(doc, sent_start, group_start, main_only=True) \
        or any(t.text in QUOTE_OPEN for t in doc[sent_start:group_start])
    return inverted is not None and said


def _noun_phrase_around_incise(doc: Doc, verb: Token, inverted: Token, group_start: int, group_end: int,
                               sent_start: int) -> bool:
    """'L'Ukraine, a affirmé le président X, doit rejoindre l'Otan': a bare noun phrase opens the sentence,
    the incise and its speaker stand between commas, and the predicate of that noun phrase follows."""
    head = doc[sent_start]
    if head.pos_ not in ("DET", "NOUN", "PROPN") or _has_finite_verb(doc, sent_start, group_start - 1) \
            or any(t.text in QUOTE_OPEN or t.text == "," for t in doc[sent_start:group_start - 1]):
        return False
    sent_end = verb.sent.end
    after = _after_medial_incise(doc, inverted, group_end, sent_end, set(), verbless_before=True)
    if after is None:
        return False
    # the predicate: a finite verb right at the start of what follows, with no subject of its own
    first = next((t for t in doc[after[0]:min(after[1], after[0] + 4)]
                  if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")), None)
    return first is not None and not any(c.dep_ in SUBJECT_DEPS and after[0] <= c.i < first.i
                                         for c in (first.head if first.dep_.startswith(("aux", "cop")) else first).children)


def _ends_after(verb: Token, subject: Token) -> bool:
    """Nothing but adjuncts after an inverted subject: '..., avait fait valoir M. X il y a deux semaines.'"""
    doc = verb.doc
    end = max(t.i for t in subject.subtree) + 1 if subject.i > verb.i else subject.i + 1
    rest = doc[end:verb.sent.end]
    if len(rest) > 1 and rest[0].text == "," and (rest[1].lower_ in _frame_words()["aside_relatives"]
                                                  or rest[1].lower_ == "ce" and rest[2:3].text in ("qui", "que", "qu'")):
        return True  # "..., a averti le Hamas, qui ...", "..., a annoncé X, ce qui ...": an aside on the speaker
    # "il y a deux semaines" is a time, not a clause
    return not any((t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and doc[t.i - 1].lower_ != "y")
                   or t.lower_ in ("que", "qu'") for t in rest)


def _subject_is_local(verb: Token) -> bool:
    """A subject before the verb that is inside the verb group's own clause (not a quoted clause)."""
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS and c.i < verb.i:
            between = verb.doc[c.i:verb.i].text
            return "," not in between or c.lower_ in ("qui",)
    return False


def find_frames(doc: Doc) -> list[Frame]:
    """Every reporting frame of a parsed doc, in text order."""
    if id(doc) in _VERB_GROUPS:
        return _find_frames(doc)
    _VERB_GROUPS[id(doc)] = {}
    try:
        return _find_frames(doc)
    finally:
        del _VERB_GROUPS[id(doc)]


def _find_frames(doc: Doc) -> list[Frame]:
    frames: list[Frame] = []
    cues: list[tuple[Token, Token, CueSpec]] = []
    keys = _lower_keys(doc)
    multiword = _multiword_cues(doc, keys)
    in_multiword = {verb.i for verb, _last, _spec in multiword}
    for i in _cue_candidates(doc, keys):
        token = doc[i]
        spec = _is_cue(token) if i not in in_multiword else None  # "croit savoir": not 'croire'
        if spec is not None:
            cues.append((token, token, spec))
    cues += multiword
    cues += _quote_incises(doc, {verb.i for verb, _last, _spec in cues})
    cues.sort(key=lambda c: c[0].i)
    # "X a rappelé que, d'après Y, Z": a source opening a reported clause is part of what X said
    sources = [(prep, head) for prep, head in _source_phrases(doc, keys) if not _opens_reported_clause(doc, prep)]
    # positions where another frame starts: a content stops before them. Only cues that report
    # something count ("dit vouloir poursuivre la grève": 'poursuivre' reports nothing here)
    candidates = set()
    for verb, _last, _spec in cues:
        start, _ = _verb_group(verb)
        candidates.add(start)
    for prep, _head in sources:
        candidates.add(prep.i)
    phrases = [(prep.i, _source_extent(doc, prep, head)) for prep, head in sources]
    # a source phrase inside a phrase ("les progrès enregistrés selon eux") is no frame and stops nothing
    stops = {prep.i for prep, head in sources if _source_frame(doc, prep, head, candidates, phrases) is not None}
    first_frames: dict[int, tuple[Frame | None, _AskedStops]] = {}
    for n, (verb, last, spec) in enumerate(cues):
        start = _verb_group(verb)[0]
        # a verb of saying inside a quotation is the quoted speaker's: it ends nobody's content
        if not _inside_quote(doc, start, verb.sent.start):
            asked = _AskedStops(candidates)
            first_frames[n] = (_verb_frame(doc, verb, last, spec, asked), asked)
            if first_frames[n][0] is not None:
                stops.add(start)
    for n, (verb, last, spec) in enumerate(cues):
        # the frame of the first pass when the final stops answer what it asked as the candidates did
        # (_verb_frame is two thirds of this component, and most cues would be read twice the same)
        frame, asked = first_frames.get(n, (None, None))
        if asked is None or not asked.same_answers(stops):
            frame = _verb_frame(doc, verb, last, spec, stops)
        if frame is None or _hypothetical(verb, frame):
            continue
        if frame.kind == "participle" and _after_comma(doc, verb):
            # "..., a déclaré X, ajoutant que": the participle speaks for the frame it follows
            # (not a frame of a relative clause: "à Y qui lui proposait Z, assurant que" is X's)
            # (nor a verb inside the words it reports: "X a affirmé que Y « ne souhaitait pas Z », tout en
            # rejetant" is X's, the participle standing outside those words)
            _speak_for_earlier(frame, frames, verb.sent.start_char, frame.cue[0],
                               lambda f, at=frame.cue[0]: not _in_relative_clause(doc, f) and not _reported_inside(f, frames, at))
        elif frame.kind == "canonical" and frame.speaker is None and _coordinated_sentence(doc, verb):
            # "X a rappelé que Y. Et a annoncé que Z": the sentence goes on with the subject before it
            _speak_for_earlier(frame, frames, doc[verb.sent.start - 1].sent.start_char, verb.sent.start_char)
        elif frame.borrowed_subject and frame.kind == "canonical" and not (
                frame.passive and frame.speaker is not None and _quoted_attribute(doc, frame)):
            # "a évoqué X et réitéré Y": the coordinated cue speaks for the frame before it (not a passive
            # participle with its agent: "un vote critiqué et qualifié de « X » par l'opposition")
            _speak_for_earlier(frame, frames, verb.sent.start_char, frame.cue[0])
        frames.append(frame)
    colon_id = get_string_id(":")
    for colon in (doc[i] for i, key in enumerate(keys) if key == colon_id):
        if colon.text == ":" and not any(f.cue[0] < colon.idx and any(c[0] > colon.idx for c in f.contents)
                                         for f in frames):
            frame = _colon_frame(doc, colon, stops)
            if frame is not None:
                frames.append(frame)
    for prep, head in sources:
        frame = _source_frame(doc, prep, head, stops, phrases)
        if frame is not None:
            frames.append(frame)
    frames += _agent_noun_frames(doc, stops, keys)
    # "X a affirmé que Y, ce qu'a démenti Z": Y stays X's statement (one row per span); Z's denial
    # stands only where no frame before it reports Y
    frames = [f for f in frames if not (_denial_comment(doc, f) and any(
        g is not f and g.cue[0] < f.cue[0] and g.contents == f.contents for g in frames))]
    frames.sort(key=lambda f: f.cue[0])
    return frames


_QUOTED_ATTRIBUTE = re.compile(r"(?:de\s+|d['’]\s*|comme\s+)?[«\"“]", re.IGNORECASE)


def _quoted_attribute(doc: Doc, frame: Frame) -> bool:
    """'qualifié de « mascarade » par X', 'jugés « absurdes » par X': the content of a passive cue is a quotation
    its agent follows (not 'la procédure lancée par X : ...', 'la libération de Y présentés par X comme')."""
    if not frame.contents or frame.speaker is None:
        return False
    start, end = frame.contents[0]
    return frame.speaker[0] >= end and _QUOTED_ATTRIBUTE.match(doc.text, start) is not None


def _speak_for_earlier(frame: Frame, frames: list[Frame], start: int, end: int, keep=lambda f: True) -> None:
    """Give `frame` the speaker of the last canonical or incise frame with a speaker whose cue is in [start, end)."""
    earlier = [f for f in frames if f.kind in ("canonical", "incise") and f.speaker is not None
               and start <= f.cue[0] < end and keep(f)]
    if earlier:
        frame.speaker, frame.speaker_head = earlier[-1].speaker, earlier[-1].speaker_head


@functools.cache
def _agent_noun_ids() -> frozenset[int]:
    return _ids(_frame_words()["agent_speech_nouns"])


def _agent_noun_frames(doc: Doc, stops: set[int], keys: list[int]) -> list[Frame]:
    """"l'annonce par X de Y", "l'annonce par X qu'il Y": a speech noun with its agent after 'par'; the
    content is the 'que' clause, else the 'de' phrase after a name."""
    nouns = _frame_words()["agent_speech_nouns"]
    out = []
    # a Token only where the LOWER key is one of the nouns' (a Token per word cost more than the test)
    noun_keys = _agent_noun_ids()
    for t in (doc[i] for i, key in enumerate(keys) if key in noun_keys):
        if t.lower_ not in nouns or t.pos_ != "NOUN" or t.i < 1 or t.i + 3 >= len(doc) \
                or doc[t.i - 1].lower_ not in ("l'", "l’") or doc[t.i + 1].lower_ != "par":
            continue
        sent_start, sent_end = _sentence_bounds(t)
        first = t.i + 2
        window = doc[first:min(sent_end, first + 16)]
        que = next((w.i for w in window if w.lower_ in ("que", "qu'", "qu’")
                    and not any(x.is_punct or x.pos_ in ("VERB", "AUX") for x in doc[first:w.i])), None)
        if que is not None and que > first:
            agent_end, start = que, que + 1
        else:
            de = next((w.i for w in window[1:7] if w.lower_ in ("de", "d'", "d’", "du", "des")
                       and (doc[w.i - 1].pos_ == "PROPN" or doc[w.i - 1].ent_type_)), None)
            if de is None or any(x.is_punct for x in doc[first:de]):
                continue
            agent_end, start = de, de + (1 if doc[de].lower_ in ("de", "d'", "d’") else 0)
        head = _phrase_head(doc, first)
        if head is None or not first <= head.i < agent_end:
            continue
        end = _clause_end(doc, start, sent_end, stops)
        if que is None:  # "l'annonce par X de Y intervient alors que": the noun phrase ends before its verb
            end = next((w.i for w in doc[start:end] if w.pos_ in ("VERB", "AUX") and _finite(w)), end)
        elif t.dep_ in SUBJECT_DEPS and t.head.pos_ in ("VERB", "AUX") and start < t.head.i < end:
            # "l'annonce par X que Y serait fermée a surpris Z": the noun is the subject of the main verb,
            # whose group ends the clause it introduces
            end = min(end, _verb_group(t.head)[0])
        end = _before_trailing_aside(doc, start, end)
        span = _char_range(doc, start, end)
        if span is None or end - start < 2:
            continue
        speaker = _noun_phrase(head, start_at=first, stop_at=agent_end)
        out.append(Frame("canonical", "annoncer", (t.idx, t.idx + len(t)), speaker, head.idx, [span],
                         nominal=que is None))
    return out


@functools.cache
def _quote_close_ids() -> frozenset[int]:
    """Keys of every text `t.text in QUOTE_CLOSE` accepts: the marks and their runs in that string."""
    return _ids(QUOTE_CLOSE[a:b] for a in range(len(QUOTE_CLOSE)) for b in range(a + 1, len(QUOTE_CLOSE) + 1))


def _quote_incises(doc: Doc, known: set[int]) -> list[tuple[Token, Token, CueSpec]]:
    """'« ... », analyse le politologue X', '« ... », l'avait mis en garde X': a closing quote, a comma, a
    finite verb group and its inverted subject make an incise whatever the verb."""
    out = []
    # a Token only at a closing quote mark (the ORTH keys of the marks, read from the token array):
    # a Token per word of the doc cost more than the rest of the test
    closing = _quote_close_ids()
    for i in [i for i, key in enumerate(doc.to_array(ORTH).tolist()[:-3]) if key in closing]:
        t = doc[i]
        if t.text not in QUOTE_CLOSE or doc[i + 1].text != ",":
            continue
        if t.text == '"' and _opens_quote(doc, i):
            continue
        j = i + 2
        while j < len(doc) and (doc[j].lower_ in _OBJECT_CLITICS or doc[j].lower_ in ("ne", "n'", "se", "s'")
                                or doc[j].pos_ == "AUX" and doc[j].dep_.startswith("aux")):
            j += 1
        if j >= len(doc) or doc[j].i in known or doc[j].pos_ != "VERB" and not _mistagged_verb(doc, j):
            continue
        verb = doc[j]
        # ("« ... », promettait X": whatever the verb, the words quoted are X's)
        finite = "Fin" in verb.morph.get("VerbForm") or _aux_children(verb) or verb.pos_ != "VERB" \
            or _mistagged_infinitive(verb)
        if not finite or any(c.dep_ in SUBJECT_DEPS and c.i < verb.i and not _inside_quote(doc, c.i, verb.sent.start)
                             for c in verb.children):
            continue
        group_end = _verb_group(verb)[1]
        subject = _inverted_subject(verb, group_end)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            continue  # (a clitic "-t-il" after an unknown verb: left to the quote's other readings)
        out.append((verb, verb, CueSpec(verb.lemma_.lower() or verb.lower_, frozenset())))
    return out


def _mistagged_verb(doc: Doc, j: int) -> bool:
    """'« ... », soupire l'acteur', '« ... », a tempêté X': a verb the tagger took for a noun. After a
    quotation and its comma, a bare lowercase word right after an auxiliary, or right before a
    determiner or a name, heads no noun phrase: it is the incise's verb."""
    t = doc[j]
    if t.pos_ != "NOUN" or not t.text.islower() or j + 1 >= len(doc):
        return False
    after_aux = doc[j - 1].pos_ == "AUX" and doc[j - 1].dep_.startswith("aux")
    return after_aux or doc[j - 1].text == "," and doc[j + 1].pos_ in ("DET", "PROPN")


def _hypothetical(verb: Token, frame: Frame) -> bool:
    """A cue in a conditional clause ('Si le ministre affirme que X, ...') or under a verb of committing
    or agreeing ('a promis que ... les États-Unis proposeraient', 's'est engagé à ce que ... déclare'):
    nothing was said yet, or what was said is counted as a commitment, not a statement."""
    if frame.kind not in ("canonical", "participle"):
        return False
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "mark" and c.i < verb.i and c.lower_ in ("si", "s'", "s’") and not (
                c.i > 0 and doc[c.i - 1].lower_ in ("même", "comme", "que", "qu'")) and _conditional_si(verb):
            return True  # ("même si X a affirmé", "comme si": a fact; "demande si": the content's)
    token, steps = verb, 0
    while token.head.i != token.i and steps < 4:
        if token.dep_ not in ("ccomp", "xcomp", "advcl", "obj", "obl:arg", "acl", "csubj") and not (
                token.dep_ == "acl:relcl" and token.head.lower_ == "ce"):  # "s'engager à ce que X déclare"
            break
        token = token.head
        steps += 1
        if token.i < verb.i and _non_reporting_governor(token):
            return True
    return False


def _conditional_si(verb: Token) -> bool:
    """'Si X affirme que ..., Y manifesteront' (present), 'Si X affirmait que ..., Y serait' (imperfect and a
    conditional main clause) suppose the words; 'S'il accusait X, il a depuis ...' and 'S'il a dit que'
    tell what was said, set against what follows."""
    if _aux_children(verb) or "Fin" not in verb.morph.get("VerbForm"):
        return False
    tense = verb.morph.get("Tense")
    if "Pres" in tense:
        return True
    main = verb.head
    moods = [*main.morph.get("Mood"), *(m for a in _aux_children(main) for m in a.morph.get("Mood"))]
    return "Imp" in tense and "Cnd" in moods


def _non_reporting_governor(token: Token) -> bool:
    for lemma, forms in _non_reporting_forms().items():
        if token.lower_ in forms or token.lemma_.lower() == lemma.split()[-1].split("'")[-1]:
            # "s'engager" needs its reflexive clitic ("a engagé un bras de fer" commits to nothing)
            if lemma.startswith(("se ", "s'")) and not any(
                    "Yes" in c.morph.get("Reflex") and c.i < token.i for c in token.children):
                continue
            return True
    return False


@functools.cache
def _non_reporting_forms() -> dict[str, frozenset[str]]:
    """lemma -> its forms, for the verbs of committing and agreeing."""
    out = {}
    for lemma, extra in _frame_words()["non_reporting_governors"].items():
        base = lemma[3:] if lemma.startswith("se ") else lemma[2:] if lemma.startswith(("s'", "s’")) else lemma
        out[lemma] = frozenset(f.lower() for f in verb_forms(base, extra or []))
    return out


def _denial_comment(doc: Doc, frame: Frame) -> bool:
    span = doc.char_span(frame.cue[0], frame.cue[1], alignment_mode="expand")
    return span is not None and _ce_que_before(doc, span.start)


def _ce_que_before(doc: Doc, i: int) -> bool:
    """'ce qu'' / 'ce que' right before token i: a relative that takes up the whole clause before it."""
    return i >= 2 and span_text(doc, i - 2, i).lower().replace("’", "'") in ("ce qu'", "ce que")


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Characters of tokens [start, end), without the punctuation at either end (quote marks kept
    only when they pair with one inside the span)."""
    while start < end and (doc[start].is_space or doc[start].is_punct and doc[start].text not in QUOTE_OPEN + "("):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_CLOSE + ")"):
        end -= 1
    if end <= start:
        return None
    text = span_text(doc, start, end)
    # an unpaired quote mark at an edge belongs to a quotation that goes on outside the span
    if text[:1] in QUOTE_OPEN and _unpaired(text, text[0]):
        start += 1
    if end > start and doc[end - 1].text in QUOTE_CLOSE and _unpaired(span_text(doc, start, end), doc[end - 1].text):
        end -= 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_CLOSE + ")"
                           or doc[end - 1].lower_ in ("et", "ou", "mais", "ni")):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _unpaired(text: str, mark: str) -> bool:
    if mark == '"':
        return text.count('"') % 2 == 1
    pairs = {"«": "»", "»": "«", "“": "”", "”": "“"}
    other = pairs.get(mark)
    return other is not None and text.count(mark) != text.count(other)


class _AskedStops:
    """Stop positions as _verb_frame's first pass sees them, noting every position it asks about.

    find_frames reads each cue twice: with every candidate stop, to learn which cues make frames, then
    with the stops so found. _verb_frame reads its stops only by `in` (in _clause_end and
    _after_medial_incise), and is a function of the parse and of those answers: where the final stops
    answer each position asked as the candidates did, the second reading would build the same frame.
    """
    __slots__ = ("stops", "own", "asked")

    def __init__(self, stops: set[int]) -> None:
        self.stops = stops
        self.own: int | None = None  # the frame's own start, which never stops its content
        self.asked: set[int] = set()

    def without(self, own: int) -> _AskedStops:
        self.own = own
        return self

    def __contains__(self, i: int) -> bool:
        self.asked.add(i)
        return i != self.own and i in self.stops

    def same_answers(self, stops: set[int]) -> bool:
        return all((i in stops) == (i in self.stops) for i in self.asked if i != self.own)


def _verb_frame(doc: Doc, verb: Token, last: Token, spec: CueSpec, stops: set[int] | _AskedStops) -> Frame | None:
    group_start, group_end = _verb_group(verb)
    if last.i != verb.i:  # "avait fait valoir": the auxiliary may hang on either word
        auxiliaries = [c.i for c in last.children if c.dep_.startswith("aux") and c.i < verb.i
                       and not any(t.is_punct for t in doc[c.i:verb.i])]
        group_start = min([group_start, *auxiliaries])
    group_end = max(group_end, last.i + 1)
    sent_start, sent_end = _sentence_bounds(verb)
    negated = _negated(verb)
    reflexive = any("Yes" in c.morph.get("Reflex") and c.i < verb.i for c in verb.children)  # "s'est déclarée"
    passive = not spec.adjective and not reflexive and (
        any(c.dep_ == "aux:pass" for c in verb.children) or "Pass" in verb.morph.get("Voice")
        and any(c.lower_ in ("été", "est", "sont", "était", "étaient") for c in verb.children)
        # "Sommée par le président de X, l'armée ...": a bare participle with its agent
        or not _aux_children(verb) and "Fin" not in verb.morph.get("VerbForm")
        and not any(c.dep_ == "nsubj" for c in verb.children) and _passive_agent(verb) is not None)
    participle = "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense") or (
        verb.lower_.endswith("ant") and not _aux_children(verb))
    cue = (doc[group_start].idx, last.idx + len(last))
    own_stops = stops.without(group_start) if isinstance(stops, _AskedStops) else {s for s in stops if s != group_start}
    if group_start - 3 >= sent_start and _ce_que_before(doc, group_start) and doc[group_start - 3].text == ",":
        # "X affirme que Y, ce qu'a démenti Z": Z speaks, and what Z denied is Y
        subject = _inverted_subject(verb, group_end)
        comma = group_start - 3
        marks = [j for j in range(sent_start, comma) if doc[j].lower_ in ("que", "qu'", "qu’") and doc[j].dep_ == "mark"]
        start = marks[-1] + 1 if marks else sent_start
        if subject is None or comma - start < 2:
            return None
        return _frame("incise", spec, cue, subject, [(start, comma)], doc, negated, passive)
    comme = _comme_clause(doc, group_start, sent_start)
    if comme is not None and comme != sent_start and any(t.pos_ == "PRON" and t.dep_ in SUBJECT_DEPS
                                                         for t in doc[comme + 1:group_start]) \
            and any(t.text == "," for t in doc[group_end:sent_end]):
        comme = None  # "devenir, comme il le dit, « plus présidentiel »": words of the clause it interrupts
    if comme is not None and spec.lemma in _frame_words()["demand_verbs"]:
        return None
    if comme is not None:
        # "Comme le rappelle X, Y" / "Y, comme l'a dit X": X vouches for the main clause
        subject = _inverted_subject(verb, group_end) or _subject(verb)
        if subject is None:
            return None
        after_subject = max(t.i for t in subject.subtree) + 1
        if comme == sent_start:
            comma = next((j for j in range(after_subject, sent_end) if doc[j].text == ","), None)
            if comma is None:
                return None
            contents = [(comma + 1, _clause_end(doc, comma + 1, sent_end, own_stops))]
        else:
            contents = _content_before(doc, comme, sent_start)
        return _frame("source", spec, cue, subject, contents, doc, negated, passive)
    if _is_incise(doc, group_start, verb, group_end) and not participle:
        subject = _inverted_subject(verb, group_end)
        contents = _content_before(doc, group_start, sent_start)
        # "X, a-t-il dit, Y": the words after a medial incise are his too
        verbless = bool(contents) and not _has_finite_verb(doc, *contents[0])
        after = _after_medial_incise(doc, subject, group_end, sent_end, own_stops, verbless)
        if after and contents and not _has_finite_verb(doc, *contents[0]):
            # "la Russie, affirme-t-il, n'a pas de préférence": one clause around the incise
            contents = [(contents[0][0], after[1])]
        elif after:
            contents.append(after)
        return _frame("incise", spec, cue, subject, contents, doc, negated, passive)
    if _narrative_infinitive(verb):
        found = _content_after(verb, spec, group_end, own_stops)
        if not found:
            return None
        subject = _narrative_subject(verb)
        frame = _frame("narrative" if subject is None else "canonical", spec, cue, subject,
                       [(s, e) for s, e, _ in found], doc, negated, passive)
        frame.nominal = found[0][2]
        return frame
    if passive:
        subject = _passive_agent(verb)
    elif "Inf" in verb.morph.get("VerbForm") and _purpose_infinitive(verb):
        governors = [t for t in doc[sent_start:verb.i] if t.pos_ in ("VERB", "AUX") and not t.dep_.startswith("aux")]
        subject = _subject(governors[-1]) or _linear_subject(doc, _verb_group(governors[-1])[0], sent_start)
    elif participle:
        subject = _participle_subject(verb)
    elif (detached := _detached_auxiliary(verb)) is not None and _subject(detached) is not None:
        subject = _subject(detached)  # "X a de son côté précisé": the parse's verb is "a"
    else:
        subject = _subject(verb) or (_subject(last) if last.i != verb.i else None) \
            or _linear_subject(doc, group_start, sent_start)
        if subject is not None and subject.i < group_start:
            subject = _after_fronted_phrase(doc, subject, group_start, sent_start)
    found = _content_after(verb, spec, group_end, own_stops)
    kind = "participle" if participle else "canonical"
    if not found or _sentencing(verb, spec):
        return None
    if _relative_on_object(doc, verb, found[0][0], group_start, sent_start):
        # the content ends with the relative clause: at the first comma or finite verb (the main clause's)
        s, e, n = found[0]
        # ('envers' tagged a verb: only an auxiliary or the sentence's root verb opens the main clause)
        cut = next((k for k in range(s + 1, e) if (doc[k].text in (",", ";", ":", "(") or _finite(doc[k])
                                                   and (doc[k].pos_ == "AUX" or doc[k].dep_ == "ROOT"))
                    and not _inside_quote(doc, k, s)), e)
        found = [(s, cut, n)]
    if passive and _passive_agent(verb) is None and _verdict(doc, found[0][0]):
        return None  # "55 000 personnes sont déclarées positives", "a été reconnu coupable": a finding, not speech
    if passive and subject is not None:  # "qualifié de « X » par Y": the agent is not what was said
        found = [(a, min(b, _agent_start(subject)) if a < _agent_start(subject) else b, n) for a, b, n in found]
        found = [(a, b, n) for a, b, n in found if b > a]
        if not found:
            return None
    if _fronted_infinitive(doc, group_start, sent_start) and not _postposed_adjunct(verb) or participle and (
            _opens_sentence(doc, group_start, sent_start) or _after_fronted_participles(doc, group_start, sent_start)):
        # ("Estimant que X, le ministre a convoqué Y": the participle's content ends before the main clause)
        found = _end_before_apposed_subject(doc, verb, _end_before_main_clause(doc, found))
        subject = _main_clause_subject(doc, found[-1][1], sent_end) or subject
    frame = _frame(kind, spec, cue, subject, [(s, e) for s, e, _ in found], doc, negated, passive)
    frame.nominal = found[0][2] and not _has_finite_verb(doc, found[0][0], found[0][1])
    frame.borrowed_subject = not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    return frame


def _relative_on_object(doc: Doc, verb: Token, content_start: int, group_start: int, sent_start: int) -> bool:
    """'l'accord qu'il jugeait insuffisant, ...', 'le traité qu'il a menacé de déchirer sera ...': the verb's
    subject comes right after a 'que' that follows a noun, the relative pronoun standing for the verb's
    object; what follows the verb (an attribute, 'de' + infinitive) belongs to the relative clause, and the
    main clause comes after it. (A content opened by 'que' is a completive: 'le fait qu'il ait dit que X'.)"""
    if doc[content_start].lower_ in ("que", "qu'", "qu’"):
        return False
    j = group_start - 1
    if j >= sent_start and doc[j].lower_ in ("il", "elle", "ils", "elles", "on"):
        j -= 1
    else:  # a named subject: "que Paul Girard juge", "que le ministre estime"
        while j >= sent_start and group_start - j <= 6 and (doc[j].pos_ in ("PROPN", "NOUN", "DET", "ADJ")
                                                             or doc[j].lower_ in ("m.", "mme")) \
                and doc[j].lower_ not in ("que", "qu'", "qu’"):
            j -= 1
    if not (j > sent_start and doc[j].lower_ in ("que", "qu'", "qu’")):
        return False
    if verb.dep_ == "ccomp" and verb.head.i < j and verb.head.pos_ in ("VERB", "AUX"):
        return False  # "a annoncé à M. X que M. Y souhaitait le rencontrer": a completive after an addressee
    before = doc[max(sent_start, j - 6):j]
    if any(t.pos_ == "VERB" and t.i < a.i for t in before for a in before if a.lower_ in ("à", "au", "aux")):
        return False  # (the parser made the completive the root)
    antecedent = doc[j - 1]
    if antecedent.text == "," and j - 2 >= sent_start:
        antecedent = doc[j - 2]  # "L'accord, qu'il jugeait insuffisant, a été": an appositive relative
    return antecedent.pos_ in ("NOUN", "PROPN", "ADJ") and antecedent.lower_ not in _frame_words()["time_nouns"]


def _after_fronted_phrase(doc: Doc, subject: Token, group_start: int, sent_start: int) -> Token:
    """'Libéral soucieux de plaire, M. X a assuré': the parser made the detached phrase in front the
    subject; the subject is the noun phrase after its comma, right before the verb."""
    linear = _linear_subject(doc, group_start, sent_start)
    if linear is None or linear.i <= subject.i:
        return subject
    left = min(t.i for t in linear.subtree if t.i >= subject.i)
    if doc[left - 1].text != "," or left - 1 <= subject.i or linear.pos_ not in ("NOUN", "PROPN"):
        return subject
    return linear


def _passive_agent(verb: Token) -> Token | None:
    """The agent of a passive cue: its 'obl:agent', else a 'par' phrase the parser hung lower in the
    verb's phrase ('qualifié de « pure fiction » par X': X under 'fiction')."""
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    if agent is not None:
        return agent
    if "Part" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense"):
        return None
    for t in verb.subtree:
        if t.i > verb.i and t.lower_ == "par" and t.dep_ == "case" and t.head.i > t.i \
                and t.head.pos_ in ("PROPN", "NOUN") and t.head.i - t.i <= 4 and t.head.lower_ not in _time_nouns():
            head = t.head
            return head
    # "un vote critiqué et qualifié de « mascarade » par l'opposition": the parser hung the 'par' phrase right
    # after the participle's quoted attribute on the noun the participle qualifies
    right = max(t.i for t in verb.subtree)
    doc = verb.doc
    if right + 2 < len(doc) and doc[right].text in QUOTE_CLOSE and doc[right + 1].lower_ == "par" \
            and doc[right + 1].dep_ == "case" and doc[right + 1].head.i > right + 1 \
            and doc[right + 1].head.pos_ in ("PROPN", "NOUN") and doc[right + 1].head.i - right <= 5 \
            and doc[right + 1].head.lower_ not in _time_nouns():
        return doc[right + 1].head
    return None


def _agent_start(agent: Token) -> int:
    """Token index of the 'par' that introduces an agent."""
    j = agent.left_edge.i
    while j > 0 and agent.doc[j].lower_ != "par" and j > agent.i - 6:
        j -= 1
    return j if agent.doc[j].lower_ == "par" else agent.left_edge.i


@functools.cache
def _time_nouns() -> frozenset[str]:
    return frozenset(_frame_words()["time_nouns"])


def _fronted_infinitive(doc: Doc, group_start: int, sent_start: int) -> bool:
    """'Après avoir accusé X de Y, le président ...': an infinitive adjunct that opens the sentence
    says what the subject of the main clause after it did."""
    if "Inf" not in doc[group_start].morph.get("VerbForm"):
        return False
    for n in (2, 1):
        opener = doc[max(sent_start, group_start - n):group_start]
        if len(opener) == n and opener.text.lower().replace("’", "'") in _frame_words()["fronted_infinitive_openers"]:
            return opener.start == sent_start or doc[opener.start - 1].text == ","
    return False


def _postposed_adjunct(verb: Token) -> bool:
    """'X a assuré Y, avant d'ajouter : « A, B »': an infinitive adjunct after the verb it hangs on, whose
    content runs on (no main clause after it to end before)."""
    return verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i


def _sentencing(verb: Token, spec) -> bool:
    """'Un tribunal a condamné X à neuf ans de prison': a sentence passed, not words reported."""
    words = _frame_words()
    if spec.lemma not in words["sentencing_cues"]:
        return False
    penalties = set(words["sentence_words"])
    # ("condamné X à mort": the parser may hang the penalty on the one sentenced)
    complements = [c for c in verb.children if c.dep_.startswith("obl")] + [
        n for c in verb.children if c.dep_ == "obj" for n in c.children if n.dep_ == "nmod"]
    return any(any(k.dep_ == "case" and k.lower_ in ("à", "au", "aux") for k in c.children)
               and any(t.lower_ in penalties for t in c.subtree) for c in complements)


def _verdict(doc: Doc, start: int) -> bool:
    """A passive cue's content that opens on an attribute ('déclaré mort', 'reconnu coupable') or on a time
    ('appelés à 9H43'): what someone was found or when they were called, no words reported."""
    t = doc[start]
    if t.pos_ == "ADJ" or t.lower_ in _frame_words()["verdict_words"]:
        return True
    return t.lower_ in ("à", "vers", "dès") and start + 1 < len(doc) and doc[start + 1].text[:1].isdigit()


def _opens_sentence(doc: Doc, group_start: int, sent_start: int) -> bool:
    """A verb group with nothing but punctuation, 'en' or a conjunction before it in its sentence."""
    return all(t.is_punct or t.lower_ in ("en", "et", "mais", "tout") for t in doc[sent_start:group_start])


def _after_fronted_participles(doc: Doc, group_start: int, sent_start: int) -> bool:
    """'Soulignant X, rappelant Y, le sénateur Z s'est rendu à Lyon', 'Arrivé lundi, saluant X, Z a promis
    Y': a participle clause after a comma that follows only other participle clauses opening the sentence
    (no finite verb of their own before it) is fronted as the first one is: its words end before the main
    clause, whose subject says them."""
    if group_start - 1 <= sent_start or doc[group_start - 1].text != ",":
        return False
    first = next((t for t in doc[sent_start:group_start] if not t.is_punct and t.lower_ not in ("en", "et", "mais", "tout")),
                 None)
    if first is None or "Part" not in first.morph.get("VerbForm") or first.pos_ not in ("VERB", "AUX"):
        return False
    # (a finite verb only inside what a participle reports: "Estimant que le vote était truqué, réclamant Y")
    que = next((t.i for t in doc[first.i:group_start] if t.lower_ in ("que", "qu'", "qu’")), group_start)
    return not any(_finite(t) for t in doc[first.i:que])


def _end_before_main_clause(doc: Doc, found: list) -> list:
    """'Après avoir annoncé que X, le président a évoqué Y': when the parser hangs the main clause under
    the fronted verb, the content still ends at the comma before the main clause's subject and verb."""
    start, end, nominal = found[-1]
    for k in range(start + 1, end - 1):
        if doc[k].text != ",":
            continue
        verb = next((t for t in doc[k + 1:end] if _finite(t)), None)
        if verb is None:
            break
        verb = verb.head if verb.dep_.startswith("aux") else verb
        between = doc[k + 1:verb.i]
        if any(c.dep_ == "nsubj" and k < c.i < verb.i for c in verb.children) \
                and not any(t.pos_ in ("SCONJ", "PRON") and t.dep_ in ("mark", "obj", "nsubj") and t.lower_ not in
                            ("il", "elle", "ils", "elles", "on") for t in between):
            return found[:-1] + [(start, k, nominal)]
    return found


def _end_before_apposed_subject(doc: Doc, cue: Token, found: list) -> list:
    """'Dénonçant une atteinte à X, l'ONG Y, spécialisée dans Z, a reçu ...': when the parser hangs the main
    clause's subject on the content (an apposition, an adjunct), the content ends at the comma before the
    noun phrase that stands right before the main verb (over its appositions between commas). The main
    verb: the one the fronted cue hangs on, else the sentence's root, else the first finite verb after."""
    start, end, nominal = found[-1]
    sent = doc[start].sent
    verb = cue.head if cue.head.i > start and cue.head.pos_ in ("VERB", "AUX") else \
        sent.root if sent.root.i > start and sent.root.pos_ in ("VERB", "AUX") else \
        next((t for t in doc[end:sent.end] if _finite(t)), None)
    if verb is None or _inside_quote(doc, verb.i, start) \
            or any(doc[j].lower_ in ("qui", "que", "qu'", "qu’", "dont") for j in range(start, verb.i)):
        return found
    verb = verb.head if verb.dep_.startswith(("aux", "cop")) and verb.head.i > verb.i else verb
    subject = _linear_subject(doc, _verb_group(verb)[0], start)
    if subject is None or not start < subject.i < min(end, verb.i):
        return found
    k = subject.i - 1  # over the words before the head noun ("l'", "la nouvelle", "M."): the comma before them
    while k > start and (doc[k].pos_ in ("DET", "ADJ", "NUM") or doc[k].lower_ in ("m.", "mme")):
        k -= 1
    if doc[k].text != "," or k - start < 2:
        return found
    return found[:-1] + [(start, k, nominal)]


def _main_clause_subject(doc: Doc, content_end: int, sent_end: int) -> Token | None:
    """The subject of the first finite verb after the comma that ends a fronted adjunct."""
    if content_end >= sent_end or doc[content_end].text != ",":
        return None
    for t in doc[content_end + 1:sent_end]:
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
            verb = t.head if t.dep_.startswith("aux") else t
            subject = _subject(verb) or _linear_subject(doc, _verb_group(verb)[0], content_end + 1)
            return subject if subject is not None and subject.i > content_end else None
    return None


def _linear_subject(doc: Doc, group_start: int, sent_start: int) -> Token | None:
    """When the tree gives the verb no subject: the noun phrase right before the verb group, over
    an apposition between commas ('Sarfraz Ahmed, un pompier, a raconté')."""
    j = group_start - 1
    while j >= sent_start:
        t = doc[j]
        if t.pos_ == "ADJ" and j > sent_start and doc[j - 1].lower_ in ("ce", "cette", "ces") \
                and t.lower_ in _frame_words()["demonstrative_adjectives"]:
            return t  # "Ce dernier, qui fut maire, a indiqué": the parser makes 'dernier' an adjunct
        if t.pos_ == "ADV" or t.lower_ in _frame_words()["skippable_words"]:
            j -= 1
            continue
        if t.text == ",":
            opening = next((k for k in range(j - 1, max(sent_start, j - 40) - 1, -1) if doc[k].text == ","), None)
            if opening is None:
                return None
            j = opening - 1
            continue
        if t.text == ")":  # "l'écologiste X (EELV), à la tête de ..., a annoncé": over the parenthesis
            opening = next((k for k in range(j - 1, max(sent_start, j - 12) - 1, -1) if doc[k].text == "("), None)
            if opening is None:
                return None
            j = opening - 1
            continue
        if (t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") or t.dep_ in SUBJECT_DEPS or t.ent_type_ == "PER") and t.lower_ not in (
                "que", "qu'", "qui", "se", "s'", "le", "la", "les", "l'", "lui", "leur", "y", "en"):
            # climb from the last word of the phrase to its head: "La cheffe de la diplomatie chilienne"
            head = t
            while head.dep_ not in SUBJECT_DEPS and sent_start <= head.head.i < head.i and head.head.i != head.i \
                    and not (head.dep_ == "appos" and doc[head.left_edge.i - 1].text == ","):
                if head.dep_ == "conj" and _in_prepositional_phrase_head(head.head) and head.head.i < j:
                    # "En revanche, X et Y ont critiqué": the parser joined X and Y to the adverbial's
                    # noun; the subject is the first of them after it
                    head = min((c for c in head.head.children if c.dep_ == "conj" and c.i > head.head.i), key=lambda c: c.i)
                    break
                if head.dep_ in ("flat:name", "appos", "acl", "conj", "dep") and head.head.i < head.i \
                        and any(doc[k].text == "," for k in range(head.head.i, head.i)):
                    # the parser joined a name to another across a comma, or to the phrase fronted before it
                    # ("A l'issue de ..., le chancelier X a déclaré"): the one before the verb stands
                    break
                if head.dep_ in ("obj", "iobj", "obl", "obl:arg", "obl:mod") and head.pos_ == "PROPN" \
                        and head.head.pos_ == "VERB" and head.head.dep_ == "advcl":
                    break  # "Interrogé sur X, Paul Vial, ..., estimait": a phrase the parser hung on a participle
                if head.head.pos_ == "VERB" and "Part" in head.head.morph.get("VerbForm") \
                        and any(doc[k].text == "," for k in range(head.head.i, head.i)):
                    break  # "Contacté par l'AFP, Paul Vial a assuré": the name after the fronted participle's comma
                head = head.head  # (", Pierre Martin a dit": a name after a comma is a phrase of its own)
            if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.i < head.i \
                    and (head.head.ent_type_ == "PER" or head.head.pos_ == "PROPN"):
                head = head.head  # "X, professeure de chimie, qui ..., juge": the name the description is set beside
            # (a first name the tagger took for another word is still a name: "Luis" as an adverb)
            return head if head.pos_ in ("NOUN", "PROPN", "PRON") or head.dep_ in SUBJECT_DEPS \
                or head.ent_type_ == "PER" else None
        return None
    return None


def _in_prepositional_phrase_head(token: Token) -> bool:
    """A noun that heads a phrase opened by a preposition ('en revanche', 'de son côté')."""
    return token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "case" and c.i < token.i for c in token.children)


def _after_comma(doc: Doc, verb: Token) -> bool:
    """A participle clause set off by a comma (or a gerund's 'en'), not one that follows its own noun
    ('un éditorial affirmant que')."""
    start = _verb_group(verb)[0]
    j = start - 1
    while j >= 0 and doc[j].lower_ in ("en", "tout"):
        j -= 1
    return j >= 0 and (doc[j].text == "," or j < start - 1)


def _comme_clause(doc: Doc, group_start: int, sent_start: int) -> int | None:
    """Index of the 'comme' that opens 'comme le rappelle X' / ', comme l'a dit X' / ', comme elle l'a
    expliqué' before a cue."""
    j = group_start - 1
    while j >= sent_start and doc[j].lower_ in ("le", "l'", "l’", "l", "il", "elle", "ils", "elles", "on"):
        j -= 1
    if j < sent_start or doc[j].lower_ != "comme":
        return None
    return j if j == sent_start or doc[j - 1].text in (",", "(", "-", "–") else None


def _reported_inside(frame: Frame, frames: list[Frame], outside: int) -> bool:
    """The cue of `frame` stands in words another frame reports, which do not reach `outside`."""
    return any(c[0] <= frame.cue[0] < c[1] and not c[0] <= outside < c[1]
               for other in frames if other is not frame for c in other.contents)


def _in_relative_clause(doc: Doc, frame: Frame) -> bool:
    span = doc.char_span(frame.cue[0], frame.cue[1], alignment_mode="expand")
    return span is not None and len(span) > 0 and _restrictive_qui_clause(span.root)


def _restrictive_qui_clause(verb: Token) -> bool:
    """'à Y qui lui proposait Z': a relative clause about its antecedent (its subject is 'qui'), not set
    off by a comma; 'pendant laquelle X a parlé' has a subject of its own."""
    return verb.dep_ == "acl:relcl" and verb.doc[verb.left_edge.i - 1].text != "," and any(
        c.dep_ in SUBJECT_DEPS and c.lower_ == "qui" for c in verb.children)


def _participle_subject(verb: Token) -> Token | None:
    """'..., ajoutant que': the subject of the finite verb the participle clause depends on, else
    of the sentence's main verb; a participle that follows its noun ('un éditorial affirmant que') has
    that noun for subject."""
    head = verb.head
    if verb.dep_ in ("acl", "amod") and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i \
            and not _after_comma(verb.doc, verb):
        return _document_author(head) or head
    own = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")
                and not any(t.is_punct for t in verb.doc[c.i:verb.i])), None)
    if own is not None and verb.dep_ == "advcl":
        return own  # an absolute participle clause: "..., M. X estimant que Y" has its own subject
    seen = {verb.i}
    after_comma = _after_comma(verb.doc, verb)
    while head.i not in seen:
        seen.add(head.i)
        if after_comma and _restrictive_qui_clause(head):
            # "X a répondu à Y qui lui proposait Z, assurant que": the relative clause is about Y,
            # the participle set off by its comma goes with the main clause
            head = head.head
            continue
        if head.pos_ in ("VERB", "AUX", "ADJ") and ("Fin" in head.morph.get("VerbForm") or _aux_children(head)) \
                and not (after_comma and head.i > verb.i):
            # (", estimant que X « nous prive »": a verb after the participle is in its own content)
            subject = _subject(head)
            if subject is not None:
                return subject
        head = head.head
    root = verb.sent.root
    found = _subject(root) if root.i != verb.i else _main_clause_after(verb)
    if found is None and after_comma:
        # "Tout comme la Grèce, la France agite la menace, assurant que": the parser hung the clause on a
        # phrase with no verb; the finite verb before the comma has the subject (not a relative clause's)
        for t in reversed(verb.doc[verb.sent.start:verb.i]):
            if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not t.dep_.startswith("aux") \
                    and t.dep_ != "acl:relcl":
                found = _subject(t)
                if found is not None and found.lower_ not in ("qui", "que"):
                    return found
                found = None
    return found


@functools.cache
def _document_verb_forms() -> tuple[frozenset[str], frozenset[str]]:
    words = _frame_words()
    return tuple(frozenset(f.lower() for lemma, extra in words[key].items() for f in verb_forms(lemma, extra or []))
                 for key in ("authoring_verbs", "citing_verbs"))


def _document_author(noun: Token) -> Token | None:
    """'X a publié un communiqué expliquant que', 'X a répondu par un tweet affirmant « ... »': a document
    whose complement names no issuer, the object of a verb of writing or the 'par' / 'dans' phrase of an
    active verb that does not take others' documents, speaks for that verb's subject."""
    words = _frame_words()
    if noun.lower_ not in words["authored_documents"] or any(
            c.dep_ in ("nmod", "appos") and c.i > noun.i for c in noun.children):
        return None  # ("un communiqué de l'armée", "une lettre du ministre": the issuer is named)
    verb = noun.head
    if verb.pos_ != "VERB" or verb.i > noun.i or any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children):
        return None
    authoring, citing = _document_verb_forms()
    if noun.dep_ == "obj":
        if verb.lower_ not in authoring:
            return None
    elif noun.dep_.startswith("obl"):
        case = next((c.lower_ for c in noun.children if c.dep_ == "case"), None)
        if case not in ("par", "dans") or verb.lower_ in citing:
            return None
    else:
        return None
    subject = _subject(verb)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN", "PRON") \
        and subject.lower_ not in ("qui", "que", "qu'", "on") else None


def _main_clause_after(verb: Token) -> Token | None:
    """'Dénonçant une « trahison », le maire X a quitté le parti': the parser made the fronted
    participle the root; the subject is that of the first finite verb after the comma that closes it."""
    doc = verb.doc
    sent_start, sent_end = _sentence_bounds(verb)
    comma = next((j for j in range(verb.i + 1, sent_end) if doc[j].text == "," and not _inside_quote(doc, j, sent_start)),
                 None)
    if comma is None:
        return None
    finite = next((t for t in doc[comma + 1:sent_end] if t.pos_ in ("VERB", "AUX") and _finite(t)), None)
    if finite is None:
        return None
    group_start = _verb_group(finite if not finite.dep_.startswith("aux") else finite.head)[0]
    return _linear_subject(doc, group_start, comma + 1)


def _after_medial_incise(doc: Doc, subject: Token | None, group_end: int, sent_end: int,
                         stops: set[int], verbless_before: bool = False) -> tuple[int, int] | None:
    """The clause after 'X, a-t-il dit, Y': the incise's subject phrase ends at a comma, then Y."""
    end_of_subject = group_end
    if subject is not None and subject.lower_ not in ("-il", "-elle", "-ils", "-elles", "-on"):
        end_of_subject = max(t.i for t in subject.subtree) + 1
    j = end_of_subject
    while j < sent_end and doc[j].text != "," and j - end_of_subject < 8:
        j += 1
    if j >= sent_end or doc[j].text != ",":
        return None
    start = j + 1
    if start in stops or start < sent_end and _opens_adjunct(doc, start, sent_end):
        return None  # ", ajoutant que ...", ", selon X": another frame, not more words of this one
    if start < sent_end and doc[start].lower_ in ("qui", "que", "qu'", "dont", "où", "lequel", "laquelle"):
        return None  # ", a dit X, qui ...": a relative clause about the speaker
    opener = " ".join(t.lower_ for t in doc[start:min(sent_end, start + 2)]).replace("’", "'")
    if any(opener == w or opener.startswith(w + " ") for w in _frame_words()["narrator_contrasts"]):
        return None  # "« ... », a regretté X, tandis que Y a salué Z": the narrator's contrast, not X's words
    if j - end_of_subject > 2 or subject is not None and end_of_subject - subject.i > 6:
        return None  # the words after a long subject and its apposition are the article's, not the speaker's
    if not verbless_before and start < sent_end and doc[start].pos_ == "ADP":
        return None  # "« ... », a dit X, dans une référence à Y": an adjunct of the incise, not more content
    end = _clause_end(doc, start, sent_end, stops)
    if end - start < 3 or not (verbless_before or _has_finite_verb(doc, start, end, main_only=True)):
        return None
    return (start, end)


_CLITICS = frozenset({"l'", "le", "la", "les", "se", "s'", "lui", "leur", "y", "en", "ne", "n'", "me", "m'", "te",
                      "t'", "nous", "vous"})
_FINITE_ENDINGS = ("era", "eront", "erait", "eraient", "ira", "iront", "irait")  # not "-ait": "le fait"


def _has_finite_verb(doc: Doc, start: int, end: int, main_only: bool = False) -> bool:
    """A finite verb, or a word the tagger took for a noun that a clitic and a verb ending mark as one
    ('Son épouse l'accompagnera'); with `main_only`, not one of a relative clause ('... où elle a assisté')."""
    return any(t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or _mistagged_infinitive(t))
               and not (main_only and _in_relative(t, start))
               or t.i > start and doc[t.i - 1].lower_.replace("’", "'") in _CLITICS and t.lower_.endswith(_FINITE_ENDINGS)
               and t.pos_ in ("NOUN", "PROPN", "ADJ") for t in doc[start:end])


def _in_relative(token: Token, start: int) -> bool:
    """A verb of a relative or participle clause inside the span from `start` ('... où elle a assisté')."""
    verb = token.head if token.dep_.startswith("aux") or token.dep_ == "cop" else token
    for _ in range(4):
        if verb.dep_ in ("acl:relcl", "acl"):
            return True
        if verb.head.i == verb.i or verb.head.i < start:
            return False
        verb = verb.head
    return False


def _impersonal_source(subject: Token | None) -> Token | None:
    """'dit-on à Berlin', 'a-t-on indiqué à l'Elysée', 'On indique au Quai d'Orsay que': the impersonal
    'on' speaks for the place or body named after the verb, its 'à' phrase (or the 'source' of 'de
    source diplomatique'); None when no such phrase says who 'on' is."""
    if subject is None:
        return subject
    doc = subject.doc
    # ("indique-t-on": the tokenizer splits "-t" and "-on", and the parser may make "-t" the subject)
    split = subject.lower_ == "-t" and subject.i + 1 < len(doc) and doc[subject.i + 1].lower_ == "-on"
    if subject.lower_ not in ("on", "-on", "-t-on") and not split:
        return subject
    verb = subject.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.i <= verb.i or child.pos_ not in ("PROPN", "NOUN"):
            continue
        case = [g.lower_ for g in child.children if g.dep_ == "case"]
        if case and case[0] in ("à", "au", "aux") and (child.pos_ == "PROPN" or child.is_title) \
                or case == ["de"] and child.lower_ == "source" \
                or case and case[0] == "dans" and _speaking_noun(child):  # "dans l'entourage du président"
            return child
    return None


def _frame(kind: str, spec: CueSpec, cue: tuple[int, int], subject: Token | None, contents, doc: Doc,
           negated: bool, passive: bool) -> Frame:
    subject = _impersonal_source(subject)
    stop = None
    if subject is not None and subject.idx < cue[0]:  # a subject before the cue ends before it
        stop = doc.char_span(cue[0], cue[1], alignment_mode="expand")[0].i
    speaker = _noun_phrase(subject, stop_at=stop) if subject is not None else None
    spans = [r for r in (_char_range(doc, s, e) for s, e in contents) if r is not None]
    return Frame(kind, spec.lemma, cue, speaker, subject.idx if subject is not None else None, spans,
                 negated, passive)


def _colon_frame(doc: Doc, colon: Token, stops: set[int] = frozenset()) -> Frame | None:
    """'X lui a apporté son soutien : « ... »', 'X a lancé un avertissement : ...': a colon that
    opens a quotation (or, after a noun of speech, plain words) gives them to the clause's subject."""
    sent_start, sent_end = _sentence_bounds(colon)
    start = colon.i + 1
    if start >= sent_end or _inside_quote(doc, colon.i, sent_start):
        return None
    quoted = doc[start].text in QUOTE_OPEN
    speech_nouns = _speech_nouns()
    if not quoted and not any(t.lower_ in speech_nouns for t in doc[sent_start:colon.i]):
        return None
    subject = None
    for t in reversed(doc[sent_start:colon.i]):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux:tense", "aux:pass", "cop") and (
                "Fin" in t.morph.get("VerbForm") or _aux_children(t)):
            group_start, group_end = _verb_group(t)
            if _is_incise(doc, group_start, t, group_end):
                # "« ... », a déclaré son avocate, X : « ... »": the incise's subject after its verb goes on
                # speaking after the colon (not a name inside the first quotation)
                subject = _inverted_subject(t, group_end)
            else:
                subject = _subject(t) or _linear_subject(doc, group_start, sent_start)
            if subject is not None and subject.i < colon.i:
                break
            subject = None
    if subject is None:
        # "Pyongyang : « ... »": a short phrase naming the speaker, then the words
        first = max([sent_start] + [t.i + 1 for t in doc[sent_start:colon.i] if t.text in (".", ")", "!", "?")])
        lead = [t for t in doc[first:colon.i] if not t.is_punct]
        names = [t for t in lead if t.pos_ == "PROPN"]
        if quoted and 0 < len(lead) <= 4 and names:
            subject = names[0]
    if subject is None:
        return None
    if not quoted and not any(t.lower_ in speech_nouns for t in doc[subject.i + 1:colon.i]):
        # the noun of speech belongs to the clause the colon ends ('X a eu ce mot : ...'), not to a
        # phrase set before its subject ('Après son discours, X a crié « ... » : une exclamation ...')
        return None
    if quoted and _attributed_after(doc, start, sent_end):
        return None  # ': « ... », peut-on lire dans X': the words after the quotation say whose it is
    end = _clause_end(doc, start, sent_end, stops)
    span = _char_range(doc, start, end)
    if span is None:
        return None
    return Frame("colon", ":", (colon.idx, colon.idx + 1), _noun_phrase(subject), subject.idx, [span])


def _attributed_after(doc: Doc, start: int, sent_end: int) -> bool:
    """A quotation opening at `start`, closed and followed by a comma and a verb with an inverted clitic
    subject ('« ... », peut-on lire', '« ... », écrit-il'): an incise of its own, whatever its verb."""
    close = next((j for j in range(start + 1, sent_end) if doc[j].text in QUOTE_CLOSE
                  and (doc[start].text != '"' or doc[j].text == '"')), None)
    if close is None or close + 3 >= sent_end or doc[close + 1].text != ",":
        return False
    verb = doc[close + 2]
    return verb.pos_ in ("VERB", "AUX") and any(t.lower_ in _INVERTED_CLITICS for t in doc[close + 3:close + 5])


_INVERTED_CLITICS = frozenset(f"{t}{p}" for t in ("-", "-t-") for p in ("on", "il", "elle", "ils", "elles"))


def clause_subject(doc: Doc, start: int, end: int) -> Frame | None:
    """For a quotation no frame reports ('Choe a transmis au président « les salutations »'): the
    subject of the verb whose clause holds it, when that subject stands before the quotation."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    for _ in range(6):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.idx >= start and token.idx < end:
            continue
        if token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in token.children):
            subject = _subject(token)
            if subject is not None and subject.idx < start and subject.lower_ not in ("qui", "que", "il", "-il"):
                return Frame("clause", "", (token.idx, token.idx + len(token)), _noun_phrase(subject),
                             subject.idx, [])
            return None
    return None


@functools.cache
def _speech_nouns() -> frozenset[str]:
    return frozenset(load_rules()["speech_nouns"])


def speech_noun_owner(doc: Doc, start: int, end: int) -> Frame | None:
    """For a quotation inside a noun phrase headed by a noun of speech ('les déclarations du président X
    sur le « virus étranger »', 'les propos de X sur des « erreurs »'): whose words they are, the noun's
    'de' complement standing before the quotation."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    nouns = _speech_nouns()
    token = span.root
    for _ in range(3):  # up the chain of nominal complements ("sur le « X »", "sur la question du « X »")
        if token.head.i == token.i or token.dep_ not in ("nmod", "obl", "obl:arg", "obl:mod") \
                or token.head.pos_ != "NOUN":
            return None
        token = token.head
        if token.lower_ in nouns or token.lower_[:-1] in nouns and token.lower_[-1] in "sx":  # (no lemmas here)
            break
    else:
        return None
    for child in token.children:
        if child.dep_ == "nmod" and child.i > token.i and child.right_edge.idx < start \
                and any(c.dep_ == "case" and c.lower_ in ("de", "du", "des", "d'", "d’") for c in child.children):
            return Frame("noun", token.lower_, (token.idx, token.idx + len(token)), _noun_phrase(child),
                         child.idx, [])
    return None


@functools.cache
def _source_opener_ids() -> frozenset[int]:
    return _ids({"à", "a", "aux", "au", "de", "d'", "d’", *_frame_words()["source_prepositions"]})


def _source_phrases(doc: Doc, keys: list[int]) -> list[tuple[Token, Token]]:
    """'selon X', "d'après X", 'pour X,' (a source before a comma), 'à en croire X', 'aux yeux de X':
    (first token of the phrase, head of the source). `keys`: the tokens' LOWER keys (_lower_keys)."""
    words = _frame_words()
    openers = _source_opener_ids()  # what every phrase below starts with
    out = []
    for i, key in enumerate(keys):
        if key not in openers:
            continue
        token = doc[i]
        low = token.lower_
        if low in ("de", "au", "aux") and (named := _noun_source_phrase(doc, token)) is not None:
            head = _phrase_head(doc, token.i + len(named[1]))
            if head is not None and head.lower_ not in words["non_sources"]:
                out.append((token, head))
            continue
        if low in ("de", "au"):
            continue
        eyes = _eyes_phrase(doc, token)
        if eyes is not None:
            out.append((token, eyes))
            continue
        if low in words["source_prepositions"] or (low in ("d'", "d’") and token.i + 1 < len(doc)
                                                    and doc[token.i + 1].lower_ == "après"):
            first = token.i + (2 if low in ("d'", "d’") else 1)
            head = _phrase_head(doc, first)
            if head is not None and head.lower_ in words["source_speech_nouns"] and head.i + 2 < len(doc) \
                    and doc[head.i + 1].lower_ in ("de", "du", "des", "d'", "d’"):
                # "selon les confidences de son entourage": who confided is the source (a name after them
                # already makes the whole phrase one: "selon les informations du Parisien")
                inner = _phrase_head(doc, head.i + 2)
                head = inner if inner is not None and inner.pos_ == "NOUN" else head
            if head is None or head.lower_ in words["non_sources"] or head.lemma_.lower() in words["non_sources"]:
                continue
            if low == "pour":
                # "pour X, ...": a source only when a comma closes a short phrase at the start of a clause
                # (a comma the parser hung on the name is the phrase's end, not part of it)
                # (a head the parser left on a punctuation mark, the '-' of 'libre-échange', is its own end)
                right = max((t.i for t in head.subtree if not t.is_punct or t.i < head.i), default=head.i) \
                    if head.head.i != head.i else head.i
                while head.head.i == head.i and right + 1 < len(doc) and head.i <= doc[right + 1].head.i <= right \
                        and doc[right + 1].dep_ in ("flat:name", "flat", "amod", "appos", "dep"):
                    right += 1  # "Pour (la ministre) Anne Morel, « ... »": the parser made the name the root of all
                # ("Pour le politologue X, la Russie « ... »": the parser may join the clause's subject to the
                # phrase; the first comma after the head closes it)
                # (only a named source: "Pour les habitants de X, « ... »" may be whom the words are for)
                comma = next((t.i for t in doc[head.i + 1:right + 1] if t.text == ","), None)
                if comma is not None and (head.pos_ == "PROPN" or any(
                        c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)):
                    right = comma - 1
                if right + 1 >= len(doc) or doc[right + 1].text != "," or not _clause_initial(doc, token.i):
                    if head.lower_ != "qui":
                        continue
                if head.pos_ not in ("PROPN", "PRON", "NOUN") or head.lower_ in words["non_sources"]:
                    continue
                if any(c.dep_ == "nummod" and c.i < head.i for c in head.children) and not _person_noun(head):
                    continue  # "Pour ces douze Etats, le montant atteint X": a counted group the fact concerns
                if head.pos_ == "NOUN" and not _speaking_noun(head) and not head.text[:1].isupper() \
                        and not head.ent_type_:
                    continue  # "pour une prise de fonction à l'été,": a purpose, not a source
            out.append((token, head))
    return out


@functools.cache
def _speaking_nouns() -> frozenset[str]:
    from .gazetteer import role_heads
    rules = load_rules()
    lex = rules["speakers"]
    words = lex["human_heads"] + lex["trade_heads"] + lex["unnamed_heads"] + lex["person_heads"] + lex["media_heads"] \
        + lex["issuer_heads"] + rules["role_words"]["generic_heads"] + rules["role_words"]["government_heads"] \
        + list(role_heads())
    return frozenset(w.lower() for w in words)


def _speaking_noun(token: Token) -> bool:
    """A noun for people or a body that can speak ('pour les experts', 'pour l'opposition')."""
    low = token.lower_
    singular = low[:-1] if low.endswith(("s", "x")) and len(low) > 3 else low
    return any(w in _speaking_nouns() for w in (low, singular)) \
        or any(c.dep_ in ("nmod", "appos") and c.pos_ == "PROPN" for c in token.children) \
        and low in ("un", "une", "l'un", "l'une")


def _person_noun(token: Token) -> bool:
    """A noun for people ('les deux ministres', 'ces trois experts'), not for countries or bodies."""
    lex = load_rules()["speakers"]
    people = {w.lower() for w in lex["person_heads"] + lex["trade_heads"]}
    low = token.lower_
    return low in people or low.endswith(("s", "x")) and low[:-1] in people


@functools.cache
def _source_noun_phrases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(phrase, its words as the tokenizer splits them) for each source noun phrase of the lexicon, the
    longest first ("de l'aveu même de" before "de l'aveu de")."""
    phrases = ((p, tuple(re.findall(r"[\w-]+['’]|[\w-]+", p))) for p in _frame_words()["source_noun_phrases"])
    return tuple(sorted(phrases, key=lambda p: -len(p[1])))


def _noun_source_phrase(doc: Doc, token: Token) -> tuple[str, tuple[str, ...]] | None:
    """'de l'aveu (même) de X', 'aux dires de X' starting at `token`: (the phrase, its words)."""
    first, second = token.lower_.replace("’", "'"), None  # most tokens differ from every phrase here
    for phrase, words in _source_noun_phrases():
        n = len(words)
        if token.i + n >= len(doc) or n > 1 and words[0] != first:
            continue
        if n > 2:
            second = second or doc[token.i + 1].lower_.replace("’", "'")
            if words[1] != second:
                continue
        found = [t.lower_.replace("’", "'") for t in doc[token.i:token.i + n]]
        if found[:-1] == list(words[:-1]) and found[-1] in ("de", "d'", "du", "des"):
            return phrase, words
    return None


def _eyes_phrase(doc: Doc, token: Token) -> Token | None:
    """'à ses yeux', 'aux yeux de X', 'à en croire X': the source, as a possessive or a noun."""
    if token.lower_ not in ("à", "a", "aux"):  # every phrase below starts so: most tokens stop here
        return None
    i = token.i
    words = [t.lower_ for t in doc[i:i + 4]]
    if len(words) >= 3 and words[0] in ("à", "a") and words[2] == "yeux" and words[1] in ("ses", "leurs", "mes", "nos"):
        return doc[i + 1]
    if len(words) >= 4 and words[:2] == ["aux", "yeux"] and words[2] in ("de", "d'", "du", "des"):
        return _phrase_head(doc, i + 3)
    if len(words) >= 4 and words[0] in ("à", "a") and words[1:3] == ["en", "croire"]:
        return _phrase_head(doc, i + 3)
    return None


def _clause_initial(doc: Doc, i: int) -> bool:
    if i == 0 or doc[i].is_sent_start:
        return True
    before = doc[i - 1]
    return before.text in (",", ":", ";") or before.lower_ in ("mais", "et", "or")


def _phrase_head(doc: Doc, i: int) -> Token | None:
    """The head noun (or pronoun) of the phrase starting at token i."""
    for j in range(i, min(len(doc), i + 6)):
        t = doc[j]
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            head = t
            while head.dep_ in ("flat:name", "amod", "nmod", "fixed", "compound") and head.head.i >= i \
                    and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < j + 8:
                head = head.head
            return head
        if t.pos_ == "ADJ" and j > i and doc[j - 1].lower_ in ("ce", "cette", "ces") \
                and t.lower_ in _frame_words()["demonstrative_adjectives"] \
                and not (j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN")):
            return t  # "selon ces derniers": the adjective stands for the ones named last
        if t.pos_ not in ("DET", "ADJ", "NUM") and t.lower_ not in ("m.", "mme", "bien", "nombre", "beaucoup",
                                                                      "plusieurs", "certains", "certaines", "la", "plupart"):
            return None  # ("selon bien des observateurs", "d'après nombre d'experts": quantities before the noun)
    return None


def _source_extent(doc: Doc, prep: Token, head: Token) -> int:
    """Token index after a source phrase: its head's phrase, cut at the first comma after the head."""
    sent_end = prep.sent.end
    if head.lower_ == "qui":
        return head.i + 1
    if head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "yeux":  # "à ses yeux"
        return head.i + 2
    end = max([t.i for t in head.subtree if t.i >= prep.i] + [head.i]) + 1
    comma = next((j for j in range(head.i, sent_end) if doc[j].text in (",", ";", ":")), sent_end)
    # (a phrase that opens the clause runs to its comma: "Selon les experts dans le jardinage, X")
    stops = () if _clause_initial(doc, prep.i) else _frame_words()["source_phrase_stops"]
    adjunct = next((j for j in range(head.i + 1, end) if doc[j].lower_ in stops and doc[j].pos_ == "ADP"), end)
    return min(end, comma, adjunct, sent_end)


def _next_clause_start(doc: Doc, head: Token, sent_end: int) -> int:
    """Where the words after a source phrase with no comma begin a clause ("selon le quotidien Le Soir
    l'administration a renoncé", "selon son entourage espère"): a lowercase determiner or a pronoun
    right after the phrase's noun (not after a preposition that governs it), or a finite verb. The parse
    may hang that clause's subject on the source noun."""
    j = head.i + 1
    while j < sent_end:
        t = doc[j]
        if t.is_punct or t.text in QUOTE_OPEN:
            return sent_end  # a comma, a parenthesis or a quote: the other rules end the phrase there
        before = doc[j - 1]
        if _finite(t) or t.pos_ == "AUX":
            return j
        if (t.pos_ == "DET" and t.is_lower or t.pos_ == "PRON" and t.dep_ in SUBJECT_DEPS) \
                and (before.pos_ in ("NOUN", "PROPN", "ADJ", "PRON") or before.text[:1].isupper()) \
                and not before.is_punct:
            return j
        j += 1
    return sent_end


def _opens_reported_clause(doc: Doc, prep: Token) -> bool:
    """'que, selon X,': a source phrase right after the complementizer of a verb of saying."""
    j = prep.i - 1
    while j > prep.sent.start and doc[j].text == ",":
        j -= 1
    if doc[j].lower_ not in ("que", "qu'", "qu’") or j == prep.i - 1 and doc[j].lower_ == "que":
        return False
    governor = doc[j].head.head if doc[j].head.i != doc[j].i else None
    return governor is not None and _spec_for(governor) is not None


def _has_subject_from(token: Token, start: int) -> bool:
    """A verb (or the auxiliary of one) with a subject of its own between `start` and it."""
    verb = token.head if token.dep_.startswith("aux") else token
    return any(c.dep_ in SUBJECT_DEPS and start <= c.i < verb.i for c in verb.children)


def _source_frame(doc: Doc, prep: Token, head: Token, stops: set[int],
                  phrases: list[tuple[int, int]]) -> Frame | None:
    """'selon X': the content is the clause the phrase is attached to, on the side of the sentence
    that holds it (after a leading phrase, before a trailing one)."""
    sent_start, sent_end = _sentence_bounds(prep)
    phrase_end = _source_extent(doc, prep, head)
    own_stops = {s for s in stops if s != prep.i}
    cue = (prep.idx, doc[prep.i + 1].idx + len(doc[prep.i + 1]) if prep.lower_ in ("d'", "d’") else prep.idx + len(prep))
    lemma = "d'après" if prep.lower_ in ("d'", "d’") else prep.lower_
    named = _noun_source_phrase(doc, prep) if prep.lower_ in ("de", "au", "aux") else None
    if named is not None:  # "de l'aveu de X", "aux dires de X"
        last = doc[prep.i + len(named[1]) - 1]
        cue, lemma = (prep.idx, last.idx + len(last)), named[0]
    elif prep.lower_ in ("à", "a", "aux") and head.i > prep.i:  # "à ses yeux", "aux yeux de X", "à en croire X"
        cue = (prep.idx, doc[min(head.i, phrase_end) - 1].idx + len(doc[min(head.i, phrase_end) - 1]))
        lemma = "aux yeux de" if doc[prep.i + 2].lower_ == "yeux" or doc[prep.i + 1].lower_ == "yeux" else "à en croire"
    if head.lower_ in ("qui", "lequel", "laquelle", "lesquels", "lesquelles"):
        # "X, pour qui Y", "les déclarations de X selon lesquelles Y": the relative clause is the
        # content, what it hangs on the source
        start = head.i + 1
        end = _clause_end(doc, start, sent_end, own_stops)
        if prep.lower_ == "pour" and any(i in own_stops and _has_subject_from(doc[i], start) for i in range(start, end)):
            return None  # "Y, pour qui il avait dit qu'il ne voterait pas": a verb of saying of its own governs 'qui'
        span = _char_range(doc, start, end)
        j = prep.i - 1
        while j > sent_start and doc[j].is_punct:
            j -= 1
        subject = doc[j] if doc[j].pos_ in ("PROPN", "NOUN", "PRON") else None
        while subject is not None and subject.dep_ == "flat:name" and subject.head.i != subject.i:
            subject = subject.head
        return Frame("source", lemma, cue, _noun_phrase(subject) if subject is not None else None,
                     subject.idx if subject is not None else None, [span] if span else [])
    leading = all(t.is_punct or t.pos_ in ("CCONJ", "ADV") or t.lower_ in ("et", "mais", "or", "car")
                  for t in doc[sent_start:prep.i])
    opener = None if leading else _clause_opener(doc, prep, sent_start)
    if opener is not None:
        # "..., mais selon X Y a renoncé", "où selon X les médecins ont établi", "qui selon X espère Y": the
        # clause after the phrase, which the word before it opens (a relative clause to its verb's last word)
        # (with no comma, the clause starts where the words stop naming the source, whatever the parse
        # hangs on its noun: "selon le New York Times l'administration")
        linear = _next_clause_start(doc, head, sent_end)
        start = linear if linear < sent_end and not any(t.is_punct for t in doc[head.i:linear]) else phrase_end
        phrase_end = start
        while start < sent_end and doc[start].text in (",", ":"):
            start += 1
        end = _clause_end(doc, start, sent_end, own_stops)
        verb = next((t for t in doc[start:end] if _finite(t)), None)
        if verb is None:
            return None
        if verb.dep_.startswith("aux") or verb.dep_ == "cop":
            verb = verb.head
        if opener.lower_ in _frame_words()["aside_relatives"] or verb.dep_ == "acl:relcl":
            right = max((t.i for t in verb.subtree if not t.is_punct and t.i >= start), default=end - 1) + 1
            end = min(end, right)
        span = _char_range(doc, start, end)
        if span is None:
            return None
        first = prep.i + (2 if prep.lower_ in ("d'", "d’") else 1)
        speaker = (head.idx, head.idx + len(head)) if head.lower_ in ("ses", "leurs", "mes", "nos") \
            else _noun_phrase(head, start_at=first, stop_at=phrase_end)
        return Frame("source", lemma, cue, speaker, head.idx, [span])
    # (a title's apposition only: "Selon X, Y, le ministre, a menti" makes Y the subject of what X says)
    apposed = _apposed_name(doc, phrase_end, sent_end) if leading and head.pos_ == "NOUN" \
        and head.ent_type_ != "PER" else None
    if apposed is not None:  # "Selon le porte-parole de l'armée, le colonel X, ...": X is the source
        phrase_end = apposed[1] + 1
    if leading:
        start = phrase_end
        verb = next((t.i for t in doc[phrase_end:sent_end] if t.pos_ in ("VERB", "AUX")
                     and "Fin" in t.morph.get("VerbForm") and t.dep_ not in ("acl:relcl", "acl")
                     and not any(w.lower_ in ("dont", "qui", "que", "où", "qu'") for w in doc[max(phrase_end, t.i - 3):t.i])),
                    None)
        if verb is not None:  # "Selon une enquête pour TF1, LCI et RTL, une majorité souhaite": the last comma
            commas = [j for j in range(phrase_end, verb) if doc[j].text == "," and not _inside_quote(doc, j, sent_start)]
            if commas and _clause_initial_tokens(doc, commas[-1] + 1, verb):
                start = commas[-1] + 1
        while start < sent_end and doc[start].text in (",", ":"):
            start += 1
        # "Selon X, A, mais B": the source vouches for the whole sentence, the contrast included
        end = _clause_end(doc, start, sent_end, own_stops, carry_contrast=True)
    else:
        inner = _inner_pronoun_source(doc, prep, head, sent_end, own_stops)
        if inner is not None:  # "les manifestations, qui font selon lui partie d'un complot"
            return Frame("source", lemma, cue, (head.idx, head.idx + len(head)), head.idx, [inner])
        # ("..., toujours selon X", "..., encore d'après X": an adverb that belongs to the source phrase)
        opening = prep.i
        while opening - 1 > sent_start and doc[opening - 1].lower_ in _frame_words()["source_phrase_adverbs"] \
                and doc[opening - 2].text == ",":
            opening -= 1
        if doc[opening - 1].text not in (",", "(", "-", "–", "—") and not _clause_source(doc, prep, head, phrase_end):
            return None  # "les progrès enregistrés selon eux": a source inside a phrase, not of a clause
        if _between_auxiliary_and_participle(doc, prep, phrase_end, sent_start):
            return None  # "M. X avait, selon la Maison Blanche, souligné « ... »": X's frame, relayed
        end = opening
        while end > sent_start and doc[end - 1].text in (",", "(", "-", "–"):
            end -= 1
        start = sent_start
        # the clause the phrase closes begins after a colon, a semicolon or an earlier source phrase
        for j in range(end - 1, sent_start - 1, -1):
            earlier = next((e for s, e in phrases if s < prep.i and e == j + 1), None)
            if earlier is not None or doc[j].text in (";", ":") and not _inside_quote(doc, j, sent_start):
                start = j + 1
                break
        while start < end and doc[start].text in (",", ":"):
            start += 1
        start = _skip_subordinator(doc, start, end)
        relative = _relative_subject(head.head) if doc[prep.i - 1].text != "," and head.head.i < prep.i else None
        if relative is not None and relative.i >= start:
            start = relative.i + 1  # "le Hamas, qui ne cherche pas X selon Y": what the relative clause says
        if end - start < 3 and phrase_end < sent_end:
            # "X, selon Y, Z" with a short X: the clause is after the phrase
            start = phrase_end + 1
            end = _clause_end(doc, start, sent_end, own_stops)
        else:
            start, end = _around_medial_source(doc, start, end, phrase_end, sent_end, own_stops)
    span = _char_range(doc, start, end)
    if span is None:
        return None
    first = prep.i + (2 if prep.lower_ in ("d'", "d’") else 1)
    if apposed is not None:
        name_start, name_end = apposed
        return Frame("source", lemma, cue, (doc[name_start].idx, doc[name_end - 1].idx + len(doc[name_end - 1])),
                     doc[name_start].idx, [span])
    if head.lower_ in ("ses", "leurs", "mes", "nos"):
        speaker = (head.idx, head.idx + len(head))
    else:
        speaker = _noun_phrase(head, start_at=first, stop_at=phrase_end)
    return Frame("source", lemma, cue, speaker, head.idx, [span])


def _inner_pronoun_source(doc: Doc, prep: Token, head: Token, sent_end: int,
                          stops: set[int]) -> tuple[int, int] | None:
    """'les manifestations, qui font selon lui partie d'un complot', 'son mari, condamné selon elle à
    l'issue d'un procès': 'selon' and a stressed pronoun set without commas right after the verb of a
    relative or participle clause vouch for that clause, told with the noun it describes. (Read on the
    words: the parser often hangs the pronoun on the noun after it.)"""
    if prep.lower_ != "selon" or head.lower_ not in _STRESSED_PRONOUNS or head.i != prep.i + 1:
        return None
    verb = doc[prep.i - 1]
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    relative = next((t for t in doc[max(verb.sent.start, verb.i - 3):verb.i] if t.lower_ == "qui"), None)
    if relative is not None:
        opening = relative.i
    elif "Part" in verb.morph.get("VerbForm"):
        opening = verb.i
    else:
        return None
    comma = opening - 1
    if comma <= verb.sent.start or doc[comma].text != "," or doc[comma - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = doc[comma - 1]
    first = min([noun, *(c for c in noun.children if c.i < noun.i and c.dep_ in ("det", "amod", "nummod"))],
                key=lambda t: t.i).i
    end = _clause_end(doc, head.i + 1, sent_end, stops)
    end = next((t.i for t in doc[head.i + 1:end] if t.text in (",", ";") and not _inside_quote(doc, t.i, first)), end)
    return _char_range(doc, first, end)


def _clause_opener(doc: Doc, prep: Token, sent_start: int) -> Token | None:
    """The conjunction or relative word right before a source phrase inside a sentence ("mais selon X",
    "où selon X", "alors que selon X"), which opens the clause the phrase vouches for; not the 'que' of a
    verb of saying ("a affirmé que selon lui": what the subject said)."""
    if prep.i - 1 <= sent_start:
        return None
    before = doc[prep.i - 1]
    if before.text == "," and prep.i - 2 > sent_start:  # "car, selon lui, le débat était truqué"
        before = doc[prep.i - 2]
    if before.lower_ not in _frame_words()["source_clause_openers"]:
        return None
    said = span_text(doc, sent_start, before.i)  # (straight quotes: the sentence may start inside one)
    if said.count("«") > said.count("»") or said.count("“") > said.count("”"):
        return None  # the quoted speaker's own source
    if before.lower_ in ("que", "qu'", "qu’"):
        governor = before.head if before.head.i != before.i else None
        while governor is not None and governor.i > before.i and governor.head.i != governor.i:
            governor = governor.head
        words = [t for t in doc[max(sent_start, before.i - 6):before.i] if _spec_for(t) is not None]
        if governor is not None and _spec_for(governor) is not None or words:
            return None
    return before


def _between_auxiliary_and_participle(doc: Doc, prep: Token, phrase_end: int, sent_start: int) -> bool:
    """'X avait, selon Y, souligné': a source phrase set inside a verb group, after its auxiliary and
    before its participle; the frame is the verb's, the source only relays it."""
    j = prep.i - 1
    while j > sent_start and doc[j].text in (",", "(", "-", "–", "—"):
        j -= 1
    k = phrase_end
    while k < len(doc) and doc[k].text in (",", ")", "-", "–", "—"):
        k += 1
    return doc[j].pos_ == "AUX" and k < len(doc) and doc[k].pos_ in ("VERB", "ADJ") \
        and "Part" in doc[k].morph.get("VerbForm")


def _apposed_name(doc: Doc, i: int, sent_end: int) -> tuple[int, int] | None:
    """', le colonel X,' / ', X,' right after a source phrase: the person's name set beside the title, as
    token range [start, end) of the name, the closing comma at `end`."""
    if i >= sent_end or doc[i].text != ",":
        return None
    j = i + 1
    while j < min(sent_end, i + 4) and doc[j].ent_type_ != "PER" and (
            doc[j].pos_ == "DET" or doc[j].pos_ in ("NOUN", "ADJ") and doc[j].is_lower):
        j += 1  # "le colonel", "la ministre"
    start = j
    while j < sent_end and doc[j].ent_type_ == "PER" and j - start < 5:
        j += 1
    if j == start or j >= sent_end or doc[j].text != ",":
        return None
    return start, j


def _around_medial_source(doc: Doc, start: int, end: int, phrase_end: int, sent_end: int,
                          stops: set[int]) -> tuple[int, int]:
    """'X, selon Y, Z' where X is only an adjunct with no verb ('Dans leur esprit, selon ces sources, un
    gouvernement serait ...') and Z a clause with its own subject: the clause is Z."""
    z = phrase_end
    if z >= sent_end or doc[z].text != ",":
        return start, end
    while z < sent_end and doc[z].text == ",":
        z += 1
    z_end = _clause_end(doc, z, sent_end, stops)
    verbs = [t for t in doc[z:z_end] if _finite(t)]
    adjunct = doc[start].pos_ in ("ADP", "ADV") or doc[start].lower_ == "a"  # "A l'inverse": an unaccented à
    if z < z_end and z not in stops and _clause_goes_on(doc, start, end, z, z_end):
        return start, z_end  # "X oscillaient, d'après Y, entre A et B": one clause around the phrase
    if not verbs or any(_finite(t) for t in doc[start:end]) or not adjunct:
        return start, end
    verb = verbs[0].head if verbs[0].dep_.startswith("aux") or verbs[0].dep_ == "cop" else verbs[0]
    if any(c.dep_ in SUBJECT_DEPS and z <= c.i < z_end for c in verb.children):
        return z, z_end
    return start, end


def _clause_goes_on(doc: Doc, start: int, end: int, z: int, z_end: int) -> bool:
    """'X, selon Y, Z': the words Z after the phrase finish the clause X the phrase interrupts, as they cannot
    describe the source: X ends on a verb that awaits its object or inverted subject ('où avaient été stockées,
    selon Y, 2 000 tonnes') or on a relative pronoun that awaits its clause ('sur lesquels, selon Y, les deux
    camps ont ...'); or Z opens a complement clause ('faisant le pari, selon Y, que ...') or a purpose
    infinitive ('pour s'assurer'). (Not a subject X and its verb in Z: 'N personnes, selon Y, ont défilé' vouches
    for the number.)"""
    if any(_finite(t) and t.dep_ == "ROOT" for t in doc[z:z_end]) and any(
            c.dep_ in SUBJECT_DEPS and z <= c.i < z_end for t in doc[z:z_end] if t.dep_ == "ROOT" for c in t.children):
        return False  # a clause of its own
    last = doc[end - 1]
    if last.lower_ in _frame_words()["awaiting_relatives"]:
        return True
    first = doc[z]
    # (not a name, a relative clause or a participle on the source: "selon le porte-parole, Paul X", "..., qui";
    # nor where or when the source said it: "selon le ministre, lors d'un point presse")
    if last.pos_ in ("VERB", "AUX") and first.pos_ in ("DET", "NUM", "NOUN", "ADP") \
            and first.lower_ not in _frame_words()["source_phrase_stops"] and not _opens_adjunct(doc, z, z_end):
        return True
    if doc[z].lower_ in ("que", "qu'", "qu’") and any(_finite(t) for t in doc[z:z_end]):
        return True
    return doc[z].lower_ == "pour" and z + 1 < z_end and _infinitive_at(doc, z + 1)


def _clause_source(doc: Doc, prep: Token, head: Token, phrase_end: int) -> bool:
    """'Le mouvement ne cherche pas la confrontation selon des analystes.': no comma, but the parse hangs
    the phrase on the clause's finite main verb, and the phrase closes the sentence."""
    verb = head.head
    if head.pos_ == "NOUN" and not _speaking_noun(head) or head.pos_ not in ("NOUN", "PROPN"):
        return False  # ("a reçu les familles selon le protocole": a rule, not a source)
    sent_end = prep.sent.end
    closing = phrase_end >= sent_end or all(t.is_punct or t.is_space for t in doc[phrase_end:sent_end])
    if closing and head.dep_ == "nmod" and verb.pos_ in ("NOUN", "PROPN") and verb.i < prep.i:
        # "ont été adoptés à une large majorité selon des diplomates.": the parser hangs a phrase that closes
        # the sentence on the noun before it; it vouches for the clause whose verb governs that noun
        while verb.pos_ in ("NOUN", "PROPN") and verb.dep_ not in ("ROOT", "nsubj", "nsubj:pass") \
                and verb.head.i != verb.i and not any(c.dep_ == "cop" for c in verb.children):
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            # (only the clause that runs up to the phrase: no comma nor other verb between its verb and it)
            return verb.dep_ == "ROOT" and ("Fin" in verb.morph.get("VerbForm") or bool(_aux_children(verb))) \
                and not any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:prep.i])
    copula = any(c.dep_ == "cop" for c in verb.children)  # "sont en bonne santé selon X"
    if head.dep_ not in ("obl", "obl:mod", "obl:arg", "obl:agent", "nmod") or verb.i >= prep.i \
            or verb.pos_ not in ("VERB", "AUX") and not copula:
        return False
    if verb.dep_ not in ("ROOT", "conj") and _relative_subject(verb) is None \
            or not ("Fin" in verb.morph.get("VerbForm") or _aux_children(verb) or copula):
        return False
    sent_end = prep.sent.end
    # (or only an adjunct of the clause after it: "ont péri selon X dans un assaut")
    return phrase_end >= sent_end or all(t.is_punct or t.is_space for t in doc[phrase_end:sent_end]) \
        or doc[phrase_end].lower_ in _frame_words()["source_phrase_stops"] \
        and not any(_finite(t) for t in doc[phrase_end:sent_end])


def _relative_subject(verb: Token) -> Token | None:
    """The relative pronoun subject of a verb ('le Hamas, qui ne cherche pas X selon Y'), if any."""
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ == "qui" and c.i < verb.i), None)


def _clause_initial_tokens(doc: Doc, start: int, verb: int) -> bool:
    """Tokens between a comma and a finite verb that can open a clause (a subject, not a list item)."""
    return any(t.dep_ in SUBJECT_DEPS for t in doc[start:verb]) or verb == start


def _skip_subordinator(doc: Doc, start: int, end: int) -> int:
    """'Alors que X, selon Y': the content is X, without its subordinating words."""
    words = _frame_words()["leading_subordinators"]
    for n in (2, 1):
        if start + n <= end and " ".join(t.lower_ for t in doc[start:start + n]) in words:
            return start + n
    return start


# ------------------------------------------------------------------------------------------ component


@Language.factory("reporting_frames", requires=["token.dep", "token.head", "token.pos", "token.morph",
                                                 "token.is_sent_start", "token.ent_iob", "token.ent_type"],
                  assigns=["doc.spans", "doc._.reporting_frames"])
def reporting_frames(nlp: Language, name: str):
    """Reporting frames over the parse: doc.spans 'cue', 'speaker' and 'statement' (label = the frame
    kind), and the frames themselves (plain tuples, which cross process boundaries) in
    doc._.reporting_frames."""

    def component(doc: Doc) -> Doc:
        frames = find_frames(doc)
        doc._.reporting_frames = [f.as_row() for f in frames]
        doc.spans["cue"] = _spans(doc, [(f.cue, f.lemma) for f in frames])
        doc.spans["speaker"] = _spans(doc, [(f.speaker, f.kind) for f in frames if f.speaker])
        doc.spans["statement"] = _spans(doc, [(c, f.kind) for f in frames if not f.negated for c in f.contents])
        return doc

    return component


def _spans(doc: Doc, items) -> list[Span]:
    out = []
    for (start, end), label in items:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def frames_of(doc: Doc) -> list[Frame]:
    return [Frame.from_row(row) for row in doc._.reporting_frames]
