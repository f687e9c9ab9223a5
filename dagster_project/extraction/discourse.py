"""Speakers reached indirectly: a pronoun ('a-t-il ajouté', 'selon elle'), an anaphor ('ce dernier') or a
definite description ('le jeune homme', 'l'acteur', 'son épouse') takes the actor it refers to.

The antecedent is chosen among the referents before it, by salience: who spoke last, who was the
subject of a clause, how many sentences back, with gender and number as hard constraints. Unnamed
sources ('un de ses proches', 'un diplomate') are referents too, so the pronoun that follows them
stays unnamed instead of jumping to the last name in the text.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .frames import cue_lexicon
from .gazetteer import gazetteer
from .mentions import COUNTRY, MEDIA, ORG, PERSON, Entity, Mention
from .rules import alternation, load_rules

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
# "La chancelière, elle, est restée prudente": a name the stressed singular pronoun after it takes up is the
# topic and subject of its clause, however the parser attaches it
_DISLOCATED_TOPIC = re.compile(r"\s*,\s*(?:elle|lui)\s*,", re.IGNORECASE)


# a name right after "de", "du", "des": the complement of the noun before it
_COMPLEMENT_START = re.compile(r"(?:du|des|de|d['’])\b", re.IGNORECASE)
_COMPLEMENT_END = re.compile(r"\b(?:du|des|de|de la|de l['’]|d['’])\s*$", re.IGNORECASE)


@dataclass
class Referent:
    pos: int
    end: int
    entity: int | None  # None: an unnamed source
    text: str
    gender: str | None
    plural: bool
    person: bool
    subject: bool
    speaker: bool = False
    actor_type: str | None = None


@functools.cache
def _weights() -> dict:
    return load_rules()["discourse"]


class Discourse:
    """The referents of one article, in reading order, and the antecedent search over them."""

    def __init__(self, doc: Doc | None, text: str, mentions: list[Mention], entities: list[Entity],
                 sentences: list[tuple[int, int]], excluded: list[tuple[int, int]]):
        self.text = text
        self.entities = entities
        self.sentence_starts = [s for s, _ in sentences]
        self.sentence_ends = [e for _, e in sentences]
        self.excluded = excluded  # quoted words: who is named inside a quote is not the speaker of it
        self.doc = doc
        self.quoted = excluded
        self.reported: list[tuple[int, int]] = []  # every statement's words, once the statements are known
        self.pronouns = [m for m in mentions if m.kind == "pronoun" and not m.plural and not _inside(m.start, excluded)]
        self.referents: list[Referent] = []
        definite_roles: list[tuple[Referent, Mention]] = []
        bound_offices: list[tuple[Referent, Mention]] = []
        for m in mentions:
            # an unnamed holder of a role ("la cheffe de file de l'opposition") is someone a later
            # "elle" may stand for, even if nobody can name her
            unnamed_role = m.kind == "role" and m.entity is None and not m.plural and m.actor_type == PERSON
            if m.kind in ("pronoun",) or m.entity is None and not m.entities and not unnamed_role:
                continue
            if _inside(m.start, excluded):
                continue
            self.referents.append(self._referent(m))
            nameless = m.entity is None or entities[m.entity].name is None
            if m.kind == "role" and nameless and not m.plural and m.definite and not m.bound and not m.former:
                definite_roles.append((self.referents[-1], m))
            elif m.kind == "role" and nameless and not m.plural and m.definite and m.bound:
                bound_offices.append((self.referents[-1], m))
        self.referents.sort(key=lambda r: r.pos)
        # "Marine Durand ... La présidente du parti a publié une lettre, dans laquelle elle affirme": the office
        # of a body the text names, held by no one the dictionary knows, is the person the office holder
        # reading gives it as a speaker, for the pronouns after it too
        for referent, m in bound_offices:
            r = self.office_holder(m)
            if r is not None and r.entity is not None and r.person and self.entities[r.entity].name:
                referent.entity = r.entity
        # "Marie Durand ... La ministre de l'Environnement veut ... a-t-elle dit": a definite title
        # nobody holds in the dictionary points back to the person named before, so that the
        # pronouns after it reach her too
        for referent, m in definite_roles:
            r = self.antecedent(m, m.start, skip=excluded, countries=m.countries)
            if r is not None and r.entity is not None and r.person and self.entities[r.entity].name:
                referent.entity = r.entity

    def _referent(self, m: Mention, speaker: bool = False, entity: int | None = None) -> Referent:
        idx = m.entity if entity is None else entity
        e = self.entities[idx] if idx is not None else None
        person = e is not None and e.actor_type == PERSON or e is None and m.actor_type in (None, PERSON)
        gender = (e.gender if e is not None and e.actor_type == PERSON else None) or m.gender \
            or (self._grammatical_gender(m) if not person else None)
        plural = m.plural or bool(m.entities)
        return Referent(m.start, m.end, idx, m.text, gender, plural, person, self._is_subject(m, speaker), speaker,
                        e.actor_type if e is not None else m.actor_type)

    def _token_at(self, pos: int):
        if self.doc is None:
            return None
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _is_subject(self, m: Mention, speaker: bool = False) -> bool:
        if self.doc is None:
            return False
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        verb = next((t.head for t in span if t.dep_ in _SUBJECT_DEPS and not (span.start <= t.head.i < span.end)), None)
        # ("le calendrier de l'ancien conseiller reste secret": a title its preposition hangs on the subject
        # is no apposition to it, nor the subject; a name may be the agent the subject's noun speaks of,
        # "la proposition de X lors du sommet")
        if verb is None and (root.dep_ in _SUBJECT_DEPS or root.dep_ in ("appos", "flat:name", "nmod")
                             and root.head.dep_ in _SUBJECT_DEPS and root.head.i < root.i
                             and not (m.kind == "role" and any(c.dep_ == "case" for c in root.children))):
            # "le procureur Jean Martin enquêtait": the name is an apposition to the subject
            verb = root.head if root.dep_ in _SUBJECT_DEPS else root.head.head
        if verb is not None:
            # ("Bachar al-Assad a dit": the parser may split a name and make its last word the subject)
            # "l'affaire, dans laquelle Paul Girard est mis en examen, ...": the subject of a relative clause
            # only qualifies a noun of its sentence, no topic the pronouns after it go on with (unless it spoke)
            return speaker or not _in_relative_clause(verb, span)
        # (a named speaker only: an unresolved title after its verb, "a expliqué la garde des Sceaux", may
        # stand for the person named before it, who keeps the pronouns after it)
        named = m.entity is not None and self.entities[m.entity].name is not None
        if named and _inverted_speaker(root) or _DISLOCATED_TOPIC.match(self.text, m.end):
            return True
        # "Une mission de médiation de la Cédéao a exprimé ...": the body a subject's complement of a
        # complement names, when that subject is what the body speaks through
        return _speaks_through(root)

    def _preposed_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand") if self.doc is not None else None
        return span is not None and len(span) > 0 and span.root.dep_ in _SUBJECT_DEPS and span.root.i < span.root.head.i

    def _grammatical_gender(self, m: Mention) -> str | None:
        """'la France' f, 'le Kremlin' m, else the tagger's gender of the head word."""
        before = self.text[max(0, m.start - 6):m.start].lower().split()
        if before and before[-1] in ("la", "cette", "une"):
            return "f"
        if before and before[-1] in ("le", "ce", "un", "du", "au"):
            return "m"
        token = self._token_at(m.start)
        if token is not None:
            # ("l'Union africaine" as a subject or the body behind one: the elided article hides it, the
            # adjective agreeing with the name shows it; not for any complement, which a pronoun rarely takes up)
            spoke = token.dep_ in _SUBJECT_DEPS or _speaks_through(token)
            for word in [token, *(c for c in token.children if spoke and c.dep_ == "amod" and c.i > token.i)]:
                gender = word.morph.get("Gender")
                if gender:
                    return "f" if gender[0] == "Fem" else "m"
        return None

    def _plural_determiner(self, r: Referent) -> bool:
        before = self.text[max(0, r.pos - 6):r.pos].lower().split()
        return bool(before) and before[-1] in ("les", "des", "aux", "ces")

    def _noun_complement(self, r: Referent) -> bool:
        """'X, conseiller de Y, a rencontré Z': Y only qualifies a noun, no member of the pair."""
        if self.doc is None:
            return False
        span = self.doc.char_span(r.pos, r.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ == "nmod" \
            and span.root.head.pos_ in ("NOUN", "PROPN") and span.root.head.i < span.start \
            and any(t.dep_ == "case" for t in span.root.children)

    def _place(self, r: Referent) -> bool:
        """'à Paris', 'au Mali', 'en Iran': a name where something happens, not an actor."""
        before = self.text[max(0, r.pos - 8):r.pos].lower().replace("’", "'").split()
        return bool(before) and before[-1] in _weights()["place_prepositions"]

    def _head_agreement(self, m: Mention) -> tuple[str | None, bool]:
        """Gender and number of the noun that heads a phrase, as the tagger reads them."""
        if self.doc is None:
            return None, False
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span) or span.root.pos_ != "NOUN":
            return None, False
        gender, number = span.root.morph.get("Gender"), span.root.morph.get("Number")
        return ({"Fem": "f", "Masc": "m"}.get(gender[0]) if gender else None), number == ["Plur"]

    def issuer(self, document: str, before: int) -> Referent | None:
        """Who issued the document a definite phrase points back to ('selon le communiqué'): in the
        latest sentence before that names such a document ('X a publié un communiqué', 'dans un
        communiqué, X a dit'), the speaker it gave, else the first body named there."""
        here = self.sentence_index(before)
        pattern = re.compile(rf"\b{re.escape(document)}s?\b", re.IGNORECASE)
        for k in range(here, max(-1, here - _weights()["document_sentences_back"] - 1), -1):
            start, end = self.sentence_starts[k], min(before, self.sentence_ends[k])
            if start >= before or not pattern.search(self.text, start, end):
                continue
            speakers = [r for r in self.referents if r.speaker and start <= r.pos < end]
            if speakers:
                return speakers[0]
            # (a body: a person named beside a communiqué is as often its topic as its author)
            named = [r for r in self.referents if start <= r.pos < end and r.entity is not None
                     and self.entities[r.entity].name and self.entities[r.entity].actor_type != PERSON
                     and not _inside(r.pos, self.quoted)]
            return min(named, key=lambda r: r.pos) if named else None
        return None

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def add_speaker(self, m: Mention, entity: int | None, description: str | None = None,
                    source: bool = False) -> None:
        """A speaker, once known, is the most salient referent for the pronouns after it; the source of
        'Pour X, ...' or 'Selon X, ...' opening a sentence is its topic as a subject would be."""
        r = self._referent(m, speaker=True, entity=entity)
        if source:
            r.subject = True
        if entity is None:
            r.text = description or m.text
            r.person = True
            if m.kind != "pronoun":
                # an unnamed source agrees as its head noun does: "l'information" is no "il", "dix-neuf
                # pays" no "elle"
                gender, plural = self._head_agreement(m)
                # (a noun of both genders takes its determiner's: "une haute responsable" is no "il")
                determiner = m.text.lower().split(" ", 1)[0]
                r.gender = r.gender or _determiner_genders().get(determiner) or gender
                r.plural = r.plural or plural
        r.speaker = True
        bisect.insort(self.referents, r, key=lambda x: x.pos)

    def resolve(self, m: Mention, skip: list[tuple[int, int]] = ()) -> int | None:
        """The entity a pronoun that is not a speaker stands for ('il a reçu X'), once, remembered; none
        named inside `skip`."""
        if m.entity is None and m.kind in ("pronoun", "anaphor", "role") and not m.plural:
            skip = list(self.quoted) + list(skip)
            r = self.governing_subject(m, skip) if m.kind == "pronoun" else None
            r = r or self.antecedent(m, m.start, skip=skip, countries=m.countries if m.kind == "role" else ())
            m.entity = r.entity if r is not None else None
        return m.entity

    def governing_subject(self, m: Mention, skip: list[tuple[int, int]] = ()) -> Referent | None:
        """'X s'est rendu à Vienne où il s'est entretenu avec Y', 'X a précisé qu'il avait rencontré Y':
        the subject pronoun of a clause hung on another clause of its sentence (relative, completive,
        adverbial, coordinated) is that clause's subject when a named person of its gender is it; none
        when that subject is anyone else ('X a reçu Y, qui a dit qu'il ...')."""
        token = self._token_at(m.start if not m.text.startswith("-") else m.end - 1)
        if token is None or token.dep_ not in ("nsubj", "nsubj:pass") or token.lower_.lstrip("-t") not in ("il", "elle"):
            return None
        node = token.head
        for _ in range(_weights()["governing_clauses_up"]):
            if node.dep_.split(":")[0] not in ("acl", "advcl", "ccomp", "conj", "xcomp") or node.head is node:
                return None
            relative = node.dep_ == "acl:relcl"
            node = node.head
            if relative and node.pos_ not in ("VERB", "AUX"):
                # (the noun "Vienne" the relative clause qualifies: the clause that names it)
                node = node.head if node.dep_.split(":")[0] in ("obl", "obj", "nmod") else node
            if node.pos_ not in ("VERB", "AUX", "ADJ"):
                return None
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if subject is None:
                continue  # ("X est arrivé mardi et a rencontré Y, qu'il ..."): the clause before names it
            found = [r for r in self.referents if r.pos <= subject.idx < max(r.end, r.pos + 1) and r.pos < m.start]
            r = found[0] if found else None
            if r is None or _inside(r.pos, skip) or not r.person or r.plural or r.entity is None \
                    or not self.entities[r.entity].name or m.gender and r.gender and m.gender != r.gender:
                return None
            return r
        return None

    def pair_member(self, m: Mention, before: int) -> Referent | None:
        """'X et son homologue Y se sont rencontrés. Le premier ..., le second ...': the member of that
        rank among the first two people a sentence names (the latest such sentence, a few back at most),
        outside reported words; None when it disagrees in gender."""
        here = self.sentence_index(before)
        for k in range(here, max(-1, here - _weights()["pair_sentences_back"] - 1), -1):
            members: list[Referent] = []
            for r in self.referents:
                if r.pos >= before or self.sentence_index(r.pos) != k:
                    continue
                if r.speaker or not r.person or r.entity is None or r.plural or _inside(r.pos, self.quoted) \
                        or _inside(r.pos, self.reported) or self._noun_complement(r):
                    continue
                if all(x.entity != r.entity for x in members):
                    members.append(r)
            if len(members) < 2:
                continue
            member = members[m.ordinal - 1]
            gender = self.entities[member.entity].gender or member.gender
            if m.gender and gender and m.gender != gender:
                return None
            return member
        return None

    def last_speaker(self, before: int, max_sentences: int) -> Referent | None:
        """The latest speaker before `before`, if it spoke at most `max_sentences` sentences back."""
        here = self.sentence_index(before)
        speakers = [r for r in self.referents if r.speaker and r.pos < before
                    and here - self.sentence_index(r.pos) <= max_sentences]
        return speakers[-1] if speakers else None

    def last_subject(self, before: int) -> Referent | None:
        """The named person subject of the sentence before `before` or of its own sentence up to it:
        'X s'est montré choqué. « ... »' - the quotation goes on with X."""
        here = self.sentence_index(before)
        subjects = [r for r in self.referents if r.subject and r.person and r.entity is not None and r.pos < before
                    and here - self.sentence_index(r.pos) <= 1 and not _inside(r.pos, self.quoted)
                    and self.entities[r.entity].name]
        # 'Il a confié comment il voyait son avenir. « ... »': a subject pronoun of the sentence before stands
        # for the person it refers to when the quotation opens a sentence of its own ('Accusé de « X », il
        # encourt ...' names a charge, not words of his)
        # ('Dans une allocution, il a adressé « un grand merci » aux électeurs': the subject pronoun of the
        # quotation's own clause, before it, stands for the person it refers to as well)
        opens = self.sentence_starts[here] >= before - 2
        for m in self.pronouns:
            back = here - self.sentence_index(m.start)
            if m.start >= before or not (opens and back == 1 or back == 0) \
                    or _inside(m.start, self.quoted) \
                    or subjects and m.start < subjects[-1].pos or not self._pronoun_subject(m):
                continue
            # (not a complement of its own sentence: "A son prédécesseur X, il a glissé « ... »" is not X)
            start = self.sentence_starts[self.sentence_index(m.start)]
            complements = {x.entity for x in self.referents if back == 0 and start <= x.pos < m.start and not x.subject}
            r = self.antecedent(m, m.start, skip=list(self.quoted) + ([(start, m.start)] if back == 0 else []))
            if r is not None and r.person and r.entity is not None and self.entities[r.entity].name \
                    and r.entity not in complements:
                subjects.append(Referent(m.start, m.end, r.entity, r.text, r.gender, False, True, True))
        return max(subjects, key=lambda r: r.pos) if subjects else None

    def subject_of_main_verb(self, start: int, end: int) -> Referent | None:
        """'Pour « donner une chance à la paix », Berlin a rappelé son navire': words quoted as a whole
        clause put before the main verb are the words of that verb's named subject."""
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        clause = span.root
        # (an infinitive its preposition subordinates, "pour", "afin de": the parser may hang the main
        # verb on it instead of the reverse)
        if clause.pos_ != "VERB" or not any(c.dep_ == "mark" and c.i < clause.i for c in clause.children):
            return None
        if clause.dep_ == "advcl":
            verb = clause.head
        else:
            verb = next((c for c in clause.children if c.dep_ in ("advcl", "conj", "parataxis")
                         and c.pos_ == "VERB" and c.i >= span.end), clause) if clause.dep_ == "ROOT" else clause
        if verb.i < span.end:
            return None
        for subject in (c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i > clause.i):
            first, last = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            for r in self.referents:
                if first <= r.pos < last and r.entity is not None and self.entities[r.entity].name:
                    return r
        return None

    def _pronoun_subject(self, m: Mention) -> bool:
        """'il' / 'elle' as the subject of its verb (not the impersonal 'il faut', 'il y a')."""
        token = self._token_at(m.start if not m.text.startswith("-") else m.end - 1)
        return token is not None and token.dep_ == "nsubj" and token.lower_.lstrip("-t") in ("il", "elle")

    def postcedent(self, m: Mention, countries: tuple[str, ...] = (), skip=()) -> Referent | None:
        """A title nobody before it holds, whose holder the next sentence names as its subject: 'Le chef
        de l'Etat a salué ... . Le président Jean Martin a ajouté ...' (the lead of a dispatch). Not a
        name inside reported words (`skip`): 'Le président a affirmé que Jean Martin mentait'."""
        here = self.sentence_index(m.start)
        for r in self.referents:
            if r.pos < m.end or _inside(r.pos, self.quoted) or _inside(r.pos, skip):
                continue
            if self.sentence_index(r.pos) - here > 1:
                break
            e = self.entities[r.entity] if r.entity is not None else None
            if e is None or not e.name or not r.person or r.plural or not r.subject:
                continue
            if m.gender and r.gender and m.gender != r.gender or countries and e.country not in countries:
                continue
            if m.role and not _generic_role(m.text) and e.roles and m.role not in e.roles \
                    or _office_excluded(m.head, e.roles):
                continue
            return r
        return None

    def office_holder(self, m: Mention) -> Referent | None:
        """'Marine Durand a dénoncé ... « ... », a ajouté la présidente du parti': an office in a body
        the text names, which no dictionary entry holds, is the named person who was the subject or the
        speaker of the same or the sentence before, when that person agrees and is known for no other
        office (a head of state presides over no party). A former office ('l'ex-député de la Loire') may
        be held by anyone now in another office."""
        here = self.sentence_index(m.start)
        latest = None
        for r in self.referents:
            if r.pos >= m.start:
                break
            if _inside(r.pos, self.quoted) or here - self.sentence_index(r.pos) > 1:
                continue
            if r.person and not r.plural and (r.subject or r.speaker):
                latest = r
        if latest is None or latest.entity is None:
            return None
        e = self.entities[latest.entity]
        if not e.name or e.roles and not m.former or m.gender and latest.gender and m.gender != latest.gender:
            return None
        return latest

    def antecedent(self, m: Mention, before: int, skip: list[tuple[int, int]] = (),
                   countries: tuple[str, ...] = (), continuing: bool = True) -> Referent | None:
        """The referent a pronoun or description at `before` stands for, or None when nothing fits.
        A pronoun whose referent the window of recent sentences lacks looks further back: the person a
        portrait is about may go unnamed for a paragraph ('... a-t-elle argumenté')."""
        w = _weights()
        found = self._antecedent(m, before, skip, countries, w["max_sentences_back"], continuing=continuing)
        if found is None and m.kind == "pronoun" and not m.plural:
            found = self._antecedent(m, before, skip, countries, w["max_sentences_back_pronoun"], person_only=True)
        return found

    def _titled_entities(self, m: Mention, before: int) -> set[int]:
        """The named people before `before` whose name was written after the description's head noun in
        its sentence ('le prince Karim', 'le prince héritier saoudien, Karim Haddad'), or who carry it as a
        title."""
        head = m.head.lower()
        pattern = re.compile(rf"\b{re.escape(head)}s?\b", re.IGNORECASE)
        found: set[int] = set()
        for r in self.referents:
            if r.pos >= before:
                break
            if r.entity is None or not r.person or r.entity in found or not self.entities[r.entity].name \
                    or _inside(r.pos, self.quoted):
                continue
            if head in {t.lower() for t in self.entities[r.entity].titles if t}:
                found.add(r.entity)
                continue
            start = max(self.sentence_starts[self.sentence_index(r.pos)], r.pos - _weights()["title_window"])
            if _COMPLEMENT_START.match(r.text) or _COMPLEMENT_END.search(self.text, start, r.pos):
                continue  # "l'ambassadeur X, représentant du président américain": the head's complement, not titled
            if pattern.search(self.text, start, r.pos):
                found.add(r.entity)
        return found

    def _names(self, r: Referent) -> str:
        """Every name the referent goes by: its words, its entity's forms and its dictionary aliases
        ('la présidence' is the body also called 'présidence française')."""
        names = [r.text]
        if r.entity is not None:
            e = self.entities[r.entity]
            names += [e.name or "", *e.forms]
            row = gazetteer().actors.get(e.dict_key) if e.dict_key else None
            if row is not None:
                names += [row["canonical_name"], *row["aliases"]]
        return " | ".join(names)

    def _antecedent(self, m: Mention, before: int, skip, countries, max_back: int,
                    person_only: bool = False, continuing: bool = True) -> Referent | None:
        w = _weights()
        here = self.sentence_index(before)
        possessive = m.kind == "role" and m.text.lower().split(" ", 1)[0] in ("son", "sa", "ses", "leur", "leurs")
        latest = m.kind == "anaphor" and m.text.lower().startswith(("ce dernier", "cette dernière"))
        if latest and re.match(r"\s+et\s", self.text[m.end:m.end + 5]):
            return None  # "cette dernière et l'OIEA ont ...": one side of a joint subject, no speaker alone
        # a title opening its clause as the subject before its verb is not a complement before it in its
        # sentence (after its verb it may be: "... avec le chef du Hamas, a annoncé le mouvement islamiste")
        opening = m.kind in ("role", "anaphor") and not latest and self._preposed_subject(m)
        best, best_score = None, None
        # "le prince héritier saoudien, X ... dit le prince": a description whose head noun was written
        # as a title beside some person's name stands for a person so titled, not for the last man who
        # spoke; a job noun ("le journaliste") stands for nobody else even when no one was so titled
        titled = self._titled_entities(m, before) if m.kind == "anaphor" and m.head and not m.plural \
            and not _untitled_head(m.head) else None
        if titled is not None and not titled and m.head.lower() not in _titled_only_heads():
            titled = None
        # a pronoun whose verb does not continue the last speaker's words ("a-t-il estimé", not "a-t-il
        # ajouté") stands for a person made the subject since that speaker spoke ("X a dit ... . Y s'est
        # montré plus mesuré. « ... », a-t-il estimé": Y)
        later_subjects = [] if continuing or m.kind != "pronoun" or m.plural else [
            (r.pos, r.entity) for r in self.referents if r.subject and r.person and r.entity is not None and r.pos < before
            and not _inside(r.pos, skip) and not _inside(r.pos, self.reported)
            and not (m.gender and r.gender and m.gender != r.gender)]
        for r in self.referents:
            if r.pos >= before:
                break
            if _inside(r.pos, skip):
                continue
            distance = here - self.sentence_index(r.pos)
            if distance > max_back or person_only and not (r.person and r.entity is not None and m.gender
                                                           and r.gender == m.gender):
                continue  # (that far back, only a person known to agree: "elle" is no man of unknown gender)
            if m.plural != r.plural:
                if not (m.plural and r.entity is not None and not r.person):
                    continue  # "ils" may stand for a country or a body ("les Palestiniens ... ils")
            if m.kind == "anaphor" and m.actor_type in (MEDIA, ORG):
                # "l'hebdomadaire", "le mouvement islamiste": a medium or a body, not a person; "le
                # ministère", "la police": the body of that name, not any other
                if r.actor_type not in (MEDIA, ORG) or m.actor_type == MEDIA and r.actor_type != MEDIA \
                        and not _looks_like_media(r.text):
                    continue
                if m.actor_type == ORG and not _same_kind_of_body(m.text, self._names(r)):
                    continue
                if _survey_words() & set(m.text.lower().split()) and not (
                        _survey_words() & set(self.text[max(0, r.pos - 30):r.pos].lower().split())):
                    continue  # "le sondage", "une étude du même institut": the one named as a survey's author
            elif m.gender and r.gender and m.gender != r.gender:
                continue
            elif not r.person and (r.gender is None or m.gender is None) and not m.plural:
                continue  # "il" stands for a body only when its gender is known to agree ("le Kremlin")
            if latest and not r.person:
                # "contrairement à ce qu'affirmait le ministère russe. Ce dernier avait assuré": the body
                # named last, wherever it stands; a country only as one that acts, not a place ("au Mali")
                if not (r.actor_type in (MEDIA, ORG) or r.subject or r.speaker) or self._place(r) \
                        or self._plural_determiner(r):
                    continue  # (nor "des Nations unies", "les Etats-Unis": no "cette dernière")
            elif m.actor_type not in (MEDIA, ORG) and (not r.person and not m.plural and not (r.subject or r.speaker)
                                                        or not r.person and m.kind == "anaphor"):
                continue  # an institution is "elle" only as the subject it was ("La présidence ... Elle a")
            if countries and (r.entity is None or self.entities[r.entity].country not in countries) \
                    and not (r.person and r.entity is not None and self.entities[r.entity].country is None
                             and m.kind == "role" and _generic_role(m.text) and m.head
                             and m.head.lower() in {t.split()[0].lower() for t in self.entities[r.entity].titles if t}):
                continue  # (a person whose country nobody gave may be "le diplomate sénégalais" named before)
            if m.kind == "role" and not m.plural and not r.person:
                continue  # "la cheffe de l'opposition bélarusse" is someone, not Minsk
            if opening and distance == 0 and not r.subject and not r.speaker:
                continue  # "Contrairement au ministre X, le représentant de l'UE juge ...": someone else
            if titled is not None and r.entity not in titled:
                continue
            if m.kind in ("role", "anaphor") and m.head and r.entity is None and r.speaker \
                    and m.head.lower() not in r.text.lower():
                continue  # "a dit un membre de la délégation ... a souligné l'envoyé de l'ONU": not the member
            if m.kind == "role" and r.entity is not None and self.entities[r.entity].name is None:
                continue  # "son ministre ... le maire": an unnamed role is nobody else's antecedent
            if m.kind == "role" and not countries and m.role and not _generic_role(m.text) and (
                    r.entity is None or m.role not in self.entities[r.entity].roles):
                continue  # "le pape", "le leader centriste": only someone known to hold that office
            if m.kind in ("role", "anaphor") and r.entity is not None and _office_excluded(m.head, self.entities[r.entity].roles):
                continue  # "le ministre des Sports" is not a head of government, "le président" no foreign minister
            holds_role = r.entity is not None and (m.kind == "role" and m.role in self.entities[r.entity].roles or (
                m.kind == "anaphor" and m.head is not None
                and m.head in {t.split()[0] for t in self.entities[r.entity].titles}))
            if possessive and not (holds_role and m.role) and not (r.entity is not None and m.head and m.head.lower() in {
                    t.split()[0].lower() for t in self.entities[r.entity].titles if t}):
                continue  # "Son porte-parole a précisé": someone of the possessor's, not the possessor
            # ("l'envoyé de l'ONU": the one introduced as "l'envoyé spécial de l'ONU, X", not the last man named)
            spoke = r.speaker and not any(r.pos < p and e != r.entity for p, e in later_subjects)
            score = (w["speaker"] * spoke + w["subject"] * r.subject + w["person"] * r.person
                     + w["same_role"] * holds_role - w["per_sentence"] * distance)
            if distance == 0 and not r.subject and not r.speaker:
                score -= w["same_sentence_object"]  # "avec X, il ...": X is no antecedent of 'il'
            if latest:
                score = -distance  # "ce dernier": the last one named, whatever its role
            if best_score is None or score >= best_score:
                best, best_score = r, score
        return best


def _in_relative_clause(verb, span) -> bool:
    """A verb of a relative clause, or of a clause hung on one ('le texte dont il dit que X a menti'); not one
    the parser hung on the subject's own name ('Bachar al-Assad a critiqué': 'critiqué' on 'Bachar')."""
    node = verb
    for _ in range(_weights()["governing_clauses_up"] + 2):
        if node.dep_ == "acl:relcl":
            # (", ce que X avait balayé": a relative on 'ce' sums up the sentence before it, and its subject is
            # what the story goes on with)
            return not span.start <= node.head.i < span.end and node.head.lower_ not in ("ce", "c'", "c’") \
                and _opens_with_relative_pronoun(node)
        if node.head is node:
            return False
        node = node.head
    return False


def _opens_with_relative_pronoun(verb) -> bool:
    """A relative clause has its pronoun before its verb ('dans laquelle X est', 'que X a'); a clause the parser
    calls relative without one ('Connu pour son combat, le ministre pourrait') is the sentence's own."""
    # (the lexicon's relative pronouns; the tagger's PronType=Rel covers 'auquel', 'duquel' and the like)
    relatives = load_rules()["frames"]["awaiting_relatives"]
    return any(t.lower_ in relatives or "Rel" in t.morph.get("PronType") for t in verb.subtree if t.i < verb.i)


def _inverted_speaker(token) -> bool:
    """'Pas du tout, rétorque Jean Martin.': the subject put after a verb of saying in an incise, which
    the parser takes for the verb's object (the verb has no subject of its own and opens after a comma
    or a closing quotation mark)."""
    verb = token.head
    if token.dep_ != "obj" or verb.i >= token.i or verb.pos_ not in ("VERB", "AUX") \
            or verb.dep_ not in ("ROOT", "parataxis") or verb.lower_ not in cue_lexicon()[0] \
            or any(t.dep_ in ("amod", "acl", "acl:relcl") and t.i > token.i for t in token.children) \
            or any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "expl:comp" for c in verb.children):
        return False
    first = min([verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:tense") and c.i < verb.i)],
                key=lambda t: t.i)
    return first.i > verb.sent.start and first.nbor(-1).text in (",", "»", '"', "”")


def _speaks_through(token) -> bool:
    """'Une mission de médiation de la Cédéao a exprimé ...': the body a subject's complement (of a
    complement) names, when that subject is what the body speaks through."""
    for _ in range(3):
        if token.dep_ not in ("nmod", "appos", "flat:name") or token.head.i >= token.i:
            return False
        token = token.head
        if token.dep_ in _SUBJECT_DEPS:
            return token.lower_ in _issuer_heads()
    return False


@functools.cache
def _issuer_heads() -> frozenset[str]:
    return frozenset(load_rules()["speakers"]["issuer_heads"])


def _definite_phrase(words: str) -> bool:
    first = words.lower().replace("’", "'").split(" ", 1)[0]
    return first in ("le", "la", "les") or first.startswith("l'")


@functools.cache
def _determiner_genders() -> dict[str, str]:
    genders = dict(load_rules()["speakers"]["determiner_gender"])
    genders.update({"un": "m", "une": "f"})
    return genders


@functools.cache
def _untitled_heads() -> frozenset[str]:
    from .gazetteer import role_heads
    words = load_rules()["role_words"]
    return frozenset({h.lower() for h in role_heads()} | {h.lower() for h in words["generic_heads"]}
                     | set(_weights()["untitled_heads"]))


def _untitled_head(head: str) -> bool:
    """'le président', 'le chef', 'l'homme': a head said of many people (an office whose complement tells
    them apart, or a plain person noun), not a title that sets one person apart."""
    return head.lower() in _untitled_heads()


def _witness(words: str) -> bool:
    """'un journaliste de l'AFP', 'des photographes sur place': an unnamed reporter who saw what was said
    and done; as the source of a sentence about someone else, no one a later pronoun stands for."""
    heads = [w.lower() for w in words.replace("’", "'").replace("'", " ").split()[:3]]
    return any(w in _weights()["witness_heads"] for w in heads)


@functools.cache
def _titled_only_heads() -> frozenset[str]:
    return frozenset(_weights()["titled_only_heads"])


@functools.cache
def _continuation_verbs() -> frozenset[str]:
    return frozenset(_weights()["continuation_verbs"])


@functools.cache
def _continuing_adverbs() -> re.Pattern:
    """'a encore accusé', 'a-t-il aussi déclaré': words that go on with the same speaker."""
    return re.compile(rf"\b{alternation(_weights()['continuation_adverbs'], ignore_case=True)}\b", re.IGNORECASE)


def _office_excluded(head: str | None, roles: set) -> bool:
    """A title word no office the person is known to hold goes by."""
    excluded = load_rules()["role_words"]["head_excludes_roles"].get((head or "").lower())
    return bool(excluded) and bool(roles) and all(r in excluded for r in roles if r)


@functools.cache
def _generic_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules()["role_words"]["generic_heads"])


def _generic_role(text: str) -> bool:
    """'le leader centriste', 'le chef du parti': a head that names no office of its own."""
    words = [w.lower() for w in text.replace("’", "'").replace("'", " ").split()]
    return any(w in _generic_heads() for w in words[:3])


@functools.cache
def _media_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules()["speakers"]["media_name_words"])


def _looks_like_media(name: str) -> bool:
    """'Journal du dimanche', 'New York Times': a name the NER called an organisation but that is a medium."""
    return any(w.lower() in _media_words() for w in name.replace("-", " ").split())


@functools.cache
def _survey_words() -> frozenset[str]:
    return frozenset(load_rules()["speakers"]["survey_heads"])


def _same_kind_of_body(anaphor: str, name: str) -> bool:
    """'le mouvement islamiste' may be any organisation; 'le ministère' only a ministry."""
    words = [w.lower() for w in anaphor.replace("’", "'").replace("'", " ").split()]
    head = next((w for w in words if w in _organisation_heads()), None)
    if head is None or head in _weights()["generic_body_heads"]:
        return True
    return head in name.lower()


@functools.cache
def _organisation_heads() -> frozenset[str]:
    return frozenset(load_rules()["speakers"]["organisation_heads"])


def _inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


def resolve_speakers(doc: Doc | None, text: str, statements, mentions: list[Mention], entities: list[Entity],
                     sentences: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> None:
    """Give each pronoun or description speaker its antecedent, in reading order, so that a speaker
    found for one statement is there for the pronouns of the next."""
    discourse = Discourse(doc, text, mentions, entities, sentences, quoted)
    done: dict[int, tuple[int | None, str | None]] = {}
    # a speaker phrase several statements share (a headline repeating words quoted in the body) is read
    # where it stands: its antecedent comes before the statement nearest to it, not before the headline
    nearest: dict[int, object] = {}
    for st in statements:
        if st.speaker is not None:
            other = nearest.get(id(st.speaker))
            if other is None or abs(st.start - st.speaker.start) < abs(other.start - st.speaker.start):
                nearest[id(st.speaker)] = st
    reported = [(st.start, st.end) for st in statements]
    discourse.reported = reported
    # statements someone is named or pointed to as saying (not a phrase the parse made a subject by mistake)
    attributed = [st for st in statements if st.speaker is not None and (
        st.speaker.entity is not None or st.speaker.kind in ("pronoun", "anaphor"))]
    for st in sorted(statements, key=lambda s: (s.speaker.start if s.speaker is not None else s.start)):
        m = st.speaker
        if m is None:
            continue
        key = id(m)
        st = nearest[key]
        if key in done:
            m.entity, m.description = done[key]
            continue
        if m.points_back == "source":  # "selon la même source": the last speaker
            r = discourse.last_speaker(min(m.start, st.start), _weights()["same_source_sentences_back"])
            m.entity = r.entity if r is not None else None
            m.description = r.text if r is not None and r.entity is None else m.text
        elif m.points_back and (issuer := discourse.issuer(m.points_back, min(m.start, st.start))) is not None:
            # "selon le communiqué": who issued the document named before
            m.entity = issuer.entity
            m.description = issuer.text if issuer.entity is None else None
        elif _needs_antecedent(m, entities):
            contents = [(c[0], c[1]) for c in st.cue.contents] if st.cue is not None else []
            countries = m.countries if m.kind in ("role", "anaphor") else ()
            # a body its adjective pins down ("a annoncé le parti nationaliste basque") may be the one
            # named in the words it reports
            pinned = m.kind == "anaphor" and m.actor_type == ORG and bool(countries)
            skip = quoted if pinned else quoted + contents
            continuing = st.cue is None or st.cue.lemma in _continuation_verbs() or _continuing_adverbs().search(
                text, min(m.start, st.cue.cue[0]), max(m.end, st.cue.cue[1]) + 12) is not None
            r = discourse.pair_member(m, min(m.start, st.start)) if m.ordinal else None
            if r is None and not (m.ordinal and m.ordinal > 1):  # ("le second": of a pair, no one else)
                r = discourse.antecedent(m, m.start if pinned else min(m.start, st.start), skip=skip,
                                         countries=countries, continuing=continuing)
            if r is None and _cataphoric(m, text):
                r = discourse.postcedent(m, countries, skip=reported)
            if r is not None:
                m.entity = r.entity
                m.description = r.text if r.entity is None else None
            elif m.kind in ("pronoun", "anaphor"):
                m.entity = None
        elif _bound_office(m, entities):
            r = discourse.office_holder(m)
            if r is not None:
                m.entity = r.entity
        done[key] = (m.entity, getattr(m, "description", None))
        named = m.entity is not None and entities[m.entity].name is not None
        if st.cue is not None and st.cue.kind == "canonical" \
                and any(o.start <= st.cue.cue[0] < o.end and o.start <= m.start < o.end and o is not st
                        for o in attributed):
            continue  # "X a accusé Y d'être lâche car il craignait ...": Y's attitude inside X's words is X's report
        # ("Pour X, ...", "Selon X, ..." opening the sentence: X is its topic; not "..., selon X")
        leading_source = st.cue is not None and st.cue.kind == "source" and not text[
            discourse.sentence_starts[discourse.sentence_index(st.cue.cue[0])]:st.cue.cue[0]].strip(" \n\"«-–—")
        # (an unnamed source after its verb, "..., a affirmé un haut responsable", is that verb's subject
        # whatever the parse made of it: the pronouns after it go on with it)
        # (not a definite role a named holder may stand behind: "a expliqué la garde des Sceaux")
        postposed = not named and m.kind != "pronoun" and st.cue is not None and st.cue.kind != "source" \
            and m.start > st.cue.cue[0] and not _definite_phrase(m.text)
        # "..., juge Paul Girard, spécialiste de X": the person named after the verb of an incise is that
        # verb's subject whatever the parse made of it ("juge" read as the noun), and the topic the
        # pronouns after it go on with
        inverted = named and m.kind != "pronoun" and st.cue is not None and st.cue.kind == "incise" \
            and not st.cue.passive and m.start > st.cue.cue[0]
        if not named and not leading_source and st.cue is not None and st.cue.kind == "source" \
                and _witness(m.text):
            continue  # "X a quitté le palais, selon un journaliste de l'AFP. « ... », a-t-il lancé": X speaks
        discourse.add_speaker(m, m.entity if named else None, None if named else (m.description or m.text),
                              source=leading_source or postposed or inverted)
    discourse.quoted = quoted
    # a quotation that no frame reports goes on with the speaker of the sentences just before it
    for st in statements:
        if st.type == "direct" and st.speaker is None and st.cue is None:
            if _judged_without_agent(text, st.start, st.end):
                continue  # "Des propos jugés « inacceptables ».": a judgement nobody is said to pass
            r = discourse.subject_of_main_verb(st.start, st.end)
            if r is not None:  # the subject stands in the sentence: the speaker is read there
                st.speaker = Mention(r.pos, r.end, r.text, "name", r.actor_type, entity=r.entity)
                continue
            r = discourse.last_speaker(st.start, _weights()["quote_sentences_back"])
            subject = discourse.last_subject(st.start)
            if subject is not None and (r is None or subject.pos > r.pos):
                r = subject
            if r is not None:
                st.speaker = Mention(st.start, st.start, "", "pronoun", PERSON, entity=r.entity,
                                     description=r.text if r.entity is None else None)
    return discourse


_HAVE_FORMS = frozenset({"a", "ont", "avait", "avaient", "aurait", "auraient", "avoir", "ayant", "aura", "auront", "eu"})


@functools.cache
def _judgement_participle() -> re.Pattern:
    forms = []
    for verb in dict.fromkeys(_weights()["judgement_participle_verbs"]):
        stem = verb[:-2] + "é" if verb.endswith("er") else verb[:-2] + "t" if verb.endswith("ire") else verb
        forms += [stem, stem + "e", stem + "s", stem + "es"]
    return re.compile(rf"(?:(?P<before>[\w'’-]+)\s+)?(?<![\w'’])(?:{alternation(forms, ignore_case=True)})"
                      r"\s+(?:de\s+|d['’]\s*|comme\s+)?[«\"“]\s*$", re.IGNORECASE)


def _judged_without_agent(text: str, start: int, end: int) -> bool:
    """'Des propos jugés « inacceptables ».', 'une décision qualifiée d'« illégale »': a quotation right after
    the bare (or passive) participle of a verb of judging, no 'par' agent after it in its sentence."""
    found = _judgement_participle().search(text, max(0, start - 40), start)
    if found is None or (found.group("before") or "").lower() in _HAVE_FORMS:
        return False  # ("il a jugé « prématuré »": a verb of saying with its subject, no bare participle)
    rest = re.split(r"(?<=[.!?])\s|\n", text[end:end + 200], maxsplit=1)[0]
    return re.match(r"\s*[»\"”]?\s*(?:,\s*)?par\b", rest, re.IGNORECASE) is None \
        and not re.search(r"\bpar\s+(?:l['’]|les?\s|la\s|[A-ZÀ-Ý])", rest[:40])


def _cataphoric(m: Mention, text: str) -> bool:
    """A definite title for one person ('le chef de l'Etat', 'la première dame'), not a demonstrative
    or 'ce dernier', which only point back."""
    first = text[m.start:m.end].split(" ", 1)[0].lower().replace("’", "'")
    return m.kind in ("role", "anaphor") and m.actor_type == PERSON and not m.plural \
        and (first in ("le", "la") or first.startswith("l'"))


def _bound_office(m: Mention, entities: list[Entity]) -> bool:
    """'la présidente du Rassemblement national': the definite office of a body the text names, held by
    nobody the dictionary knows."""
    return m.kind == "role" and m.bound and m.definite and not m.plural \
        and (m.entity is None or entities[m.entity].name is None)


def _needs_antecedent(m: Mention, entities: list[Entity]) -> bool:
    if m.kind in ("pronoun", "anaphor") and m.entity is None:
        return True
    # a definite role nobody in the dictionary or the article holds: "le président mauritanien"
    return m.kind == "role" and not m.plural and (m.entity is None or entities[m.entity].name is None) \
        and not m.text.lower().startswith(("un ", "une ", "des ")) and not m.bound


__all__ = ["Discourse", "resolve_speakers", "COUNTRY", "ORG"]
