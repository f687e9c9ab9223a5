"""Meeting frames read from the parse: a trigger (a verb or a noun of meeting, visit or call) with the
phrases of its participants, its place, its mode and its status, as character spans.

* verbs    "X a rencontré Y", "X s'est entretenu avec Y", "X et Y se sont vus", "X a reçu Y",
           "Y a été reçu par X", "X a téléphoné à Y", "X s'est rendu à Z" (a visit)
* nouns    "la rencontre entre X et Y", "lors de sa rencontre avec Y", "un entretien téléphonique avec Y",
           "le sommet Trump-Kim", "la visite de X à Z", "X a participé au sommet de Z"

Who the phrases name (persons, countries, bodies) is decided later with the article's mentions
(extraction/meetings.py); this module only reads the syntax and the lexicon.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.attrs import IDX, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .frames import _spec_for as reporting_cue
from .gazetteer import gazetteer
from .mentions import PAIRED_ADJECTIVE
from .rules import alternation, load_rules, verb_forms
from .text import doc_text

if not Doc.has_extension("meeting_frames"):
    Doc.set_extension("meeting_frames", default=[])

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
Spans = list[tuple[int, int]]


@dataclass
class MeetingFrame:
    """One meeting frame; positions are character offsets into the doc's text."""
    trigger: tuple[int, int]
    lemma: str
    kind: str  # verb | noun
    mode: str
    agents: Spans = field(default_factory=list)  # the subject side (or the possessor of a noun trigger)
    partners: Spans = field(default_factory=list)  # the other side
    visit: bool = False
    places: Spans = field(default_factory=list)  # where it was held, or the place a visit went to
    status: str = "occurred"
    scope: tuple[int, int] = (0, 0)  # the words whose dates are this meeting's (trigger's phrase or clause)
    reciprocal: bool = False  # "se sont vus", "leur rencontre": the agents met each other
    possessive: str | None = None  # "sa" / "leur" before a noun trigger
    pair_subject: bool = False  # "ils", "les deux hommes": the last two people named
    infinitive: bool = False  # "à se rendre": whose subject the parse cannot be trusted to give
    asides: Spans = field(default_factory=list)  # relative clauses and dashed asides of its sentence: not its dates
    bodies: tuple[str, ...] = ()  # dictionary keys of a body an adjective names ("le sommet européen")
    anterior: bool = False  # pluperfect or passé simple: a past set before the news ("s'étaient vus", "rencontra")
    present: bool = False  # a simple present ("X reçoit Y jeudi"): its weekday is the nearest one, ahead or past
    # the meeting verb whose time a noun's phrase frames ("en marge du sommet, X a rencontré mercredi Y"): its
    # dates are the noun's too
    during: tuple[int, int] | None = None

    def as_row(self) -> tuple:
        return (self.trigger, self.lemma, self.kind, self.mode, tuple(self.agents), tuple(self.partners), self.visit,
                tuple(self.places), self.status, self.scope, self.reciprocal, self.possessive, self.pair_subject,
                self.infinitive, tuple(self.asides), tuple(self.bodies), self.anterior, self.present, self.during)

    @classmethod
    def from_row(cls, row) -> MeetingFrame:
        (trigger, lemma, kind, mode, agents, partners, visit, places, status, scope, reciprocal, possessive, pair,
         infinitive, asides, bodies, anterior, present, during) = row
        return cls(tuple(trigger), lemma, kind, mode, [tuple(a) for a in agents], [tuple(p) for p in partners], visit,
                   [tuple(p) for p in places], status, tuple(scope), reciprocal, possessive, pair, infinitive,
                   [tuple(a) for a in asides], tuple(bodies), anterior, present, tuple(during) if during else None)


@dataclass(frozen=True)
class TriggerSpec:
    lemma: str
    mode: str
    partner: tuple[str, ...] = ()
    host: bool = False
    visit: bool = False
    reflexive: bool = False
    particle: str | None = None  # "rendre visite": the word after the verb


@functools.cache
def _words() -> dict:
    return load_rules()["meeting_triggers"]


@functools.cache
def trigger_lexicon() -> tuple[dict[str, TriggerSpec], dict[str, TriggerSpec]]:
    """(verb form -> spec, noun -> spec)."""
    verbs: dict[str, TriggerSpec] = {}
    for lemma, spec in _words()["verbs"].items():
        entry, base = _verb_spec(lemma, spec)
        for form in verb_forms(base, spec.get("forms", []), conditional=True):
            verbs.setdefault(form.lower() + (f" {entry.particle}" if entry.particle else ""), entry)
    nouns: dict[str, TriggerSpec] = {}
    for noun, spec in _words()["nouns"].items():
        spec = spec if isinstance(spec, dict) else {"mode": spec}
        nouns[noun.lower()] = TriggerSpec(noun, spec["mode"], visit=spec.get("visit", False))
    return verbs, nouns


@functools.cache
def _noun_prefixes() -> frozenset[str]:
    """Every prefix of every trigger noun phrase: the first word of a match is one of them."""
    _, nouns = trigger_lexicon()
    return frozenset(noun[:k] for noun in nouns for k in range(1, len(noun) + 1))


@functools.cache
def _planned() -> dict:
    return load_rules()["planned_words"]


def partner_kinds(lemma: str) -> tuple[str, ...]:
    """Where the other side of a verb trigger stands ('obj', 'avec', 'a', 'none')."""
    verbs, _ = trigger_lexicon()
    return next((spec.partner for spec in verbs.values() if spec.lemma == lemma), ())


def _reflexive(token: Token) -> bool:
    """'se sont vus', "s'est quant à lui entretenu": a reflexive clitic before the verb group."""
    doc = token.doc
    return any(c.lower_ in ("se", "s'", "s’") for c in token.children) or any(
        t.lower_ in ("se", "s'", "s’") for t in doc[max(token.sent.start, token.i - 7):token.i]
        if not any(p.is_punct for p in doc[t.i:token.i]))


def _phrase(token: Token, start_at: int | None = None) -> tuple[int, int]:
    """Character span of the noun phrase a token heads, without relative and other clauses."""
    keep = [token]
    for child in token.children:
        if child.dep_ in ("acl:relcl", "acl", "parataxis", "ccomp", "advcl", "punct") and child.i > token.i:
            continue
        keep.extend(child.subtree)
    left = min(t.i for t in keep)
    right = max(t.i for t in keep)
    if start_at is not None:
        left = max(left, start_at)
    doc = token.doc
    # a participant's phrase ends at the clause that follows it ("X, que leur rencontre visait ...")
    stop = next((t.i for t in doc[token.i + 1:right + 1] if t.lower_ in ("que", "qu'", "qui", "dont", ";")
                 or t.text == "," and t.i + 1 <= right and doc[t.i + 1].lower_ in ("que", "qu'", "qui", "dont",
                                                                                   "où")), None)
    if stop is not None:
        right = stop - 1
    while left < right and (doc[left].is_punct or doc[left].pos_ in ("ADP", "CCONJ") or doc[left].dep_ == "case"):
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


@functools.cache
def _gathering_forms() -> frozenset[str]:
    """Forms of the verbs by which a meeting brings people together ('le sommet a réuni X et Y')."""
    return frozenset(f.lower() for lemma, extra in _words()["noun_gathering_verbs"].items() for f in verb_forms(lemma, extra or []))


def _place_phrase(token: Token) -> tuple[int, int]:
    """A place's phrase, up to a person's name the parser hung on it ('a accueilli à Berlin Emmanuel Macron')."""
    start, end = _phrase(token)
    doc = token.doc
    person = next((t for t in doc[token.i + 1:] if t.idx >= end or t.ent_type_ == "PER"), None)
    if person is None or person.idx >= end:
        return start, end
    last = doc[person.i - 1]
    while last.i > token.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    return start, last.idx + len(last)


def _conjuncts(token: Token) -> list[Token]:
    """A phrase and the phrases coordinated with it ('X et Y', 'X, Y et Z')."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out += _conjuncts(child)
    return out


def _apposed_subject(verb: Token) -> Token | None:
    """"En marge du sommet du G20, Hugo Lemaire s'entretiendra avec Y": the parser hangs the name after the
    fronted phrase's comma on that phrase, as an apposition; a name so placed right before the verb (its
    clitics, auxiliaries and negation aside) is the verb's subject."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].head == verb and doc[j].dep_ != "punct" and doc[j].i < verb.i \
            and (doc[j].dep_.startswith(("aux", "expl")) or doc[j].pos_ in ("PRON", "ADV")):
        j -= 1
    if j < 1:
        return None
    name = doc[j]
    while name.dep_ == "flat:name" and name.head.i < name.i:
        name = name.head
    while name.dep_ == "conj" and name.head.i < name.i and name.head.pos_ == "PROPN":
        name = name.head  # "Réunis en sommet jeudi, X et Y ont ...": the first of the coordinated names
    # ("Réunis en sommet jeudi, X a": the parser may also make the name an oblique of the opening participle)
    if (name.dep_ == "appos" or name.dep_ in ("obl:mod", "nmod") and not any(c.dep_ == "case" for c in name.children)) \
            and name.pos_ == "PROPN" and name.head.i < name.i \
            and doc[name.left_edge.i - 1].text == "," and verb.is_ancestor(name):
        return name
    return None


def _opening_participle_main(verb: Token) -> Token | None:
    """'Accueillie par X, Y a déjeuné à l'Elysée', 'Réunis en sommet jeudi, X et Y ont adopté': a past
    participle with no auxiliary that opens its sentence is said of the main clause's subject; the main
    verb after the comma, wherever the parser hung it (the participle's head, or the participle made the
    root with the main verb as its parataxis)."""
    doc = verb.doc
    if "Part" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense") \
            or any(c.dep_.startswith("aux") for c in verb.children) \
            or any(not (t.is_punct or t.is_space) for t in doc[verb.sent.start:verb.i]):
        return None
    if verb.dep_ != "ROOT":
        head = verb.head
        # (a verb the tagger took for a noun still has its auxiliary: "a déjeuné/NOUN")
        verbal = head.pos_ in ("VERB", "AUX") or any(c.dep_.startswith("aux") for c in head.children)
        return head if head.i > verb.i and verbal and verb.dep_ in ("acl", "advcl", "dep", "obl:mod") else None
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("parataxis", "conj") and doc[c.left_edge.i - 1].text == "," \
                and any(g.dep_ in SUBJECT_DEPS for g in c.children):
            return c
    return None


def _cleft_focus(token: Token) -> bool:
    """'C'est lui qui a reçu Y': the phrase a cleft's 'c'est' singles out, which the parser makes the root
    that the verb of 'qui' hangs on."""
    return any(c.dep_ == "cop" for c in token.children) and any(
        c.dep_ == "expl:subj" and c.lower_ in ("c'", "c’", "ce") for c in token.children)


def _subject(verb: Token) -> Token | None:
    inverted = next((c for c in verb.children if c.lower_ in ("-il", "-elle", "-ils", "-elles")), None)
    if inverted is not None:
        return inverted  # "« ... », a-t-il dit": the clitic after the verb, whatever the quote's words became
    for child in verb.children:
        if child.dep_ == "expl:subj" and any(c.dep_ == "expl:comp" for c in verb.children):
            return None  # "il s'agit de sa visite", "il y a eu une rencontre": an impersonal verb, no one's
        if child.dep_ in SUBJECT_DEPS and child.lower_ not in ("-t",):
            if any(c.dep_ == "case" and c.i < child.i for c in child.children):
                # "Selon le porte-parole X, A et B ont discuté": a phrase with a preposition is no subject;
                # the names the parser hung on it after its comma are
                return next((c for c in child.children if c.dep_ == "appos" and c.i > child.i
                             and c.doc[c.left_edge.i - 1].text == ","), None)
            if child.lower_ == "qui" and (verb.dep_ == "acl:relcl" or _cleft_focus(verb.head)):
                return verb.head  # ("C'est X qui a reçu la visite de Y": the focus of the cleft, hung as "dep")
            after = max(t.i for t in child.subtree) + 1
            name = next((c for c in verb.children if c.i == after and c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN"), None)
            if name is not None and child.pos_ == "NOUN" and not any(c.dep_ == "conj" for c in child.children):
                return name  # "Le romancier Paul Girard dit": the parser makes role and name two subjects
            # ("X et son homologue Y ont discuté": the name is the last conjunct's, _with_name_after)
            return child
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    for aux in auxiliaries:
        for child in aux.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
    apposed = _apposed_subject(verb)
    if apposed is not None:
        return apposed
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    governor = verb.head.head
    if "Inf" in verb.morph.get("VerbForm") and verb.head.i != verb.i and verb.head.pos_ in ("ADV", "ADP", "SCONJ") \
            and governor.i != verb.head.i and governor.pos_ in ("VERB", "AUX"):
        # "X s'est rendu à Y afin d'assister au sommet": the parser hangs the infinitive on "afin"; its
        # subject is the verb's that "afin" modifies
        return _subject(governor)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ":
        # "X s'est dit prêt à rencontrer Y": the adjective's clause has the subject (the parser may hang
        # the adjective on a noun of that clause)
        head = verb.head
        for _ in range(3):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        return _subject(head) if head.pos_ in ("VERB", "AUX") else None
    if verb.dep_ in ("acl:relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        head = verb.head
        if verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and verb.doc[verb.left_edge.i - 1].text == ",":
            # "X et Y, réunis en sommet jeudi, ont ...": the participle set off by a comma is said of the whole
            # coordination, which the parser hangs it on the last member of
            while head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head
        return head
    main = _opening_participle_main(verb)
    if main is not None:
        return _subject(main)
    return None


_DASHES = ("-", "–", "—")


def _asides(token: Token) -> list[tuple[int, int]]:
    """Character spans of the sentence's relative clauses and dashed or bracketed asides that do not
    hold the trigger: 'la visite de X, dont le pays prendra la présidence le 1er juillet, est ...',
    'a rencontré lundi X - il doit le revoir mardi - et ...'."""
    sent = token.sent
    out = []
    for t in sent:
        if t.dep_ == "acl:relcl" and not t.left_edge.i <= token.i <= t.right_edge.i and not _holds(t, token):
            out.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge)))
        elif t.dep_ in ("acl", "appos", "advcl") and (t.head.i != token.i or t.dep_ == "advcl") and t.i > token.i \
                and _describes_person(t) \
                and not t.left_edge.i <= token.i <= t.right_edge.i:
            # "a reçu X, nommé en octobre Premier ministre": the participle or apposition that
            # describes a participant dates its own event
            out.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge)))
        elif t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") and t.dep_ != "acl:relcl" and t.i > token.i \
                and token.is_ancestor(t) and token.pos_ in ("NOUN", "PROPN") \
                and not any(c.dep_.startswith("aux") and "Part" in t.morph.get("VerbForm") for c in t.children):
            # "un accord arraché par X lors d'une visite à Y prévoit la fin de l'offensive lancée le 9 octobre":
            # a finite verb the parser hangs under the meeting noun, with no relative pronoun, heads a
            # clause of its own, whose dates are its own
            out.append((t.idx, t.right_edge.idx + len(t.right_edge)))
    marks = [t for t in sent if t.text in _DASHES and t.whitespace_ and t.i > sent.start
             and t.doc[t.i - 1].whitespace_]
    for a, b in zip(marks[::2], marks[1::2]):
        if not a.i < token.i < b.i:
            out.append((a.idx, b.idx + 1))
    for t in sent:
        if t.text == "(":
            close = next((u for u in t.doc[t.i + 1:sent.end] if u.text == ")"), None)
            if close is not None and not t.i < token.i < close.i:
                out.append((t.idx, close.idx + 1))
    return out


def _report_words(token: Token) -> list[tuple[int, int]]:
    """Character spans of the words of a verb of saying that reports the trigger's clause, outside that
    clause ("X se rendra à Moscou, a annoncé lundi son porte-parole", "a indiqué mardi l'Elysée que X
    recevra Y"): their date is the announcement's, never a planned meeting's."""
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    # ("X se rendra en France, a annoncé mardi l'Elysée": the parser may make the incise an adverbial clause)
    verbs = [c for c in clause.children if reporting_cue(c) is not None and (
        c.dep_ == "parataxis" or c.dep_ == "advcl" and c.i > clause.i and c.left_edge.text == ","
        and any(a.dep_.startswith("aux") for a in c.children))]
    head = clause
    while head.head.i != head.i:
        head = head.head
        if head.pos_ in ("VERB", "AUX") and reporting_cue(head) is not None:
            verbs.append(head)
            break
    inner = {t.i for t in clause.subtree}
    out: list[tuple[int, int]] = []
    # an incise inside the clause is all the reporter's; of a governing verb, only its own modifiers
    # ("a annoncé lundi"), not the sentence it may sit in ("renoncé à une visite prévue mardi, expliquant que")
    for verb in verbs:
        own = verb.subtree if verb.i in inner else (
            t for c in verb.children if c.i not in inner and c.dep_.startswith(("obl", "obj", "advmod", "nmod"))
            for t in c.subtree if t.i not in inner)
        for t in own:
            if out and out[-1][1] >= t.idx - 1:
                out[-1] = (out[-1][0], t.idx + len(t))
            else:
                out.append((t.idx, t.idx + len(t)))
    return out


def _holds(clause: Token, trigger: Token) -> bool:
    """'le sommet du G20, qui se tiendra en juillet', 'la réunion qu'il accueillera lundi': a relative
    clause on the meeting noun (or on its complement) whose verb holds the meeting tells its own time."""
    head = clause.head
    if not (head.i == trigger.i or head.head.i == trigger.i and head.dep_ == "nmod" and head.i > trigger.i):
        return False
    return clause.lower_ in _holding_forms()


@functools.cache
def _holding_forms() -> frozenset[str]:
    return frozenset(f.lower() for lemma, forms in _words()["holding_verbs"].items()
                     for f in verb_forms(lemma.split()[0], forms))


def _relative_of_meeting(trigger: Token) -> Token | None:
    """The relative clause that holds a meeting noun's event ('le sommet qui se tiendra lundi'), if any."""
    for t in trigger.subtree:
        if t.dep_ == "acl:relcl" and _holds(t, trigger):
            return t
    return None


def _describes_person(t: Token) -> bool:
    """A participle or apposition on a person ('X, nommé en mai', 'Y, l'ancien ministre de 2012'), not
    one the parser hung on a name that tells of the meeting itself ('avec X, suivie d'une conférence
    lundi', 'une visite en Allemagne prévue mardi')."""
    doc = t.doc
    if t.dep_ == "advcl":  # "a reçu X, nommé en mai": the parser hangs the participle on the verb
        before = doc[t.i - 2] if t.i >= 2 and doc[t.i - 1].text == "," else None
        head = before if before is not None and before.ent_type_ == "PER" else None
    else:
        head = t.head
    if head is None or not (head.ent_type_ == "PER" or head.pos_ == "NOUN" and _names_someone(head)) or _is_time(t):
        return False
    if t.dep_ == "appos":
        return t.pos_ == "NOUN"  # "X, l'ancien ministre de 2012"; not the name of "la chancelière X"
    return "Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense") and _event_participle().match(
        t.lower_) is None


@functools.cache
def _event_participle() -> re.Pattern:
    return re.compile("(?:" + "|".join(map(re.escape, _words()["event_participles"])) + ")(?:e|s|es)?$")


def _clause_scope(token: Token) -> tuple[int, int]:
    """The words of the clause a trigger verb heads (its subtree), as a character range."""
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


# third person singular futures the tagger misses ("reverra", "recevra", "rencontrera", "rendra"); not
# the passé simple of -érer verbs ("considéra")
_FUTURE_3SG = re.compile(r"(?:[^é]era|dra|vra|rra)$")


def _after_completion(token: Token) -> bool:
    """'à l'issue d'une rencontre', 'au terme de leur entretien': a phrase told once the meeting is over."""
    before = token.doc[token.sent.start:token.i].text_with_ws.lower().replace("’", "'")
    return _completion_regex().search(before) is not None


@functools.cache
def _completion_regex() -> re.Pattern:
    words = alternation(_planned()["completion_adjuncts"])
    return re.compile(rf"(?<![\w'])(?:{words})\s+(?:de|d'|du|des)\s*"
                      rf"(?:(?:la|les|une|un|son|sa|ses|leur|leurs|ce|cet|cette|ces)\s+|l')?$")


def _compound_past(verb: Token) -> bool:
    """'a indiqué': a past participle with a finite tense auxiliary of its own."""
    return "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and any(
        c.dep_ == "aux:tense" and "Fin" in c.morph.get("VerbForm") for c in verb.children)


def _is_future(verb: Token) -> bool:
    """Future or conditional, or governed by a modal or aspect verb ('doit rencontrer', 'va recevoir')."""
    morph = verb.morph
    if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
        return True
    if verb.pos_ == "VERB" and verb.lower_.endswith(("rait", "raient", "ront", "rons")) and "Inf" not in morph.get(
            "VerbForm"):
        return True  # "appellerait", "recevront": the tagger misses some futures and conditionals
    if "Inf" in morph.get("VerbForm") and verb.lower_.endswith("ra") or _FUTURE_3SG.search(verb.lower_):
        return True  # "il en débattra" read as an infinitive, "reverra" as a present: future endings
    words = _planned()
    if _expected_at(verb):
        return True  # "X est attendu à Alger": whoever waits, the visit is to come
    if verb.dep_ == "advcl" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and verb.lower_.endswith("ant") and any(c.dep_ == "mark" and c.lower_ == "en" for c in verb.children):
        # "devrait intervenir lundi en recevant X": a gerund is set in the time of the verb it goes with
        return _is_future(verb.head)
    if verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # "devrait arriver à X et participer au dîner": the second verb shares the first one's modal
        return _is_future(verb.head)
    if "Inf" in verb.morph.get("VerbForm") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and any(c.lower_ in words["purpose_markers"] and c.i < verb.i for c in verb.children):
        # "doit se rendre à Kiev pour s'entretenir avec X": the purpose is as far off as the trip
        return _is_future(verb.head)
    head = verb.head
    if head.i != verb.i and "Inf" in verb.morph.get("VerbForm") and (
            head.lower_ in words["readiness_words"] or head.lower_ in words["governors"]
            and "Inf" in head.morph.get("VerbForm")):
        return True  # "prêt à rencontrer X", "pour tenter d'organiser une rencontre": not done yet
    if "Inf" in verb.morph.get("VerbForm") and verb.i >= 2 and verb.doc[verb.i - 1].lower_ in ("à", "de", "d'") \
            and verb.doc[verb.i - 2].lower_ in words["readiness_words"]:
        return True  # (the parser hangs "prêt" anywhere)
    if head.i != verb.i and head.lower_ in words["governor_forms"] and (
            "Inf" in verb.morph.get("VerbForm") or verb.dep_ == "xcomp"):
        return True  # "doit rencontrer", "ont prévu de se voir"; not "a fait ... , a promis"
    for child in verb.children:
        if (child.dep_.startswith("aux") or child.dep_ == "cop") and (
                "Fut" in child.morph.get("Tense") or "Cnd" in child.morph.get("Mood")):
            return True  # "sera absente du sommet": the copula carries the tense
        if child.lower_ in words["governor_forms"] and child.i < verb.i \
                and not any(g.dep_ == "mark" for g in child.children):
            return True  # (not a clause of its own: "Comme prévu, X a reçu Y" was done as planned)
    before = [t for t in verb.doc[max(verb.sent.start, verb.i - 3):verb.i]
              if not any(g.dep_ == "mark" for g in t.children)]  # (nor there: "X a, comme prévu, reçu Y")
    if "Inf" in verb.morph.get("VerbForm") and (head.lower_ in words["intention_nouns"]
                                                or head.lower_ in words["possibility_nouns"]):
        return True  # "sa volonté de visiter", "l'intention de rencontrer", "la possibilité d'organiser le sommet"
    return any(t.lower_ in words["governor_forms"] for t in before)


# passé simple endings the tagger reads as presents ("rencontrèrent", "reçurent"); the third person
# singular of -er verbs ("rencontra") is checked against the lemma
_PASSE_SIMPLE_PLURAL = re.compile(r"(?:èrent|urent|irent|inrent)$")


def _is_simple_present(verb: Token | None) -> bool:
    """'X reçoit Y jeudi', 'les ministres se retrouvent lundi': a present indicative with no auxiliary,
    which news writing uses for the days just past and just ahead alike."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    morph = verb.morph
    return "Pres" in morph.get("Tense") and "Fin" in morph.get("VerbForm") and "Sub" not in morph.get("Mood") \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _is_anterior(verb: Token | None) -> bool:
    """A pluperfect ('avait rencontré', 's'étaient vus') or a passé simple ('rencontra', 'reçut'): a
    past told as set before the news, whose time the story gave earlier, not the article's day."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if "Part" in verb.morph.get("VerbForm"):
        return any(c.dep_.startswith("aux") and "Imp" in c.morph.get("Tense") and "Fin" in c.morph.get("VerbForm")
                   for c in verb.children if c.i < verb.i)
    if "Fin" not in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children):
        return False
    word, lemma = verb.lower_, verb.lemma_.lower()
    return "Past" in verb.morph.get("Tense") or _PASSE_SIMPLE_PLURAL.search(word) is not None \
        or lemma.endswith("er") and len(lemma) > 3 and word in (lemma[:-2] + "a", lemma[:-3] + "ça", lemma[:-2] + "ea")


_RELATIVE_WORDS = frozenset({"duquel", "de laquelle", "desquels", "desquelles", "auquel", "auxquels", "auxquelles",
                             "dont", "lequel", "laquelle", "lesquels", "lesquelles", "où"})


_RELATIVE_PRONOUNS = frozenset({"lequel", "laquelle", "lesquels", "lesquelles", "qui"})


def _relative(token: Token) -> bool:
    """'à l'issue duquel le président X a promis': a relative clause, no participant or place."""
    return token.dep_ == "acl:relcl" or any(t.lower_ in _RELATIVE_WORDS for t in token.subtree)


@functools.cache
def _number_words() -> frozenset[str]:
    return frozenset(load_rules()["frames"]["number_words"])


def _preposition_objects(token: Token, preps: tuple[str, ...], depth: int = 1) -> list[Token]:
    """Phrases under `token` marked by one of `preps` ('avec X', 'entre X et Y', 'à X'), also one
    level down ('s'est entretenu par téléphone avec X': the parser hangs 'avec X' on 'téléphone')."""
    out = []
    for child in token.children:
        if child.i > token.i and _relative(child):
            continue
        # (also below a time phrase the parser made the head: "s'est entretenu ces derniers mois avec X")
        # (not below a side itself: "avec des journalistes à Oslo", the place is theirs, nobody who met)
        if depth and child.i > token.i and child.pos_ in ("NOUN", "PROPN") and child.dep_ in (
                "obl:mod", "obl", "nmod", "obl:arg", "obj", "obl:agent") \
                and not any(c.dep_ == "case" and c.lower_ in preps for c in child.children):
            out += [t for t in _preposition_objects(child, preps, 0) if t.i != child.i]
        if child.i <= token.i and child.dep_ not in ("obl:arg", "obl:mod", "obl", "nmod", "iobj"):
            continue
        case = [c for c in child.children if c.dep_ == "case" or c.pos_ == "ADP"]
        if not case and child.left_edge.dep_ == "case" and child.left_edge.i < child.i:
            case = [child.left_edge]  # "avec le chancelier X": the parser hung "avec" on the title before the name
        if case and case[0].lower_ in preps:
            out += _conjuncts(child)
    return out


def _is_time(token: Token) -> bool:
    """A date word the parser took for a noun phrase ('le sommet de mars', 'lundi')."""
    return token.lower_ in _time_words() or token.like_num


@functools.cache
def _time_words() -> frozenset[str]:
    return frozenset(load_rules()["frames"]["time_nouns"]) | frozenset(_words()["relative_day_nouns"])


def _places(token: Token, depth: int = 1) -> list[Token]:
    """Place phrases governed by à / en / au / dans / chez under a token, also under a day the parser
    made their head ('s'est rendu vendredi en Irak': 'en Irak' hangs on 'vendredi')."""
    out = []
    for child in token.children:
        case = [c for c in child.children if c.dep_ == "case"]
        if child.i > token.i and _relative(child):
            continue
        if depth and child.i > token.i and not case and _is_time(child) and child.dep_ in ("obl:mod", "obl", "obj",
                                                                                           "xcomp"):
            out += [t for t in _places(child, 0) if t not in out]
            continue
        # (a place name the tagger took for a pronoun is still a place name: its entity label says so)
        # ("au sujet de la Crimée", "à propos de X": a topic, not a place)
        if case and case[0].lower_ in ("à", "en", "au", "aux", "dans", "chez", "vers", "pour") \
                and (child.pos_ in ("PROPN", "NOUN") or child.ent_type_ == "LOC") and not _is_time(child) \
                and child.lower_ not in _words()["topic_place_words"]:
            out.append(child)
            # "en Egypte et en Jordanie", "au Soudan, à Bahreïn et à Oman": each place of the list
            out += [c for c in _conjuncts(child)[1:] if c.pos_ in ("PROPN", "NOUN") and not _is_time(c)
                    and c not in out]
    return out


def _verb_spec(lemma: str, spec: dict) -> tuple[TriggerSpec, str]:
    """The trigger spec of a lexicon verb entry, and the base its forms are made from."""
    reflexive = lemma.startswith(("se ", "s'", "s’"))
    base = lemma[3:] if lemma.startswith("se ") else lemma[2:] if reflexive else lemma
    particle = None
    if " " in base:
        base, particle = base.split(" ", 1)
    return TriggerSpec(lemma, spec["mode"], tuple(spec.get("partner", ())), spec.get("host", False),
                       spec.get("visit", False), reflexive, particle), base


@functools.cache
def _plain_verbs() -> dict[str, TriggerSpec]:
    """Verb form -> the spec of a trigger used without 'se', for forms a reflexive trigger shares
    ('a vu X' beside 'se sont vus', 'a revu X' beside 'se sont revus')."""
    plain: dict[str, TriggerSpec] = {}
    for lemma, spec in _words()["verbs"].items():
        entry, base = _verb_spec(lemma, spec)
        if entry.reflexive or entry.particle:
            continue
        for form in verb_forms(base, spec.get("forms", []), conditional=True):
            plain.setdefault(form.lower(), entry)
    return plain


def _verb_trigger(token: Token) -> tuple[TriggerSpec, Token] | None:
    verbs, _ = trigger_lexicon()
    # ("X dîne ce soir avec Y": the tagger took the verb for a noun, the parser did not)
    as_verb = token.pos_ == "NOUN" and token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children)
    if token.pos_ not in ("VERB", "AUX", "ADJ") and not as_verb or token.dep_ in ("amod", "det"):
        return None
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and f"{token.lower_} {nxt.lower_}" in verbs:
        return verbs[f"{token.lower_} {nxt.lower_}"], nxt
    spec = verbs.get(token.lower_)
    modal = _under_modal(token)
    if modal is not None:
        return modal, token  # "a pu le voir"
    if spec is None and _expected_at(token):
        lemma = _words()["expected_visit"]  # "X est attendu lundi à Alger": a visit to come
        return _verb_spec(lemma, _words()["verbs"][lemma])[0], token
    if spec is None or spec.particle:
        return None
    if spec.reflexive and not _reflexive(token):
        spec = _plain_verbs().get(token.lower_)  # "rendu" without "s'est": not "se rendre"
        if spec is None:
            return None
    if "Inf" in token.morph.get("VerbForm") and not _is_future(token) and token.head.pos_ not in ("VERB", "AUX") \
            and token.head.lower_ not in _planned()["intention_nouns"]:
        return None
    if "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense") \
            and not any(c.dep_.startswith("aux") for c in token.children) and token.dep_ not in ("conj", "ROOT") \
            and not _auxiliary_before(token) and not _finite_misread(token):
        if not (spec.host and token.dep_ in ("acl", "advcl")):  # "Reçu par X à l'Élysée, Y a dit"
            return None
    return spec, token


def _finite_misread(token: Token) -> bool:
    """'..: le 27 mai, X accueille Y à Lyon': a verb the tagger took for a past participle that has both a
    subject before it and a direct object after it, which no participle without an auxiliary has."""
    return any(c.dep_ == "nsubj" and c.i < token.i for c in token.children) \
        and any(c.dep_ == "obj" and c.i > token.i and c.pos_ in ("PROPN", "NOUN") for c in token.children)


def _under_modal(token: Token) -> TriggerSpec | None:
    """'Une délégation a pu le voir samedi': a verb of the lexicon's modal_verbs, as the infinitive its
    modal governs, is a meeting verb (its object, a person, is the other side)."""
    spec = _words()["modal_verbs"].get(token.lower_)
    if spec is None or token.dep_ != "xcomp" or token.head.i > token.i or token.head.lower_ not in spec["modals"]:
        return None
    return TriggerSpec(token.lower_, spec["mode"], tuple(spec["partner"]))


def _expected_at(token: Token) -> bool:
    """'X est attendu lundi à Alger', 'Y sera attendue en Chine': a passive 'attendu' with a subject and a
    place, the visit the hosts wait for (not 'un accord est attendu', which names no place)."""
    return token.lower_ in _planned()["attendu"] \
        and any(c.dep_ in ("aux:pass", "cop", "aux:tense") and c.lower_ in _planned()["etre_forms"]
                for c in token.children) \
        and any(c.dep_ in ("nsubj:pass", "nsubj") and _names_someone(c) for c in token.children) and bool(_places(token))


OBJECT_CLITICS = {"le": "m", "la": "f", "l'": None, "l’": None}  # (singular: "les" stands for a group)
# the dative clitic of a verb whose partner takes "à" ("X lui a rendu visite", "X lui a téléphoné"); "leur" is a group
DATIVE_CLITICS = {"lui": None}


def _names_someone(token: Token) -> bool:
    """A noun phrase head that may be a party to a meeting: a name, a pronoun, or a noun of a person,
    an office, a group or a body ('les syndicats', 'son homologue', 'une délégation')."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PER", "ORG", "LOC"):
        return True
    word = token.lower_
    singular = word[:-1] if word.endswith(("s", "x")) else word
    return bool({word, singular} & _party_nouns())


@functools.cache
def _party_nouns() -> frozenset[str]:
    from .gazetteer import role_heads

    rules = load_rules()
    words = {w.lower() for w in role_heads()} | set(rules["speakers"]["person_heads"]) \
        | set(rules["speakers"]["trade_heads"]) | set(rules["speakers"]["organisation_heads"]) \
        | set(rules["speakers"]["unnamed_heads"]) \
        | set(rules["meeting_triggers"]["party_nouns"])
    return frozenset(w.lower() for w in words)


def _appeal(token: Token) -> bool:
    """'a appelé X à "bien réfléchir"', 'les a appelés au calme': à with an infinitive or a common
    noun after the verb (not 'au téléphone'), an appeal rather than a call."""
    doc = token.doc
    phone_words = set(_words()["mode_words"]["phone"])
    for t in doc[token.i + 1:min(token.sent.end, token.i + 16)]:
        if t.lower_ not in ("à", "au", "aux"):
            continue
        nxt = next((u for u in doc[t.i + 1:min(token.sent.end, t.i + 6)]
                    if not u.is_punct and u.pos_ not in ("ADV", "DET", "ADJ", "NUM")), None)
        if nxt is None or nxt.lower_ in phone_words:
            continue
        # (past the quote marks that close a quoted fragment: "à « une journée » de grève")
        after = next((u for u in doc[nxt.i + 1:min(len(doc), nxt.i + 4)] if not u.is_quote), None)
        if _is_time(nxt) and not (after is not None and after.lower_ in ("de", "d'", "d’", "du", "des")):
            continue  # "à 10 heures"; but "à une journée de grève", "à la fin des combats" are appeals
        if "Inf" in nxt.morph.get("VerbForm") or nxt.pos_ == "NOUN":
            return True
    return False


def _auxiliary_before(token: Token) -> bool:
    """'s'est quant à lui entretenu': an auxiliary a few words before the participle, no comma between."""
    doc = token.doc
    for t in reversed(doc[max(token.sent.start, token.i - 6):token.i]):
        if t.is_punct:
            return False
        if t.pos_ == "AUX" or t.lower_ in ("a", "ont", "est", "sont", "avait", "avaient", "était", "étaient"):
            return True
    return False


def _marked(token: Token, preps: tuple[str, ...]) -> bool:
    """A phrase introduced by one of `preps`, or coordinated with one ('avec X et Y')."""
    while True:
        if any(c.dep_ == "case" and c.lower_ in preps for c in token.children) \
                or token.left_edge.dep_ == "case" and token.left_edge.lower_ in preps:
            return True
        if token.dep_ != "conj" or token.head.i == token.i:
            return False
        token = token.head


def _incise_subject(verb: Token) -> Token | None:
    """'« ... », a déclaré le président français': the parser makes the subject after a verb of an incise
    its object; a verb of saying has no person as object."""
    if verb.dep_ != "parataxis" and not _after_quote(verb) or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i and _names_someone(c)
                 and c.pos_ != "PRON"), None)


def _addressees(verb: Token, token: Token, call: bool) -> list[Token]:
    """Whom a clause's verb addresses, for a meeting noun `token` in its adjunct ("lors d'un entretien
    téléphonique, X a assuré à Y"): its "à" phrase, also one the parser hung on its object ("a tenu le même
    discours au président Y") or one that the adjunct hangs on (before the noun); for a call or video noun,
    also the object of a verb of informing ("a informé Y lors d'un entretien téléphonique")
    (not an "à X" right after the meeting noun's phrase: "un déjeuner d'hommage à X" honours X)."""
    found = []
    objects = [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i]
    for c in [*verb.children, *(g for o in objects for g in o.children if g.dep_ == "nmod")]:
        if c.i == token.i or not _names_someone(c) or c.left_edge.i == token.right_edge.i + 1 \
                or c.is_ancestor(token) and c.i > token.i:
            continue
        if c.dep_ == "iobj" or c.dep_ in ("obl:arg", "obl:mod", "nmod") and any(
                g.dep_ == "case" and g.lower_ in ("à", "au", "aux") for g in c.children):
            found.append(c)
    if not found and call and verb.lower_ in _informing_forms():
        found = [o for o in objects if _names_someone(o) and o.pos_ != "PRON"]
    return found


@functools.cache
def _informing_forms() -> frozenset[str]:
    return frozenset(f.lower() for lemma, forms in _words()["informing_verbs"].items() for f in verb_forms(lemma, forms))


_CLOSING_QUOTES = ('"', "»", "”")


def _after_quote(verb: Token) -> bool:
    """'« ... », a réagi le président X': a verb right after a closing quote and its comma (its auxiliary
    aside) opens an incise, whatever the parser made of it (also the root, the quote its clause)."""
    doc = verb.doc
    j = verb.i - 1
    while j > verb.sent.start and doc[j].head == verb and doc[j].dep_.startswith("aux"):
        j -= 1
    return j > verb.sent.start and doc[j].text == "," and doc[j - 1].text in _CLOSING_QUOTES


def _passive_agent(verb: Token) -> Token | None:
    """'ont été douchés par X', 'un accord arraché par X': the agent of a passive verb or participle, a
    phrase that names someone."""
    passive = any(c.dep_ == "aux:pass" for c in verb.children) or "Part" in verb.morph.get("VerbForm")
    if not passive:
        return None
    return next((c for c in verb.children if c.dep_ == "obl:agent" and c.i > verb.i and _names_someone(c)
                 and c.pos_ != "PRON"), None)


def _negated(token: Token) -> bool:
    """'n'a pas rencontré', 'ne se sont plus revus': the verb (or its auxiliary) says it did not happen."""
    negation = _words()["negation"]
    words = [c for c in token.children if c.dep_ in ("advmod", "advmod:neg", "aux:tense", "aux", "aux:pass")]
    words += [g for c in words for g in c.children]
    lows = {t.lower_ for t in words} | {t.lower_ for t in token.doc[max(token.sent.start, token.i - 4):token.i]}
    # the second particle right after the verb, past quote marks and adverbs, wherever the parser hung it
    # ('ne participera « probablement pas » au sommet')
    for t in token.doc[token.i + 1:min(token.sent.end, token.i + 5)]:
        if t.pos_ != "ADV" and not t.is_punct:
            break
        lows.add(t.lower_)
    return bool(lows & set(negation["particles"])) and bool(lows & set(negation["words"]))


def _object_after_nonfinite(token: Token, spec: TriggerSpec, passive: bool) -> Token | None:
    """'avoir rencontré la veille X', 'de recevoir lundi X': a name the parser made the subject of an
    infinitive (or of a participle with an infinitive auxiliary) it follows, which is the verb's object."""
    if "obj" not in spec.partner or passive:
        return None
    if "Inf" not in token.morph.get("VerbForm") and not any(
            c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ == "nsubj" and c.i > token.i and c.pos_ != "PRON"
                 and _names_someone(c)), None)


def _controller(token: Token) -> Token | None:
    """The subject of the verb that governs an infinitive clause ('X a dit avoir rencontré'), also when
    the parser hung the clause on a date word of that verb ('X a confirmé vendredi avoir rencontré')."""
    head = token.head
    if token.dep_ == "acl" and _is_time(head) and head.head.i != head.i:
        head = head.head
    if head.i == token.i or head.pos_ not in ("VERB", "AUX"):
        return None
    return _subject(head)


@functools.cache
def _opinion_forms() -> frozenset[str]:
    return frozenset(f.lower() for lemma, forms in _planned()["opinion_verbs"].items() for f in verb_forms(lemma, forms))


def _refused(token: Token) -> bool:
    """'a refusé de rencontrer X', 'a exclu toute rencontre avec Y', 'a démenti avoir vu Z': a meeting that a
    verb of refusal or denial governs did not take place and is not planned."""
    head = token.head
    if head.i != token.i and (head.lower_ in _planned()["intention_nouns"] or head.lower_ in _planned()[
            "possibility_nouns"]) and head.head.i != head.i \
            and head.dep_ == "obj" and token.dep_ in ("acl", "xcomp", "nmod", "obj"):
        # "a rejeté l'idée de s'entretenir avec X", "exclut la possibilité d'un sommet": the refusal governs
        # the noun of intention that holds the meeting
        return head.head.lower_ in _refusal_forms()
    return head.i != token.i and token.dep_ in ("xcomp", "obj", "ccomp") and head.lower_ in _refusal_forms()


@functools.cache
def _refusal_forms() -> frozenset[str]:
    return frozenset(f.lower() for verb, extra in _planned()["refusal_verbs"].items() for f in verb_forms(verb, extra))


def _advocated(verb: Token) -> bool:
    """'X estime que la France doit entamer des pourparlers avec Y', 'juge que Y devrait rencontrer Z':
    a verb under a modal of obligation in the complement of a verb of opinion tells what someone thinks
    should happen, not a meeting planned."""
    obligation = _planned()["obligation_forms"]
    modal = verb.head if verb.dep_ == "xcomp" and verb.head.lower_ in obligation else next(
        (c for c in verb.children if c.lower_ in obligation and c.i < verb.i), None)
    if modal is None:
        return False
    clause = modal if modal.dep_ == "ccomp" and modal.head.i != modal.i else verb if verb.dep_ == "ccomp" else None
    return clause is not None and clause.head.lower_ in _opinion_forms()


def _name_list_before(verb: Token) -> list[Token]:
    """The names of a sentence that opens on a list of names and nothing else before the verb group
    ('A, B, C et D se sont réunis'): the first token of each."""
    doc = verb.doc
    start = verb.sent.start
    end = min([verb.i] + [c.i for c in verb.children if c.i < verb.i and (c.dep_.startswith(("aux", "expl")) or
                                                                         c.lower_ in ("se", "s'", "s’"))])
    names = []
    for t in doc[start:end]:
        if t.ent_type_ == "PER":
            if t.ent_iob_ == "B":
                names.append(t)
        elif not (t.text == "," or t.lower_ == "et" or t.is_space):
            return []
    return names if len(names) >= 2 else []


def _split_coordinated_subject(verb: Token, subject: Token) -> list[Token]:
    """'Le président et la chancelière se sont vus': the parser may cut a coordinated subject in two,
    making each noun phrase a subject of the verb, or making the first one the root the verb is
    coordinated to; the 'et' before the last phrase joins them back. Returns the phrases other than
    `subject` (with their own conjuncts)."""
    doc = verb.doc
    # the verb the subject hangs on: the trigger's, or the one governing it ("doivent se rencontrer")
    holder = subject.head if subject.head.pos_ in ("VERB", "AUX") else verb
    heads = {c for c in holder.children if c.dep_ in SUBJECT_DEPS and c.i < holder.i}
    if holder.dep_ == "conj" and holder.head.i < subject.i:
        heads.add(holder.head)
    heads = sorted(heads, key=lambda t: t.i)
    # (a name the tagger got wrong, "Narendra/VERB", is still a name: its entity type says so)
    if subject not in heads or len(heads) < 2 or any(h.pos_ not in ("NOUN", "PROPN") and not h.ent_type_ for h in heads):
        return []
    first = heads[0].left_edge.i
    if first > verb.sent.start and not doc[first - 1].is_punct:
        return []  # the first phrase opens the sentence or follows a comma ("Lundi, le président et ...")
    def opening(head: Token) -> int:
        # (the parser may hang the "et" on the phrase it opens: "et le président X")
        start = head.left_edge.i
        return start + 1 if doc[start].dep_ == "cc" and start < head.i else start

    for earlier, later in zip(heads, heads[1:]):
        start = opening(later)
        # each phrase alone before the next: no verb of its own in between, joined by "et" or a comma
        if doc[start - 1].lower_ not in ("et", ",") or any(
                t.pos_ in ("VERB", "AUX") and not t.ent_type_ for t in doc[earlier.left_edge.i:start - 1]):
            return []
    if doc[opening(heads[-1]) - 1].lower_ != "et":
        return []
    return [t for h in heads if h.i != subject.i for t in _conjuncts(h)]


def _verb_frame(token: Token, spec: TriggerSpec, last: Token) -> MeetingFrame | None:
    doc = token.doc
    if _negated(token):
        return None
    passive = any(c.dep_ == "aux:pass" for c in token.children) or (
        "Part" in token.morph.get("VerbForm") and any(c.dep_ == "obl:agent" for c in token.children))
    subject = _subject(token)
    after = _object_after_nonfinite(token, spec, passive)
    if after is not None:
        # "a dit avoir rencontré la veille X": no subject stands after an infinitive; the parser's
        # subject there is the object, and the subject is that of the verb governing the infinitive
        subject = _controller(token)
    if "Inf" in token.morph.get("VerbForm") and token.head.lower_ in _planned()["intention_nouns"]:
        # "X a manifesté sa volonté de visiter Y": X, who has the will
        governor = token.head.head
        subject = _subject(governor) if governor.i != token.head.i and governor.pos_ in ("VERB", "AUX") else None
    agents = _conjuncts(subject) if subject is not None else []
    if subject is not None:
        agents += [t for t in _split_coordinated_subject(token, subject) if t not in agents]
    listed = _name_list_before(token)
    if len(listed) > len(agents) and (subject is None or subject in listed or subject.head in listed):
        agents = listed  # "A, B, C et D se sont réunis": the parser left some of the names out of the subject
    partners: list[Token] = []
    if "obj" in spec.partner:
        partners += [t for c in token.children if c.dep_ in ("obj", "iobj") and c.i > token.i
                     and c.pos_ in ("NOUN", "PROPN") and not _is_time(c) for t in _conjuncts(c)]
        if not partners and not passive:
            # "a rencontré mardi des représentants de X": after a time word the parser takes the
            # indefinite "des" for a preposition and the object for an oblique
            partners += [t for c in token.children if c.dep_ in ("obl:arg", "obl:mod") and c.i > token.i
                         and c.pos_ == "NOUN" and "Plur" in c.morph.get("Number") and not _is_time(c)
                         and [g.lower_ for g in c.children if g.dep_ == "case"] == ["des"]
                         and _is_time(c.doc[c.i - 2]) for t in _conjuncts(c)]
    # "rencontrer des difficultés", "a reçu le soutien de X": an object that names nobody is no partner,
    # and the verb is no meeting
    if partners and not spec.visit and not any(_names_someone(p) for p in partners):
        return None
    partners = [p for p in partners if _names_someone(p)]
    if after is not None:
        partners += [t for t in _conjuncts(after) if t not in partners]
    if "obj" in spec.partner and not partners and not passive:
        # "Macron l'a reçu": the object clitic stands for someone named before (meetings.py resolves it)
        # (a determiner the parser hangs on the verb itself is that clitic: "Poutine le recevra")
        partners += [c for c in token.children if c.i < token.i and c.lower_ in OBJECT_CLITICS and (
            c.dep_ in ("obj", "iobj") and c.pos_ == "PRON" or c.dep_ == "det")]
    if "avec" in spec.partner or spec.reflexive or "none" in spec.partner or "obj" in spec.partner:
        partners += _preposition_objects(token, ("avec",))
    if spec.reflexive or "none" in spec.partner:
        # "se sont réunis autour de X": X, whom they gathered around (the parser makes "autour" an adverb)
        partners += [t for a in token.children if a.lower_ == "autour" and a.i > token.i
                     for c in a.children if c.i > a.i and c.pos_ in ("NOUN", "PROPN")
                     and any(g.dep_ == "case" and g.lower_ in ("de", "d'", "d’", "du", "des") for g in c.children)
                     for t in _conjuncts(c) if _names_someone(t) and t not in partners]
    if spec.visit:  # "X s'est rendu auprès de Y": Y is the one visited
        near = _preposition_objects(last, ("auprès",), 0) + [  # (the parser makes "auprès" an adverb or a case)
            t for a in last.children if a.lower_ == "auprès" and a.i > last.i for c in a.children
            if c.i > a.i and c.pos_ in ("NOUN", "PROPN") for t in _conjuncts(c)]
        partners += [p for p in near if p not in partners and _names_someone(p)]
    if token.dep_ == "acl:relcl" and token.head.pos_ in ("NOUN", "PROPN"):
        # "son homologue X, avec lequel il s'est entretenu": the relative pronoun stands for the noun
        partners = [token.head if p.lower_ in _RELATIVE_PRONOUNS else p for p in partners]
    if "a" in spec.partner:  # "rendre visite à X": the parser hangs X on either word
        partners += _preposition_objects(last, ("à", "au", "aux"), 0)
        if last.i != token.i:
            partners += [p for p in _preposition_objects(token, ("à", "au", "aux"), 0) if p not in partners]
        if not partners and not passive:
            # "X lui a rendu visite": the dative clitic before the verb stands for someone named before
            # (meetings.py resolves it); the parser gives it any relation to the verb
            partners += [c for c in token.children if c.i < token.i and c.lower_ in DATIVE_CLITICS and c.pos_ == "PRON"]
    if spec.host and passive:  # "Y a été reçu par X (, puis par Z)": X (and Z) host, Y is the subject
        hosts = [t for c in token.children if c.dep_ == "obl:agent" or c.i > token.i and any(
            g.lower_ == "par" and g.dep_ == "case" for g in c.children) for t in _conjuncts(c)]
        partners += [h for h in hosts if h not in partners]
        # "reçue par X en 1995, puis par Y en 2013": the parser hangs the second agent anywhere
        sent = token.sent
        for i in range(token.i + 2, sent.end - 1):
            if doc[i].lower_ == "par" and doc[i - 1].lower_ in ("puis", "et", "ensuite") \
                    and doc[i + 1].ent_type_ == "PER" and doc[i + 1] not in partners:
                partners.append(doc[i + 1])
    if spec.host and not passive and token.dep_ in ("acl", "advcl") and "Part" in token.morph.get("VerbForm"):
        # "Reçu par X à l'Élysée, le chanteur Y a dit": the participle's agent and the main subject
        hosts = [t for c in token.children if c.dep_ in ("obl:agent", "obl:arg", "obl:mod") and any(
            g.lower_ == "par" for g in c.children) for t in _conjuncts(c)]
        if hosts:
            partners = hosts
            main = _subject(token.head) if token.head.i != token.i else None
            agents = _conjuncts(main) if main is not None else agents
    if spec.lemma in _words()["habitual_in_present"] and "Pres" in token.morph.get("Tense") \
            and "Fin" in token.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in token.children):
        return None  # "avec qui elle parle des masques": a habit, not one talk
    if _advocated(token):
        return None  # "X juge que Y devrait rencontrer Z": an opinion on what should be, no plan
    if _refused(token):
        return None  # "a refusé de rencontrer X"
    if spec.lemma == "appeler" and _appeal(token):
        return None  # "les a appelés à être courageux": an appeal, not a call
    if spec.lemma in _words()["perception_verbs"] and any(
            c.dep_ in ("xcomp", "ccomp") and "Inf" in c.morph.get("VerbForm") for c in token.children):
        return None  # "a vu X arriver en prison": what one saw X do, not a meeting
    places = _places(token if last.i == token.i else last) + (_places(token) if last.i != token.i else [])
    if "a" in spec.partner:  # "rendre visite à sa mère à Téhéran": the place is no one visited
        places += [p for p in partners if p.ent_type_ == "LOC" and p not in places]
        partners = [p for p in partners if p.ent_type_ != "LOC"]
    # "X a été reçue mardi à Berlin": no host named, a visit to the place's country
    visit = spec.visit or spec.host and passive and not partners and bool(places)
    places = [p for p in places if p not in partners]
    plural_verb = "Plur" in token.morph.get("Number") or any(
        c.dep_.startswith("aux") and "Plur" in c.morph.get("Number") for c in token.children)
    # "X et Y se sont entretenus", "les deux hommes se sont vus": a plural subject met among itself
    # ("ils s'étaient rencontrés": a verb of meeting someone used reflexively is one of meeting each other)
    reciprocal = (spec.reflexive or "none" in spec.partner or "obj" in spec.partner and _reflexive(token)) \
        and not partners and (
        plural_verb or len(agents) >= 2 or subject is not None and _plural(subject))
    if visit:
        if not places and not partners:
            return None
    elif not partners and not reciprocal and not ("obj" in spec.partner or "avec" in spec.partner
                                                  or "a" in spec.partner):
        return None
    if token.pos_ == "VERB" and token.dep_ == "amod":
        return None
    if spec.lemma in _words()["modal_verbs"] and not partners:
        return None  # "ont pu voir des dizaines de volontaires": a modal's "voir" meets only someone it names
    status = "planned" if _is_future(token) else "occurred"
    mode = _mode(doc, token.sent.start, token.sent.end, spec.mode, token)
    # "les dirigeants européens se réuniront jeudi": a plural subject of a session verb that names no one,
    # and the body its adjective names
    bodies: tuple[str, ...] = ()
    if spec.lemma in _words()["session_verbs"] and subject is not None and subject.pos_ == "NOUN" \
            and "Plur" in subject.morph.get("Number") and _names_someone(subject):
        table = _words()["body_adjectives"]
        bodies = tuple(dict.fromkeys(table[a.lower_] for a in subject.children
                                     if a.dep_ == "amod" and a.lower_ in table))
    scope = _clause_scope(token)
    main = _opening_participle_main(token)
    if main is not None:
        # "Accueilli par X, Y a déjeuné mardi à Oslo": the participle's time is the main clause's
        main_scope = _clause_scope(main)
        scope = (min(scope[0], main_scope[0]), max(scope[1], main_scope[1]))
    return MeetingFrame((token.idx, last.idx + len(last)), spec.lemma, "verb", mode,
                        [_with_name_after(doc, _phrase(a)) for a in agents],
                        [_with_name_after(doc, _with_apposed_name(doc, _phrase(p))) for p in partners], visit,
                        [_place_phrase(p) for p in places], status, scope, reciprocal,
                        pair_subject=subject is not None and _pair_subject(subject),
                        infinitive="Inf" in token.morph.get("VerbForm"),
                        asides=_asides(token) + (_report_words(token) if status == "planned" else []), bodies=bodies,
                        anterior=_is_anterior(token), present=status == "occurred" and _is_simple_present(token))


def _contact_frame(token: Token) -> MeetingFrame | None:
    """A contact told by a verb that is no meeting word: 'a réclamé mardi à son homologue X un cessez-le-feu'
    (a verb of saying addressed to a counterpart) or 'a prévenu X au téléphone' (any verb with a call
    or video adjunct and a person it addresses). The subject is one side, the addressee the other."""
    words = _words()
    mode_nouns = words["contact_mode_nouns"]
    mode = None
    addressees: list[Token] = []
    for child in token.children:
        # "au téléphone" on the verb, or on its object ("a prévenu X au téléphone": the parser's pick)
        for t in [child] + ([g for g in child.children] if child.dep_ in ("obj", "obl:arg", "iobj") else []):
            if t.lower_ in mode_nouns and t.i > token.i and any(
                    c.dep_ == "case" and c.lower_ in ("au", "par", "en") for c in t.children):
                mode = mode_nouns[t.lower_]
                # "a informé au téléphone le président X": the parser hangs the addressee on the noun
                addressees += [a for a in t.children if a.dep_ in ("appos", "nmod", "obj") and _names_someone(a)
                               and not any(c.dep_ == "case" and c.lower_ in ("de", "d'", "du", "des")
                                           for c in a.children)]
    counterpart = False
    for child in token.children:
        if child.i < token.i and child.pos_ != "PRON" or _is_time(child):
            continue
        dative = child.dep_ == "iobj" or child.dep_ in ("obl:arg", "obl:mod") and any(
            c.dep_ == "case" and c.lower_ in ("à", "au", "aux") for c in child.children)
        if child.dep_ == "obj" and mode is not None or dative:
            if child.lower_ in words["counterpart_nouns"]:
                counterpart = True
            elif mode is None or child.lower_ in mode_nouns or not _names_someone(child) or _is_place(child) \
                    and child.ent_type_ != "PER":
                continue
            addressees.append(child)
    if mode is None and not (counterpart and token.lower_ in _addressing_forms()):
        return None
    # (an outlet or a journalist addressed, "a déclaré au téléphone à l'AFP", is left to extract_meetings,
    # which drops media and press partners from every frame)
    if not addressees or _negated(token):
        return None
    doc = token.doc
    if mode is None and any(t.lower_ in words["written_channels"] for t in doc[token.sent.start:token.sent.end]):
        return None  # "a demandé dans une lettre à ses homologues": no one spoke
    subject = _subject(token)
    if subject is None or not _names_someone(subject) or subject.lower_ in words["press_heads"]:
        return None
    return MeetingFrame((token.idx, token.idx + len(token)), "contact", "verb", mode or _mode(
        doc, token.sent.start, token.sent.end, "in_person", token), [_phrase(a) for a in _conjuncts(subject)],
        [_with_apposed_name(doc, _phrase(a)) for a in addressees], False, [],
        "planned" if _is_future(token) else "occurred",
        _clause_scope(token), False, asides=_asides(token), anterior=_is_anterior(token))


@functools.cache
def _route_forms() -> frozenset[str]:
    return frozenset(f.lower() for lemma, forms in _words()["route_verbs"].items() for f in verb_forms(lemma, forms))


@functools.cache
def _addressing_forms() -> frozenset[str]:
    reporting = load_rules()["reporting_verbs"]
    return frozenset(f.lower() for lemma, forms in _words()["addressing_verbs"].items()
                     for f in verb_forms(lemma, forms + (reporting.get(lemma) or {}).get("forms", [])))


def _between_pair(token: Token) -> bool:
    """'un entretien (téléphonique) entre les deux présidents': 'entre' and a phrase standing for the last
    two people named, right after the meeting noun, wherever the parser hung them."""
    doc = token.doc
    for t in doc[token.i + 1:min(token.sent.end, token.i + 4)]:
        if t.lower_ == "entre":
            return pair_phrase(doc[t.i + 1:min(token.sent.end, t.i + 4)].text)
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            break
    return False


def pair_phrase(phrase: str, pronouns: bool = True) -> bool:
    """'les deux présidents', 'tous deux' (and 'ils', 'elles' with `pronouns`): a phrase standing for the
    last two people named (not 'les deux pays')."""
    low = phrase.lower().strip()
    if low.startswith("les deux "):
        return low.split()[2] in _words()["pair_person_nouns"]
    return any(low == w or low.startswith(w + " ") for w in _words()["pair_subjects"] if pronouns or " " in w)


def _pair_subject(subject: Token) -> bool:
    """'ils', 'les deux hommes', 'tous deux': a subject that stands for people named before."""
    words = _words()["pair_subjects"]
    phrase = subject.doc[subject.left_edge.i:subject.i + 1].text.lower()
    return subject.lower_ in words or any(phrase.startswith(w) for w in words)


def _plural(token: Token) -> bool:
    """'les deux hommes', 'ils', 'les dirigeants': a plural subject may meet among itself."""
    return "Plur" in token.morph.get("Number") or any(c.dep_ == "conj" for c in token.children)


def _mode(doc: Doc, start: int, end: int, default: str, trigger: Token) -> str:
    """Phone or video when the words of the trigger's phrase say so ('par téléphone', 'en visioconférence')."""
    words = _words()["mode_words"]
    near = doc[max(start, trigger.i - 6):min(end, trigger.i + 8)]
    # the trigger's own obliques, however far its partners push them ("avec A et B par visioconférence")
    obliques = [t for c in trigger.children if c.dep_.startswith("obl") and c.i < end for t in c.subtree]
    text = " " + " ".join(t.lower_ for t in [*near, *obliques]) + " "
    for mode in ("video", "phone"):
        if any(f" {w} " in text for w in words[mode]):
            return mode
    return default


def _noun_frame(token: Token, spec: TriggerSpec, length: int = 1) -> MeetingFrame | None:
    """A noun trigger of `length` words ('conférence de presse commune': 4) and its complements."""
    doc = token.doc
    own = range(token.i, token.i + length)
    words = _words()
    det = next((c for c in token.children if c.dep_ == "det"), None)
    if det is not None and det.lower_ in words["anaphoric_determiners"]:
        return None  # "cette rencontre": a meeting reported already
    possessive = det.lower_ if det is not None and "Yes" in det.morph.get("Poss") else None
    if _other_sense(token) or _called_off(token):
        return None
    if token.lower_ in words["appeal_nouns"] and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("à", "au", "aux"):
        return None  # "un appel à la retenue", "un appel à une rencontre avec X": an appeal, no call
    if any(c.dep_ == "case" and c.lower_ == "par" for c in token.children) and token.head.i != token.i \
            and _verb_trigger(token.head) is not None:
        return None  # "s'est entretenu par visioconférence avec X": how the verb's meeting was held
    partners = _preposition_objects(token, ("avec", "entre", "à", "auprès"))
    # "une rencontre à trois", "un dîner à quatre": a count of its sides, who are the ones the clause names
    counted = any(_marked(t, ("à",)) and (t.lower_ in _number_words() or t.text.isdigit()) for t in partners)
    partners = [t for t in partners if not (_marked(t, ("à",)) and (t.lower_ in _number_words() or t.text.isdigit()))]
    if any(c.dep_ == "case" and c.lower_ == "par" for c in token.children) and spec.mode != "in_person" \
            and not any(_marked(t, ("avec", "entre")) for t in partners) and _means_of_a_named_meeting(token):
        return None  # "le sommet du G7 prévu en juin par vidéoconférence": the means of another meeting
    between = bool(_preposition_objects(token, ("entre",)))
    if token.dep_ == "nmod" and token.head.i < token.i and token.head.lower_ in words["complex_preposition_heads"]:
        # "à l'issue d'un entretien avec X", "en marge d'une réunion avec X": the parser hangs "avec X" on
        # the head of the complex preposition, not on the meeting noun
        partners += [t for t in _preposition_objects(token.head, ("avec", "entre"), 0)
                     if t.i > token.i and t not in partners]
        between = between or any(t.i > token.i for t in _preposition_objects(token.head, ("entre",), 0))
    if between and token.dep_ in SUBJECT_DEPS:
        # "Le sommet entre les dirigeants européens et le président X se tiendra": the parser cuts the
        # "entre" pair at its "et" and makes the second side another subject of the verb
        partners += [t for c in token.head.children if c.dep_ in SUBJECT_DEPS and c.i > token.i
                     and (c.left_edge.i == token.right_edge.i + 1 and c.left_edge.lower_ == "et"
                          or c.left_edge.i == token.right_edge.i + 2 and doc[token.right_edge.i + 1].lower_ == "et")
                     and _names_someone(c) for t in _conjuncts(c) if t not in partners]
    if token.dep_ in SUBJECT_DEPS and token.head.lower_ in _holding_forms() and not partners:
        # "la rencontre a eu lieu lundi entre X et Y", "l'entretien s'est tenu entre X et Y": the parser hangs
        # "entre X et Y" on the verb that holds the meeting
        partners = [t for t in _preposition_objects(token.head, ("entre",)) if t.i > token.i]
        between = bool(partners)
    if not any(_marked(t, ("avec",)) for t in partners):
        # "lors d'une conférence de presse (à Genève) avec X": an "avec" right after the noun's phrase, or
        # after a place, is the noun's, wherever the parser hung it
        end = max(t.i for t in token.subtree if not _relative(t) or t.i == token.i) + 1
        for t in doc[end:min(token.sent.end, end + 5)]:
            if t.lower_ == "avec":
                if t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
                    partners += [p for p in _conjuncts(t.head) if p not in partners]
                break
            if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
                break
    # "X a reçu un appel de Y": the one it came from and the one who took it
    received = token.dep_ == "obj" and _receives(token.head) and any(
        c.i > token.i and (c.pos_ == "PROPN" or spec.visit and _names_someone(c) and not _is_time(c))
        and _marked(c, ("de", "d'", "d’", "du")) for c in token.children)
    if spec.lemma in words["joint_nouns"] and not received \
            and not any(t.i > token.i and _marked(t, ("avec",)) for t in partners):
        return None  # "lors d'une conférence de presse": a meeting only "avec" someone
    agents: list[Token] = []
    places: list[Token] = []
    kinds: list[Token] = []
    for child in token.children:
        case = [c for c in child.children if c.dep_ == "case"]
        prep = case[0].lower_ if case else None
        if child.i in own:
            continue  # "de presse" in "conférence de presse"
        if child.i > token.i and _is_time(child):
            continue  # "la rencontre de juin"
        if prep in ("de", "d'", "d’") and child.pos_ in ("NOUN", "PROPN") \
                and (child.text[:1].islower() and child.ent_type_ == "" or child.lower_ in words["kind_nouns"]) \
                and not any(c.dep_ in ("det", "nmod:poss") for c in child.children):
            # "une visite d'État", "une réunion de crise": a kind of meeting, not who holds it ("un déjeuner
            # d'hommage à X": nor is X, whom it honours, a guest)
            kinds.append(child)
            # ("la visite d'État de X": the parser may hang X on the kind)
            agents += [t for c in child.children if c.i > child.i and c.pos_ == "PROPN" and any(
                g.dep_ == "case" and g.lower_ in ("de", "d'", "d’", "du", "des") for g in c.children)
                for t in _conjuncts(c)]
            continue
        if prep in ("de", "d'", "du", "des") and child.pos_ in ("PROPN", "NOUN") and child.i > token.i:
            if spec.lemma in words["place_words"] and child.pos_ == "PROPN" and _is_place(child):
                places.append(child)  # "le sommet de Pau", not "le sommet du G20" or "de l'Otan"
            else:
                agents += _conjuncts(child)  # "la visite de X", "le sommet du G20"
        elif prep in ("à", "en", "au", "aux", "dans", "chez") and child.pos_ in ("PROPN", "NOUN") \
                and not _relative(child):
            places += [c for c in _conjuncts(child) if c.pos_ in ("PROPN", "NOUN") and not _is_time(c)]
        elif child.dep_ in ("appos", "flat:name", "nmod", "compound") and child.pos_ == "PROPN" and not case:
            partners += _conjuncts(child)  # "le sommet Trump-Kim"
        elif spec.visit and child.dep_ == "acl:relcl" and child.lower_ in _route_forms():
            # "une tournée qui l'a mené en Egypte, en Jordanie et au Qatar": the route's stops
            places += [p for p in _places(child) if p not in places]
    partners = [p for p in partners if not any(k.is_ancestor(p) or p.left_edge.i == k.right_edge.i + 1 for k in kinds)]
    # "le sommet franco-britannique": the two countries the adjective names are its sides
    # (read from the words, not the tree: the tagger splits "russo-ukrainiens" and hangs them anywhere)
    after = doc[token.i + 1:min(len(doc), token.i + 6)]
    # (one event: "des pourparlers israélo-palestiniens à l'arrêt" are a process, no meeting)
    single = "Plur" not in token.morph.get("Number") and not token.lower_.endswith(("s", "x"))
    # the adjective right after the noun, or after one more word ("le sommet historique sino-américain")
    at = next((t for t in after[:2] if PAIRED_ADJECTIVE.match(after.text.lower(), t.idx - after.start_char)), None) \
        if len(after) > 1 and single else None
    if at is not None:
        partners.append(at)
    if partners:
        # "des conversations avec X, la chancelière Y et le président Z": a list the parser hung on the
        # meeting noun itself (a meeting noun is coordinated with no person)
        partners += [t for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > partners[0].i
                     for t in _conjuncts(c) if t not in partners]
    if token.dep_ in ("nsubj", "nsubj:pass") and token.head.lower_ in _gathering_forms():
        # "Le sommet a réuni lundi les présidents A, B et C": what the meeting brought together takes part
        partners += [p for c in token.head.children if c.dep_ == "obj" and c.i > token.head.i
                     for p in _conjuncts(c) if _names_someone(p) and p not in partners]
        names = [t for t in doc[token.head.i + 1:token.sent.end] if t.ent_type_ == "PER" and t.ent_iob_ == "B"]
        partners += [n for n in names if n not in partners and not any(n in p.subtree for p in partners)]
    gathering = [c for c in token.sent if c.i > token.i and c.lower_ in _gathering_forms() and c.lower_.endswith("ant")
                 and (c.head.i == token.i or c.head.pos_ in ("VERB", "AUX") and c.dep_ in ("advcl", "acl")
                      and not any(t.pos_ in ("VERB", "AUX") for t in doc[token.i + 1:c.i]))]
    for acl in gathering[:1]:
        # "un sommet réunissant X et Y", "une réunion rassemblant A, B et C": the present participle of a
        # gathering verb on the meeting noun brings its participants (its object) together (also when the
        # parser hangs it on the clause's verb: "depuis le sommet de Pau, en janvier, réunissant X et Y")
        partners += [p for c in acl.children if c.dep_ == "obj" and c.i > acl.i
                     for p in _conjuncts(c) if _names_someone(p) and p not in partners]
        listed = [c for c in acl.children if c.dep_ == "obj" and c.i > acl.i]
        at = max((p.right_edge.i for c in listed for p in _conjuncts(c)), default=None)
        while at is not None and at + 2 < len(doc) and doc[at + 1].lower_ in (",", "et") \
                and doc[at + 2].ent_type_ == "PER" and doc[at + 2].ent_iob_ == "B":
            # "une réunion réunissant X, Y et Z s'est tenue": the parser made the rest of the list another
            # verb's subject; the names that go on the list by comma or "et" are still its object
            name = doc[at + 2]
            partners.append(name)
            at = name.i
            while at + 1 < len(doc) and doc[at + 1].ent_type_ == "PER" and doc[at + 1].ent_iob_ == "I":
                at += 1
    # the verb the noun depends on: its subject takes part ("X a eu un entretien avec Y",
    # "X a participé au sommet"), and its tense says whether it happened
    governor = token.head if token.head.i != token.i else None
    role = token.dep_
    while governor is not None and _is_time(governor) and governor.head.i != governor.i:
        # "a eu lundi des entretiens avec X": the parser hangs the noun on the weekday
        role, governor = governor.dep_, governor.head
    clause_verb = governor
    while clause_verb is not None and clause_verb.pos_ not in ("VERB", "AUX") and clause_verb.head.i != clause_verb.i:
        clause_verb = clause_verb.head
    joined = None
    if governor is not None and governor.pos_ in ("VERB", "AUX") and role in ("obj", "obl:arg", "obl:mod") \
            and _joins(governor) and governor.dep_ not in ("acl", "acl:relcl", "amod"):
        joined = governor
        if _negated(governor):
            return None  # "X et Y n'ont plus eu de rencontre depuis octobre", "n'a pas participé au sommet"
        subject = _subject(governor)  # "X a eu un entretien avec Y", "X a participé au sommet"
        # ("X a organisé une rencontre entre Y et Z": the sides are named, X arranged it)
        if subject is not None and subject.i != token.i and not between:
            agents += _conjuncts(subject)
    if received and (spec.mode == "phone" or spec.visit):
        # ("X a reçu la visite de Y": the one visited hosts, as the one who took a call)
        subject = _subject(token.head)
        if subject is not None and _names_someone(subject):
            agents += [t for t in _conjuncts(subject) if t not in agents]
    if not agents and any(c.dep_ == "cop" for c in token.children):
        # "X est en visite en Italie", "X était en réunion avec Y": the copula's subject takes part
        # ("sa seule bonne expérience a été sa rencontre avec X": not an experience)
        agents += [t for c in token.children if c.dep_ == "nsubj" and (c.pos_ == "PROPN" or _names_someone(c))
                   for t in _conjuncts(c)]
    reciprocal = possessive in ("leur", "leurs") or counted
    pair = _between_pair(token)
    if pair and all(_marked(t, ("entre",)) for t in partners):
        # "un entretien entre les deux présidents": the last two people named met each other
        partners, reciprocal = [], True
    owner = _possessor_in_phrase(token) if possessive in ("sa", "son", "ses") and not agents else None
    if owner is not None:
        agents += [owner]  # "la préparation de X pour son sommet avec Y": X's summit
    if not agents and not between and clause_verb is not None and _in_adjunct(token) \
            and possessive not in ("leur", "leurs") \
            and (possessive is not None or partners or spec.visit or _without_determiner(token) or counted):
        # "Après un sommet à Berlin, X et Y ont", "En visite à Z, X a dit", "« ... », a dit X lors d'un entretien"
        subject = _subject(clause_verb) or _incise_subject(clause_verb)
        if subject is None or not _names_someone(subject):
            # "Les espoirs ont été douchés par X à l'issue d'un entretien avec Y": the one who acts in a
            # passive clause is its agent ("par X"), not its grammatical subject
            subject = _passive_agent(clause_verb) or subject
        # ("la question sera discutée lors du sommet": a topic attends nothing)
        if subject is not None and subject.i != token.i and _names_someone(subject):
            agents += _conjuncts(subject)
            if counted:
                # ("ont estimé X, Y et Z à l'issue d'une rencontre à trois": the parser may cut the list
                # into several subjects; all of them are the sides it counts)
                agents += [t for c in subject.head.children if c.dep_ in SUBJECT_DEPS and c.i != subject.i
                           and _names_someone(c) for t in _conjuncts(c) if t not in agents]
            if spec.visit and not places and not partners and token.head == clause_verb:
                # "X est arrivé à Pékin pour une visite de trois jours": the clause's place is the visit's
                places += [p for p in _places(clause_verb) if p.i < token.i and not _is_time(p)]
    if not agents and not partners and not between and possessive is None and clause_verb is not None \
            and _in_adjunct(token):
        # "Lors d'un entretien téléphonique, X a assuré à Y ...", "... X lui a proposé son aide": the
        # clause's subject spoke to the one the verb addresses
        # (not an "à X" right after the meeting noun's phrase: "un déjeuner d'hommage à X" honours X)
        call = _mode(doc, token.sent.start, token.sent.end, spec.mode, token) != "in_person"
        dative = _addressees(clause_verb, token, call)
        told = clause_verb
        while not dative and "Inf" in told.morph.get("VerbForm"):
            # "X a dit avoir informé Y de son intention de partir, lors d'un entretien téléphonique": the
            # parser hangs the adjunct on the last infinitive (of the verb, or of a noun of its object);
            # the one told is the object of the verb that governs it
            up = told.head
            while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i and up.i < told.i:
                up = up.head
            if up.pos_ not in ("VERB", "AUX") or up.i >= told.i:
                break
            told = up
            dative = _addressees(told, token, call)
        if dative:
            clause_verb = told  # (its clause, whose tense the call has)
        subject = _subject(clause_verb)
        if dative and subject is not None and subject.i != token.i and _names_someone(subject):
            agents += _conjuncts(subject)
            partners += [t for d in dative for t in _conjuncts(d)]
    if not agents and not partners and not between and possessive is None and clause_verb is not None \
            and _in_adjunct(token) and "Plur" not in token.morph.get("Number"):
        # "Lors d'un entretien téléphonique, X et Y ont évoqué ...": the two named subjects talked together
        # (one subject alone may have given an interview: "a dit X lors d'un entretien")
        subject = _subject(clause_verb)
        sides = _conjuncts(subject) if subject is not None and subject.i != token.i else []
        # (not when the clause's verb is itself a meeting: "se sont rencontrés, la première fois lors d'un
        # sommet en 2018": its frame tells that meeting)
        if len(sides) >= 2 and all(_names_someone(t) for t in sides) and _verb_trigger(clause_verb) is None:
            agents += sides
            reciprocal = True
    # the verb of the clause a session noun's phrase opens ("Réunis à X pour un sommet, A et B ont ...":
    # the opening participle has no subject of its own, the clause's verb has)
    attending = clause_verb
    opening = _opening_participle_main(attending) if attending is not None else None
    if opening is not None and attending.i < token.i < opening.i:
        attending = opening
    elif attending is not None and _subject(attending) is None and "Part" in attending.morph.get("VerbForm") \
            and attending.i < token.i < attending.head.i and attending.head.pos_ in ("VERB", "AUX"):
        attending = attending.head
    if attending is not None and token.lower_ in words["session_nouns"] \
            and (_in_adjunct(token) or token.dep_ == "obl:mod" and token.head == attending) \
            and (agents or _body_adjectives(token)) \
            and possessive is None and not between and token.i < attending.i \
            and "Plur" not in token.morph.get("Number") and (_opens_clause(token) or token.head == attending):
        # "Lors du sommet du G7, X a ...", "En marge du sommet de l'Otan, X a ...", "Au sommet européen,
        # X et Y ont ...": they attended the body's summit
        subject = _subject(attending)
        if subject is not None and subject.i != token.i and subject.i > token.i:
            agents += [t for t in _conjuncts(subject) if t not in agents]
    if possessive is not None and clause_verb is not None and not agents and token.i < clause_verb.i + 30:
        subject = _subject(clause_verb)
        if subject is not None and possessive in ("sa", "son", "ses") and "Plur" in subject.morph.get("Number") \
                and clause_verb.dep_ in ("ccomp", "xcomp", "advcl") and clause_verb.head.i != clause_verb.i:
            # "il affirme que ses filles lui ont reparlé de sa rencontre avec X": one owner, the one who speaks
            subject = _subject(clause_verb.head)
        if subject is not None and subject.i != token.i:
            # "lors de sa rencontre avec Y, X a dit": X met Y; "lors de leur rencontre, X et Y ont"
            agents += _conjuncts(subject)
            reciprocal = reciprocal and len(agents) < 2
    if not agents and partners and not between and possessive is None \
            and all(_marked(t, ("avec",)) for t in partners):
        # "X a annoncé qu'un sommet avec Y aura lieu le 30 juin", "Une rencontre avec Y est prévue jeudi, a
        # indiqué X": a meeting with Y that the one announcing it will hold; its other side is the reporter
        announcer = _announcer(token)
        if announcer is not None:
            agents += [t for t in _conjuncts(announcer) if t not in partners]
    pair_words = any(t.lower_ in ("entre", "avec") for t in doc[token.i + 1:min(len(doc), token.i + 6)])
    bodies = _body_adjectives(token) if token.lower_ in words["session_nouns"] and not between else ()
    # "le sommet s'est tenu à Berlin en présence de X, Y et Z": those present are its sides (read later)
    attended = token.lower_ in words["session_nouns"] and IN_PRESENCE.search(doc[token.i:token.sent.end].text) is not None
    if not agents and not partners and not reciprocal and not (spec.visit and places) and not pair_words \
            and not bodies and not attended:
        return None
    planned = any(c.lower_ in _planned()["noun_modifiers"] for c in token.subtree if c.i > token.i - 3) \
        or (clause_verb is not None and _is_future(clause_verb)
            and (token.i > clause_verb.i - 1 or token.dep_.startswith("nsubj") and token.head == clause_verb
                 # "Lors du sommet de juillet, X défendra son plan": the clause happens during it, in its
                 # time ("après le sommet, X se rendra à Y" tells nothing of the summit's)
                 or _during(token)))
    if planned and clause_verb is not None and _after_completion(token) and _compound_past(clause_verb):
        # "X devrait ..., a indiqué Y à l'issue d'une rencontre avec Z": a meeting over when the clause's
        # past was told (the parse may hang that clause on the first one's modal)
        planned = False
    if governor is not None and governor.lower_ in _planned()["attendu"]:
        planned = True
    if token.dep_.startswith("nsubj") and token.head.lower_ in _planned()["noun_modifiers"]:
        planned = True  # "une rencontre est prévue en mai", "le sommet est programmé lundi": its predicate
    if _being_scheduled(token) or _only_possible(token):
        planned = True
    if _refused(token):
        return None  # "a démenti toute rencontre entre X et Y"
    if clause_verb is not None and _advocated(clause_verb):
        return None  # "X estime que la France doit entamer des pourparlers avec Y": an opinion, no plan
    holding = _relative_of_meeting(token)
    if holding is not None and _is_future(holding):
        planned = True  # "le sommet du G20 qu'il accueillera en juillet": its own clause tells its time
    if any(c.dep_ in ("cop", "aux:tense", "aux") and ("Fut" in c.morph.get("Tense") or "Cnd" in c.morph.get("Mood"))
           for c in token.children):
        planned = True  # "ce sera leur premier tête-à-tête": the noun heads its clause, the copula its tense
    postponed = _postponed_dates(token)
    if postponed is not None:
        planned = True  # "la rencontre prévue lundi a été reportée (à jeudi)": still to come, on its new date
    subtree = list(token.subtree)
    scope = (subtree[0].idx, subtree[-1].idx + len(subtree[-1]))
    if joined is not None and joined.i < token.i and not _in_adjunct(token):
        # "X doit participer les 11 et 12 juillet à un sommet": the date words between the joining verb
        # and its meeting noun are the meeting's
        scope = (min(scope[0], joined.idx), scope[1])
    if governor is not None and governor.pos_ == "VERB" and role == "obj" and _joins(governor):
        # "la possibilité d'organiser le sommet du G7 en juin": the time words of the verb that holds the
        # meeting, after its object, are the meeting's
        times = [c for c in governor.children if c.i > token.right_edge.i and _is_time(c)]
        if times:
            scope = (scope[0], max(scope[1], *(t.right_edge.idx + len(t.right_edge) for t in times)))
    during = None
    if clause_verb is not None and _during(token) and clause_verb.pos_ in ("VERB", "AUX") \
            and _verb_trigger(clause_verb) is not None:
        # "En marge du sommet de l'Otan, X a rencontré mercredi Y": the summit was on while they met
        clause = list(clause_verb.subtree)
        scope = (min(scope[0], clause[0].idx), max(scope[1], clause[-1].idx + len(clause[-1])))
        during = (clause_verb.idx, clause_verb.idx + len(clause_verb))
    mode = _mode(doc, token.sent.start, token.sent.end, spec.mode, token)
    return MeetingFrame((token.idx, token.idx + len(token)), spec.lemma, "noun", mode,
                        [_with_name_after(doc, _with_apposed_name(doc, _phrase(a))) for a in agents],
                        [_with_name_after(doc, _with_apposed_name(doc, _phrase(p))) for p in partners],
                        spec.visit, [_place_phrase(p) for p in places], "planned" if planned else "occurred", scope, reciprocal,
                        possessive, pair_subject=bool(pair) and reciprocal,
                        asides=_asides(token) + (_report_words(token) if planned else []) + (postponed or []),
                        bodies=bodies,
                        # (the tense of the verb that holds the meeting, "avait eu un entretien", "la
                        # rencontre eut lieu"; not of one that talks of it, "avait présenté sa visite")
                        anterior=(joined is not None or token.dep_.startswith("nsubj")) and _is_anterior(clause_verb),
                        present=not planned and (_is_simple_present(clause_verb) or _purpose_object(token)),
                        during=during)


def _announcer(token: Token) -> Token | None:
    """The subject of the verb of saying that reports a meeting noun's scheduling clause, when the noun is the
    subject of a verb that holds or schedules it ("un sommet avec Y aura lieu", "la rencontre est prévue"):
    the governing verb ("X a annoncé que ...") or an incise ("..., a indiqué X")."""
    predicate = token.head
    if token.dep_ not in SUBJECT_DEPS or predicate.i == token.i \
            or not (predicate.lower_ in _holding_forms() or predicate.lower_ in _planned()["noun_modifiers"]):
        return None
    # (an incise, which the parser may make a conjunct: "..., a annoncé X" with its subject after the verb)
    reporters = [c for c in predicate.children if c.i > predicate.i and (c.dep_ == "parataxis" or c.dep_ == "conj"
                 and c.left_edge.text == "," and any(g.dep_ in SUBJECT_DEPS and g.i > c.i for g in c.children))]
    if predicate.dep_ in ("ccomp", "advcl") and predicate.head.i < predicate.i \
            and predicate.left_edge.lower_ in ("que", "qu'", "qu’"):  # (the parser may hang "que" on the noun)
        reporters.append(predicate.head)
    for verb in reporters:
        if verb.pos_ not in ("VERB", "AUX") or reporting_cue(verb) is None:
            continue
        subject = _subject(verb) if verb.dep_ != "parataxis" or any(
            c.dep_ in SUBJECT_DEPS for c in verb.children) else _incise_subject(verb)
        if subject is not None and subject.pos_ != "PRON" and _names_someone(subject):
            return subject
    return None


def _being_scheduled(token: Token) -> bool:
    """A meeting noun that a noun of scheduling governs ("la date de la visite", "les préparatifs du sommet"),
    or that a verb whose subject or object is such a noun is for ("aucune date n'a été fixée pour une visite")."""
    nouns = _planned()["schedule_nouns"]
    head = token.head
    if token.dep_ == "nmod" and head.lower_ in nouns:
        return True
    return token.dep_.startswith("obl") and head.pos_ == "VERB" \
        and any(c.lower_ == "pour" and c.dep_ == "case" for c in token.children) \
        and any(c.dep_ in ("nsubj", "nsubj:pass", "obj") and c.lower_ in nouns for c in head.children)


def _purpose_object(token: Token) -> bool:
    """'à son arrivée pour préparer le sommet de jeudi': the object of an infinitive of purpose lies after
    the time of the verb it serves, which a past does not set back; its weekday is the nearest one, as
    that of a present."""
    verb = token.head
    return token.dep_ == "obj" and verb.i < token.i and "Inf" in verb.morph.get("VerbForm") \
        and any(c.dep_ == "mark" and c.lower_ in _planned()["purpose_markers"] for c in verb.children)


_COMPLEMENT_CASES = frozenset({"de", "d'", "d’", "du", "des", "à", "au", "aux", "pour"})


def _only_possible(token: Token) -> bool:
    """A meeting noun under a chain of nouns that a noun of possibility or intention heads ("évoqué la
    possibilité d'une participation de X à un sommet"), or that the door a verb leaves open is for ("a laissé
    la porte ouverte à une participation de X au sommet"): a meeting that may come, not one held."""
    words = _planned()
    heads = set(words["possibility_nouns"]) | set(words["intention_nouns"])
    at = token
    for _ in range(5):
        head = at.head
        if head.i == at.i or not at.dep_.startswith(("nmod", "obl", "obj")) or any(
                c.dep_ == "case" and c.lower_ not in _COMPLEMENT_CASES for c in at.children):
            return False  # (only complements: "la proposition de X lors du sommet" was made at it)
        if head.lower_ in heads or head.lower_ in words["opening_nouns"]:
            return True
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            return any(c.lower_ in words["opening_nouns"] and c.i < at.i for c in head.children)
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        at = head
    return False


def _means_of_a_named_meeting(token: Token) -> bool:
    """'le sommet du G7 prévu en juin par vidéoconférence': a meeting noun above the mode noun, with a name
    of its own before it (not 'une réunion par visioconférence de la Ligue arabe', whose body is the mode
    noun's complement in the parse)."""
    _, nouns = trigger_lexicon()
    head = token.head
    for _ in range(5):
        if head.i == head.head.i:
            return False
        if head.lower_ in nouns and any(c.dep_ in ("nmod", "appos") and c.pos_ == "PROPN" and c.i < token.i
                                        for c in head.children):
            return True
        head = head.head
    return False


@functools.cache
def _postponing_forms() -> frozenset[str]:
    return frozenset(f.lower() for lemma, forms in _words()["postponing_verbs"].items() for f in verb_forms(lemma, forms))


def _postponed_dates(token: Token) -> list[tuple[int, int]] | None:
    """A meeting noun that a verb of postponing governs ('la rencontre prévue lundi a été reportée', 'a
    repoussé sa visite à jeudi'): the character spans of its sentence whose dates are no longer its own (all
    but the new date the verb gives with 'à' / 'au'); None when nothing postpones it."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubj:pass", "obj") or verb.lower_ not in _postponing_forms():
        return None
    sent = token.sent
    new = next((c for c in verb.children if c.i > verb.i and c.dep_.startswith(("obl", "nmod"))
                and any(a.lower_ in ("à", "au") for a in c.children if a.dep_ == "case")), None)
    if new is None:
        return [(sent[0].idx, sent[-1].idx + len(sent[-1]))]
    left, right = new.left_edge, new.right_edge
    return [(sent[0].idx, left.idx), (right.idx + len(right), sent[-1].idx + len(sent[-1]))]


# "en présence de X", "aux côtés de X et Y": others who sat at the session (read here and in meetings.py)
IN_PRESENCE = re.compile(r"\b(?:en\s+(?:la\s+)?présence|aux?\s+côtés?)(?:\s+notamment)?\s+"
                         r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])", re.IGNORECASE)


def _body_adjectives(token: Token) -> tuple[str, ...]:
    """'le sommet européen', 'une réunion des ministres européens de l'Agriculture', 'le sommet des chefs
    d'Etat africains': the body a relational adjective names, on the session noun or on the plural
    party noun of its 'de' complement."""
    table = _words()["body_adjectives"]
    holders = [token] + [c for c in token.children if c.i > token.i and c.pos_ == "NOUN"
                         and "Plur" in c.morph.get("Number") and _names_someone(c)
                         and any(g.dep_ == "case" and g.lower_ in ("de", "des", "d'") for g in c.children)]
    holders += [g for h in holders[1:] for g in h.children if g.dep_ == "nmod" and g.pos_ == "NOUN"
                and g.lower_ in ("etat", "état", "etats", "états", "gouvernement", "gouvernements")]
    keys = [table[a.lower_] for h in holders for a in h.children
            if a.dep_ == "amod" and a.i > h.i and a.lower_ in table]
    return tuple(dict.fromkeys(keys))


def body_of_leaders(phrase: str) -> str | None:
    """'les dirigeants européens', 'des ministres africains': a plural phrase of a party noun (leaders,
    ministers, heads) whose relational adjective names a body; the body's dictionary key."""
    words = phrase.lower().replace("’", "'").split()
    table = _words()["body_adjectives"]
    if len(words) < 3 or words[0] not in ("les", "des") or words[-1] not in table or words[1] not in _party_nouns():
        return None
    return table[words[-1]]


def _possessor_in_phrase(token: Token) -> Token | None:
    """The name a possessive refers to inside the noun phrase that holds the trigger: 'le manque de
    préparation de Donald Trump pour son sommet': Donald Trump."""
    head = token.head
    while head.i != token.i and head.pos_ == "NOUN":
        names = [c for c in head.children if c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i < token.i
                 and any(g.dep_ == "case" and g.lower_ in ("de", "d'") for g in c.children)]
        if names:
            return names[-1]
        if head.head.i == head.i:
            break
        head = head.head
    return None


@functools.cache
def _request_forms() -> frozenset[str]:
    return frozenset(f for lemma in _words()["request_verbs"] for f in verb_forms(lemma))


def _called_off(token: Token) -> bool:
    """'annule sa rencontre avec X', 'l'annulation du sommet': the meeting will not take place;
    'a exigé une réunion', 'appelle à un sommet': it is asked for, not agreed."""
    cancel = _words()["cancel_words"]
    if token.head.i == token.i:
        return False
    cases = {c.lower_ for c in token.children if c.dep_ == "case"}
    if token.head.lower_ in _request_forms() and token.head.pos_ in ("VERB", "AUX", "NOUN") \
            and token.dep_ in ("obj", "obl:arg", "obl:mod", "nsubj:pass") \
            and cases <= {"à", "au", "aux", "pour", "de", "d'", "d’", "du", "des"}:
        return True  # (not "En visite à Z, X a plaidé pour Y": the visit is where X asked, not what)
    for before in reversed(token.doc[max(token.sent.start, token.i - 4):token.i]):
        if before.lower_ in _request_forms():
            return True  # "et exigé une réunion": the verb right before, whatever the parse hung it on
        if before.lower_ in _words()["request_nouns"] and token.doc[before.i + 1].lower_ in ("à", "au", "de", "d'", "d’"):
            return True  # "un appel à un sommet", "la demande d'une réunion"
        if before.pos_ not in ("DET", "ADJ", "NUM", "ADV") and before.lower_ not in ("à", "au", "pour", "de", "d'", "d’"):
            break
    if token.head.lower_ not in cancel:
        return False
    # its object ("annule sa rencontre", "renonce à sa visite"), not an adjunct ("Après un sommet, ils ont renoncé")
    return token.dep_ in ("obj", "obl:arg", "nmod", "nsubj:pass") and cases <= {"à", "au", "de", "du", "d'"}


def _other_sense(token: Token) -> bool:
    """'au sommet du classement', 'accéder au sommet': the noun names no meeting here."""
    other = _words()["other_senses"]
    senses = other.get(token.lower_) or (other.get(token.lower_[:-1]) if token.lower_.endswith("s") else None)
    if not senses:
        return False
    complements = [c for c in token.children if c.i > token.i and c.pos_ in ("NOUN", "PROPN")
                   and any(g.dep_ == "case" and g.lower_ in ("de", "d'", "du", "des") for g in c.children)]
    if any(c.pos_ == "NOUN" and c.lower_ in senses["complements"] for c in complements):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ == "au" and complements and all(
            c.pos_ == "NOUN" and c.lower_ not in senses["member_complements"] for c in complements):
        return True
    return not any(c.pos_ == "PROPN" for c in complements) and token.head.lower_ in senses["governors"]


def _is_place(token: Token) -> bool:
    """A place name: a country, a capital or a place of the dictionary, else a name the NER calls a place."""
    alias = gazetteer().lookup(token.text)
    if alias is not None:
        return alias.actor_type == "country" or alias.is_metonym
    return token.ent_type_ in ("LOC", "")


def _without_determiner(token: Token) -> bool:
    return not any(c.dep_ == "det" for c in token.children)


def _opens_clause(token: Token) -> bool:
    """The phrase that holds a trigger noun stands first in its clause: at the sentence start or after
    a comma ('Lors du sommet, X a ...'), not inside an object ('s'en prend à X pour son attitude lors
    des sommets')."""
    doc = token.doc
    for j in range(token.i - 1, max(token.sent.start, token.i - 6) - 1, -1):
        if doc[j].text == ",":
            return True
        if doc[j].pos_ in ("VERB", "AUX"):
            # ("Réunis à Bruxelles pour un sommet, X et Y ont ...": a participle opening the sentence)
            return j == token.sent.start and "Part" in doc[j].morph.get("VerbForm")
    return token.i - token.sent.start <= 6


def _in_adjunct(token: Token) -> bool:
    """A meeting noun inside a phrase set beside a clause: 'lors de la rencontre', 'en visite', 'après un sommet'."""
    if token.dep_ == "nmod" and token.head.i < token.i and token.head.lower_ in _words()["complex_preposition_heads"]:
        return True  # "à l'issue d'un entretien": the complex preposition's head holds the noun
    return _after_preposition(token, _words()["adjunct_prepositions"])


def _after_preposition(token: Token, words: list[str]) -> bool:
    """One of `words` in the four words before the token, in its sentence."""
    left = token.doc[max(token.sent.start, token.i - 4):token.i]
    # (the words as written: "à l'issue" is one phrase, not "à l' issue")
    text = " " + left.text.lower().replace("’", "'") + " "
    return any(f" {w} " in text or text.strip().startswith(w) for w in words)


def _during(token: Token) -> bool:
    """A meeting noun in a phrase that sets the clause inside its time ('en marge du sommet', 'lors de la
    réunion'), not before or after it ('après un sommet')."""
    return _after_preposition(token, _words()["simultaneous_prepositions"])


@functools.cache
def _joining_forms() -> frozenset[str]:
    forms: set[str] = set()
    for lemma in _words()["joining_verbs"]:
        base = lemma.split()[0]
        forms |= {f.lower() for f in verb_forms(base, [])}
    return frozenset(forms) | {"a", "ont", "avait", "avaient", "aura", "eu", "eue", "eus", "tient", "tenu", "tiendra",
                               "pris", "prend", "prendra", "conclu", "ouvert", "mené", "mène", "mènent", "mènera", "mèneront",
                               "repris", "reprend", "reprendra", "reprennent", "achève", "achèvent",
                               # "X s'est rendu au sommet de Y": X went to take part
                               "rend", "rendent", "rendu", "rendue", "rendus", "rendra", "rendront", "rendait"}


def _receives(verb: Token) -> bool:
    """A form of the meeting verb "recevoir" ("a reçu un appel de Y"), as the trigger lexicon knows them."""
    spec = trigger_lexicon()[0].get(verb.lower_)
    return spec is not None and spec.lemma == "recevoir"


def _joins(verb: Token) -> bool:
    """'a participé à', 'a eu', 'a tenu', 'prendra part à': a verb whose subject takes part in its object."""
    return verb.lower_ in _joining_forms()


# demonstrative pronouns that stand for a noun of their sentence ("depuis celle de X"), with their gender
DEMONSTRATIVES = {"celle": "Fem", "celui": "Masc", "celles": "Fem", "ceux": "Masc"}


def _with_apposed_name(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """A role phrase with no name, and the name set after it between commas that the parser hung
    elsewhere: 'a reçu son homologue chinois, le vice-ministre X' (X is the one received)."""
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    inside = list(phrase) if phrase is not None else []
    if not inside or any(t.pos_ == "PROPN" or t.ent_type_ == "PER" for t in inside) \
            or not any(t.pos_ == "NOUN" and _names_someone(t) for t in inside):
        return span
    j = inside[-1].i + 1
    if j >= len(doc) or doc[j].text != ",":
        return span
    k = j + 1
    # ("le vice-ministre des Affaires étrangères X": a title of a few words before the name)
    while k < min(len(doc), j + 8) and doc[k].pos_ in ("DET", "ADJ", "NOUN", "ADP") and doc[k].ent_type_ != "PER" \
            and doc[k].text != ",":
        k += 1
    if k >= len(doc) or doc[k].ent_type_ != "PER":
        return span
    while k + 1 < len(doc) and doc[k + 1].ent_type_ == "PER" and doc[k + 1].ent_iob_ == "I":
        k += 1
    if phrase is not None and "Plur" in phrase.root.morph.get("Number"):
        # "les dirigeants français, allemand et italien, X, Y et Z": a plural title and the list of its names
        while k + 2 < len(doc) and doc[k + 1].lower_ in (",", "et") and doc[k + 2].ent_type_ == "PER" \
                and doc[k + 2].ent_iob_ == "B":
            k += 2
            while k + 1 < len(doc) and doc[k + 1].ent_type_ == "PER" and doc[k + 1].ent_iob_ == "I":
                k += 1
    return span[0], doc[k].idx + len(doc[k])


def _with_name_after(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """A role phrase and the name in apposition right after it, when the parser hung the name elsewhere:
    'celui de son prédécesseur X', 'X et son homologue espagnol Y ont discuté' (the parser makes Y a
    second subject of the verb)."""
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    nxt = doc[phrase.end] if phrase is not None and phrase.end < len(doc) else None
    if nxt is None or nxt.pos_ != "PROPN" or nxt.idx - span[1] > 1:
        return span
    if nxt.dep_ != "appos" and not (nxt.ent_type_ == "PER" and nxt.ent_iob_ == "B" and nxt.head.i != phrase.root.i
                                    and not any(t.pos_ == "PROPN" or t.ent_type_ for t in phrase)
                                    and any(t.pos_ == "NOUN" and _names_someone(t) for t in phrase)):
        return span
    last = max(t.i for t in nxt.subtree)
    return span[0], doc[last].idx + len(doc[last])


def _antecedent_trigger(pronoun: Token, nouns: dict[str, TriggerSpec]) -> TriggerSpec | None:
    """The meeting noun a demonstrative pronoun stands for: one word of the lexicon earlier in its
    sentence, of the pronoun's gender and number ('la visite de X ... depuis celle de Y')."""
    plural = pronoun.lower_.endswith(("s", "x"))
    for t in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        spec = nouns.get(t.lower_) if t.pos_ == "NOUN" else None
        if spec is not None:
            gender = t.morph.get("Gender")
            same = (not gender or DEMONSTRATIVES[pronoun.lower_] in gender) and plural == t.lower_.endswith(("s", "x"))
            return spec if same else None
    return None


@functools.cache
def _attending_forms() -> frozenset[str]:
    return frozenset(f.lower() for lemma in _words()["attending_verbs"] for f in verb_forms(lemma.split()[0], []))


@functools.cache
def _gathering_nouns() -> frozenset[str]:
    return frozenset(_words()["session_nouns"]) | frozenset(_words()["summit_nouns"])


def _clitic_antecedent(verb: Token) -> Token | None:
    """The meeting noun 'y' stands for: a summit or session noun earlier in the verb's sentence, or in
    the sentence before it ('Le sommet s'est ouvert lundi. Les présidents X et Y y participent')."""
    if not any(c.lower_ == "y" and c.i < verb.i for c in verb.children):
        return None
    doc = verb.doc
    nouns = _gathering_nouns()
    sent = verb.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    found = [t for t in doc[start:verb.i] if t.pos_ in ("NOUN", "PROPN") and t.lower_ in nouns
             and not _other_sense(t)]
    return found[-1] if found else None


def _summit_of_clitic(verb: Token, frames: list[MeetingFrame]) -> tuple[Token | None, MeetingFrame | None]:
    """The meeting noun the verb's 'y' stands for, and its frame among those found so far."""
    noun = _clitic_antecedent(verb)
    return noun, next((f for f in frames if noun is not None and f.trigger[0] == noun.idx), None)


def _drop_body_session(frames: list[MeetingFrame], held: MeetingFrame | None) -> None:
    """A summit frame that is only the body whose summit it is goes once its attendees are named
    (CONVENTIONS: summits list their named participants)."""
    if held is not None and not held.partners and len(held.agents) <= 1:
        frames.remove(held)


def _attendance_frame(verb: Token, noun: Token, held: MeetingFrame | None) -> MeetingFrame | None:
    """'X et Y y participent' / 'X y a assisté' after a summit: its subjects attend the meeting the clitic
    stands for, with its place and (through the scope) its date."""
    subject = _subject(verb)
    if subject is None or subject.pos_ == "PRON":
        return None
    agents = [a for a in _conjuncts(subject) if a.pos_ in ("NOUN", "PROPN")]
    if not agents:
        return None
    doc = verb.doc
    end = verb.sent[-1]
    scope_start = noun.sent[0].idx
    status = "planned" if _is_future(verb) else "occurred"
    return MeetingFrame((verb.idx, verb.idx + len(verb)), noun.lower_, "noun",
                        held.mode if held is not None else _mode(doc, noun.sent.start, noun.sent.end, "in_person", noun),
                        [_with_name_after(doc, _phrase(a)) for a in agents], [], False,
                        list(held.places) if held is not None else [], status, (scope_start, end.idx + len(end)),
                        reciprocal=True, asides=_asides(verb), present=status == "occurred" and _is_simple_present(verb))


@functools.cache
def _attendee_list() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _words()["attendee_lists"]), re.IGNORECASE)


def _listed_attendees(doc: Doc, frames: list[MeetingFrame]) -> None:
    """'Le sommet de l'Otan s'est ouvert lundi à Vilnius. Parmi les participants figuraient X et Y': the
    names a sentence lists as present attend the meeting the sentence before named (its date and place),
    whether or not that meeting had a frame of its own (a session with no one named has none)."""
    text = doc_text(doc)
    if _attendee_list().search(text) is None:
        return  # (one search of the text: most articles list no one, and a search per sentence costs)
    nouns = _gathering_nouns()
    for sent in doc.sents:
        found = _attendee_list().search(text, sent.start_char, sent.end_char)
        if found is None or any(sent.start_char <= f.trigger[0] < sent.end_char for f in frames):
            continue
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        if "\n" in text[doc[start].idx:sent.start_char]:
            start = sent.start  # (the sentence before in another paragraph tells another story)
        held_at = {f.trigger[0]: f for f in frames}
        named = [t for t in doc[start:sent.start] if t.lower_ in nouns and t.pos_ in ("NOUN", "PROPN")
                 and not _other_sense(t) or t.idx in held_at and held_at[t.idx].lemma in _words()["session_verbs"]]
        if not named:
            continue
        noun = named[-1]
        held = held_at.get(noun.idx)
        # the names after the listing words, or before them ("X et Y étaient présents")
        listed = (found.end(), sent.end_char) if found.start() - sent.start_char < 4 or not any(
            t.pos_ == "PROPN" for t in sent if t.idx < found.start()) else (sent.start_char, found.start())
        if not any(t.pos_ == "PROPN" and listed[0] <= t.idx < listed[1] for t in sent):
            continue
        # (the tense is that of the sentence that tells the meeting, not of the list)
        status = held.status if held is not None else "planned" if _is_future(noun.sent.root) else "occurred"
        frames.append(MeetingFrame((found.start(), found.end()), held.lemma if held is not None else noun.lower_,
                                   "noun", held.mode if held is not None else "in_person", [listed], [], False,
                                   list(held.places) if held is not None else [], status,
                                   (noun.sent.start_char, sent.end_char), reciprocal=True))
        _drop_body_session(frames, held)


def _definite_back_references(doc: Doc, frames: list[MeetingFrame]) -> None:
    """'Une réunion s'est tenue mardi à Londres. X et Y ont pris part à la réunion': a definite (or
    demonstrative) meeting noun names the meeting of that noun the sentence before told, in the same
    paragraph; its dates are that sentence's too (its own words, nearer, still win)."""
    noun_frames = [f for f in frames if f.kind == "noun"]
    if not noun_frames:
        return
    text = doc_text(doc)
    nouns = _gathering_nouns()
    starts = doc.to_array(IDX).tolist()  # the trigger's token, found by its offset (a Token per token costs)
    for frame in noun_frames:
        i = bisect.bisect_left(starts, frame.trigger[0])
        token = doc[i] if i < len(starts) and starts[i] == frame.trigger[0] else None
        if token is None or token.lower_ not in nouns or token.sent.start == 0 or not any(
                c.dep_ == "det" and c.lower_ in ("le", "la", "l'", "l’", "ce", "cet", "cette") for c in token.children):
            continue
        before = doc[token.sent.start - 1].sent
        if "\n" in text[before.start_char:token.sent.start_char] or frame.scope[0] <= before.start_char:
            continue
        if any(t.lower_ == token.lower_ and not _other_sense(t) for t in before):
            frame.scope = (before.start_char, frame.scope[1])


def find_meeting_frames(doc: Doc) -> list[MeetingFrame]:
    """Every meeting frame of a parsed doc, in text order."""
    _, nouns = trigger_lexicon()
    frames: list[MeetingFrame] = []
    # verbs that may tell a contact without a meeting word: a verb of saying, or the governor (or its
    # governor) of "téléphone" / "visioconférence"; the others are not looked at
    mode_nouns = _words()["contact_mode_nouns"]
    keys = doc.to_array(LOWER).tolist()
    mode_ids = frozenset(get_string_id(w) for w in mode_nouns)
    mode_governors = {j for i, key in enumerate(keys) if key in mode_ids
                      for j in (doc[i].head.i, doc[i].head.head.i)}
    addressing = _addressing_forms()
    # only the tokens the loop may act on (a lexicon word, or a governor of a call noun): a Token, and the
    # tests on it, cost more than the look-up of the word's key
    words = _loop_word_ids()
    for i in [i for i, key in enumerate(keys) if key in words or i in mode_governors]:
        token = doc[i]
        found = _verb_trigger(token)
        if found is not None and token.dep_ == "acl:relcl" and any(
                _holds(token, h) and h.lower_ in _noun_prefixes() for h in (token.head, token.head.head)):
            continue  # "le sommet qu'il accueillera lundi": the noun's frame tells this meeting
        if found is not None:
            spec, last = found
            frame = _verb_frame(token, spec, last)
            if frame is not None:
                noun, held = _summit_of_clitic(token, frames)
                if noun is not None:  # "Le sommet s'ouvrira le 3 à X. Y y accueillera Z": the summit's date
                    frame.scope = (min(frame.scope[0], noun.sent[0].idx), frame.scope[1])
                if held is not None:  # ... and place
                    frame.places = frame.places or list(held.places)
                _drop_body_session(frames, held)
                frames.append(frame)
            continue
        pos, low = token.pos_, token.lower_
        noun, held = _summit_of_clitic(token, frames) if pos in ("VERB", "AUX") and low in _attending_forms() \
            else (None, None)
        if noun is not None:
            frame = _attendance_frame(token, noun, held)
            if frame is not None:
                _drop_body_session(frames, held)
                frames.append(frame)
            continue
        if pos == "PRON" and low in DEMONSTRATIVES:
            spec = _antecedent_trigger(token, nouns)
            frame = _noun_frame(token, spec) if spec is not None else None
            if frame is not None:
                # "celui de son prédécesseur X": the parser hangs the name X off the phrase
                frame.agents = [_with_name_after(doc, span) for span in frame.agents]
            if frame is not None and frame.agents + frame.partners:
                # "sa visite est la première depuis celle de X en 2015": X's visit, and the dates after
                # the pronoun are its own (the parser hangs them anywhere)
                end = token.sent[-1]
                frame.scope = (frame.scope[0], end.idx + len(end))
                frames.append(frame)
            continue
        if pos == "VERB" and (low in addressing or token.i in mode_governors):
            frame = _contact_frame(token)
            if frame is not None:
                frames.append(frame)
            continue
        # a noun that starts no trigger phrase needs no look-up of the (up to 4) spans' texts
        if pos in ("NOUN", "PROPN") and low in _noun_prefixes():
            spec = None
            for n in (4, 3, 2, 1):  # "conférence de presse commune", "appel téléphonique", "sommet"
                if token.i + n <= len(doc):
                    spec = nouns.get(doc[token.i:token.i + n].text.lower())
                    if spec is not None:
                        break
            if spec is not None:
                frame = _noun_frame(token, spec, n)
                if frame is not None:
                    frames.append(frame)
    _definite_back_references(doc, frames)
    _listed_attendees(doc, frames)
    return sorted(frames, key=lambda f: f.trigger[0])


@functools.cache
def _loop_word_ids() -> frozenset[int]:
    """Keys (LOWER) of every word find_meeting_frames' token loop does something with: a verb trigger's
    form (and the words before each space in a two-word one: _verb_trigger tries the token and the next),
    'attendu', the attending and addressing verbs, the demonstratives and the first words of trigger nouns."""
    verbs, _ = trigger_lexicon()
    words = set(verbs) | {form[:k] for form in verbs for k, char in enumerate(form) if char == " "}
    words |= set(_planned()["attendu"]) | _attending_forms() | _addressing_forms() | set(DEMONSTRATIVES)
    words |= _noun_prefixes()
    return frozenset(get_string_id(w) for w in words)


@Language.factory("meeting_frames", requires=["token.dep", "token.head", "token.pos", "token.morph", "token.ent_type"],
                  assigns=["doc.spans", "doc._.meeting_frames"])
def meeting_frames(nlp: Language, name: str):
    """Meeting frames over the parse: doc.spans 'meeting' (the triggers, label = the mode) and the
    frames themselves in doc._.meeting_frames (plain tuples)."""

    def component(doc: Doc) -> Doc:
        frames = find_meeting_frames(doc)
        doc._.meeting_frames = [f.as_row() for f in frames]
        spans = []
        for f in frames:
            span = doc.char_span(f.trigger[0], f.trigger[1], label=f.mode, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["meeting"] = spans
        return doc

    return component


def meeting_frames_of(doc: Doc) -> list[MeetingFrame]:
    return [MeetingFrame.from_row(row) for row in doc._.meeting_frames]


__all__ = ["MeetingFrame", "find_meeting_frames", "meeting_frames_of", "pair_phrase", "Span"]
