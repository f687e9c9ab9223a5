"""Statements: direct quotes and indirect-speech clauses, each given the speaker of its reporting frame.

The frames (extraction/frames.py) say where a cue, its speaker phrase and its content are; this
module turns them into statement rows: an indirect row per content that is more than a quotation,
a direct row per quoted segment, and a speaker mention for each (a name, a role, an institution,
a pronoun to resolve later, or an unnamed source kept as its description).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .frames import Frame, clause_subject, cue_lexicon, speech_noun_owner
from .gazetteer import gazetteer
from .mentions import COUNTRY, MEDIA, OF_PERSON, ORG, PERSON, Mention
from .quotes import Quote, _is_label, find_quotes, is_name_quote
from .rules import load_rules
from .text import Paragraph, sentence_of

_WORD = re.compile(r"\w+")


@dataclass
class Statement:
    start: int
    end: int
    text: str
    type: str
    cue: Frame | None
    speaker: Mention | None
    relay: Mention | None = None


@functools.cache
def _speaker_words() -> dict:
    return load_rules()["speakers"]


def _inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


_INDEFINITE_COMPLEMENT = re.compile(r"\s+d['’]une?\s", re.IGNORECASE)
_APPOSED_BODY = re.compile(r",\s*(?:(?:le|la|les)\s+|l['’]\s*)?")


def speaker_mention(text: str, frame: Frame, mentions: list[Mention]) -> Mention | None:
    """The mention that says who speaks in a frame's speaker phrase.

    A person named in apposition beats the role beside it ('le porte-parole du Kremlin, X'); a
    communiqué speaks for its issuer; an unnamed source ('un haut responsable', 'l'entourage du
    ministre') stays unnamed, with the phrase as its description, whatever names its complement holds.
    """
    if frame.kind == "narrative":  # "Et de vanter X": the speaker of the sentence before, found later
        return Mention(frame.cue[0], frame.cue[0], "", "pronoun", PERSON)
    if frame.speaker is None:
        return None
    start, end = frame.speaker
    head = frame.speaker_head if frame.speaker_head is not None else start
    words = _speaker_words()
    inside = [m for m in mentions if start <= m.start < end or m.start <= start < m.end]
    at_head = next((m for m in inside if m.start <= head < m.end), None)
    head_word = _word_at(text, head).lower()
    persons = [m for m in inside if m.kind == "name" and m.actor_type == PERSON]
    # a name the parse left out of the phrase but written right after it ("le ministre X Y à Riga", "le
    # président de l'Union (UNA), X Y": the parse ends the phrase inside the parenthesis)
    # (not past the comma that closes a source phrase: "selon X, Y et Z séjourneront": Y starts the content)
    persons += [m for m in mentions if m.kind == "name" and m.actor_type == PERSON and end <= m.start
                and (m.start <= end + 2 or re.fullmatch(r"\),?\s", text[end:m.start])) and m not in persons
                and not re.search(r"[.!?;:]", text[end:m.start])  # (nor a name opening the next sentence)
                and not (frame.kind == "source" and "," in text[end:m.start])]
    joint = _joint_speakers(text, start, end, inside, mentions)
    if joint is not None:
        return joint
    if _SAME_SOURCE.fullmatch(text[start:end].strip()):
        # "selon la même source", "de même source": whoever spoke last (CONVENTIONS: the actor it refers to)
        return Mention(start, end, text[start:end], "anaphor", None, points_back="source")
    if head_word.split("'")[-1].split("’")[-1] in words["indefinite_pronouns"] and re.match(
            r"[\w'’]+\s+(?:d['’]|de\s|des\s|d['’]entre\s)", text[head:end + 12]):
        # "l'un d'eux", "l'une des manifestantes": one of a group, unnamed; unless named in apposition
        # ("l'un des dirigeants du parti, X Y")
        apposed = [p for p in persons if p.start > head and re.search(r",\s*$", text[head:p.start])]
        return apposed[0] if apposed else _unnamed(text, frame)
    phrase = re.sub(r"\s+", " ", text[start:end].strip().lower())
    if phrase in words["plural_demonstratives"] and at_head is None:
        # "selon ces derniers", "d'après celles-ci": the group named last, as a plural pronoun would
        return Mention(start, end, text[start:end], "pronoun", PERSON, gender=words["pronouns"].get(phrase),
                       plural=True)
    if head_word in words["pronouns"]:
        pronoun = at_head or Mention(head, head + len(_word_at(text, head)), _word_at(text, head), "pronoun",
                                     PERSON, gender=words["pronouns"][head_word],
                                     plural=head_word in ("ils", "elles", "-ils", "-elles", "eux", "leurs"))
        return pronoun
    if persons and at_head is None and head_word in words["relational_heads"] and all(
            re.match(r"\s*(?:\w+\s+){0,2}(?:de|d'|d’|du)\s", text[head + len(head_word):p.start]) for p in persons):
        # "l'ancien bras droit de Barack Obama": someone known by a relation to the one named
        if _definite(text, start, head):
            return Mention(start, end, text[start:end], "anaphor", PERSON, gender=_determiner_gender(text, start, head),
                       plural=_determiner_plural(text, start, head))
        return _unnamed(text, frame)
    if at_head is None and (head_word in words["media_heads"] or head_word in words["organisation_heads"]):
        # "l'agence de presse Chine nouvelle", "le mouvement islamiste Hamas": the name in apposition
        named = [m for m in inside if m.start > head and m.kind == "name" and m.actor_type in (MEDIA, ORG)
                 and not re.search(r"(?:\bde|\bdu|\bdes|d'|d’)\s*$", text[head:m.start])]
        # "a réagi son parti, le Likoud": the name set off by a comma after the phrase the parse ended
        # (not after a source phrase, whose comma opens the content: "selon le parti, le Likoud va ...")
        named += [m for m in mentions if frame.kind != "source" and m.start >= end and m.kind == "name"
                  and m.actor_type in (MEDIA, ORG) and _APPOSED_BODY.fullmatch(text[end:m.start])]
        if named:
            return named[0]
    if at_head is None and not persons and _definite(text, start, head) and head_word in words["media_heads"]:
        # "l'hebdomadaire", "le quotidien": the medium named before
        return Mention(start, end, text[start:end], "anaphor", MEDIA, gender=_determiner_gender(text, start, head),
                       plural=_determiner_plural(text, start, head))
    if at_head is None and not inside and _definite(text, start, head) and head_word in words["organisation_heads"]:
        # "le mouvement islamiste palestinien", "le ministère": the body named before, of the country
        # its adjective names
        return Mention(start, end, text[start:end], "anaphor", ORG, gender=_determiner_gender(text, start, head),
                       plural=_determiner_plural(text, start, head),
                       countries=_demonym_countries(text[head:end] + _adjectives_after(text, end)))
    if at_head is None and not persons and head_word in words["ordinal_anaphors"] \
            and re.fullmatch(r"(?:le|la|l['’])\s*" + re.escape(head_word), text[start:end].strip(), re.IGNORECASE):
        # "le second a réclamé": the ordinal alone stands for a member of the pair named before
        return Mention(start, end, text[start:end], "anaphor", PERSON, gender=_determiner_gender(text, start, head),
                       head=head_word, ordinal=words["ordinal_anaphors"][head_word])
    if at_head is None and not persons and _definite(text, start, head) and (
            head_word in words["person_heads"] or head_word in words["trade_heads"] or head_word in _role_words()
            or _adherent(head_word)):
        # "le jeune homme", "l'acteur", "son épouse": someone already named, found by the discourse step;
        # "le prince héritier saoudien": someone of that country
        return Mention(start, end, text[start:end], "anaphor", PERSON, gender=_determiner_gender(text, start, head),
                       plural=_determiner_plural(text, start, head),
                       countries=_demonym_countries(text[head:end] + _adjectives_after(text, end)), head=head_word)
    if at_head is not None and at_head.kind == "role" and persons:
        # "le porte-parole du Kremlin, X": the name after the role; not one in its complement ("cet
        # ancien ministre du Budget de M. X" is someone else)
        apposed = [p for p in persons if p.start >= at_head.end and not OF_PERSON.search(text[at_head.end:p.start])]
        if apposed:
            return apposed[0]
    if at_head is not None and not (at_head.kind == "name" and at_head.actor_type == MEDIA and persons):
        if at_head.kind == "role" and (_indefinite(text, start, head) or _INDEFINITE_COMPLEMENT.match(text, at_head.end)
                                        and at_head.end < end):
            # ("le porte-parole d'un groupe de rebelles": the office of a body nobody named, held by nobody
            # named either)
            return _unnamed(text, frame, at_head)
        return at_head
    if head_word in words["issuer_heads"]:  # "un communiqué d'Airbus", "le texte du ministère"
        # (not a place or a topic: "l'information sur les primes en Afghanistan" names no issuer)
        issuers = [m for m in inside if m.start > head and m.kind in ("name", "metonym", "role")
                   and not _after_place_preposition(text, m.start)]
        if issuers:
            return issuers[0]
        if head_word in words["survey_heads"] and (
                _definite(text, start, head) and not re.match(r"[\w'’]+\s+(?:d['’]|de\s|du\s|des\s)", text[head:end])
                or re.search(r"\b(?:du|de la|de l['’])\s+même\s", text[head:end])):
            # "Le sondage indique que", "selon une étude du même institut": the pollster named before
            return Mention(start, end, text[start:end], "anaphor", ORG, gender=_determiner_gender(text, start, head),
                           plural=_determiner_plural(text, start, head))
        unnamed = _unnamed(text, frame)
        if head_word in words["document_heads"] and _definite(text, start, head) \
                and re.fullmatch(r"[\w'’]+\s+" + re.escape(head_word), text[start:end].strip(), re.IGNORECASE):
            # "selon le communiqué", "ce document précise": the issuer of that document, named before
            # (the discourse step looks for it, and keeps this reading when it finds none)
            unnamed.points_back = head_word
        return unnamed
    if head_word in words["unnamed_heads"] or _indefinite(text, start, head):
        named = [p for p in persons if p.start > head and re.fullmatch(r"[\s,]*", text[head + len(head_word):p.start])]
        return named[0] if named else _unnamed(text, frame)
    if persons:
        if head_word[:1].islower() and all(
                p.start > head and OF_PERSON.search(text[head:p.start]) for p in persons):
            # "cet ancien ministre du Budget de M. X", "le conseiller de X": someone known by a relation to
            # the one named, not that person
            if _definite(text, start, head):
                return Mention(start, end, text[start:end], "anaphor", PERSON,
                               gender=_determiner_gender(text, start, head),
                               plural=_determiner_plural(text, start, head))
            return _unnamed(text, frame)
        return persons[0]
    # "L'Elysée a indiqué": the phrase is a name; "les pays voisins du Mali": the name is a complement
    # of a head that names nobody, and the speaker stays unnamed
    own = [m for m in inside if m.start <= head or m.start - start <= 4]
    return own[0] if own else _unnamed(text, frame)


_ADJECTIVES_AFTER = re.compile(r"(?:\s+(?!(?:dans|de|du|des|à|au|aux|en|par|pour|sur|avec|et|qui|que|le|la|les)\b)"
                               r"[a-zà-ÿ-]+){0,3}")


def _adjectives_after(text: str, end: int) -> str:
    """'le mouvement | chiite libanais dans ...': the adjectives the parse left out of the phrase."""
    return _ADJECTIVES_AFTER.match(text, end).group(0)


def _demonym_countries(phrase: str) -> tuple[str, ...]:
    from .gazetteer import gazetteer
    demonyms = gazetteer().demonym_country
    return tuple(dict.fromkeys(demonyms[w.lower()] for w in re.findall(r"[\w-]+", phrase) if w.lower() in demonyms))


def _after_place_preposition(text: str, pos: int) -> bool:
    """'en Afghanistan', 'à Paris', 'sur l'Iran': a name a place or topic preposition introduces."""
    before = re.sub(r"\b(?:la|le|les|l['’])\s*$", "", text[max(0, pos - 12):pos].lower().replace("’", "'")).split()
    return bool(before) and before[-1] in load_rules()["discourse"]["place_prepositions"]


def _word_at(text: str, pos: int) -> str:
    match = re.match(r"-?[\w'’-]+|\S", text[pos:])
    return match.group(0) if match else ""


def _definite(text: str, start: int, head: int) -> bool:
    """'le', 'la', 'l'', 'ce', 'cette', 'son', 'sa' before the head: someone the reader already knows."""
    before = re.findall(r"[\w'’]+", text[start:head].lower())
    if not before:
        return False
    first = before[0].replace("’", "'")
    return first in _speaker_words()["definite_determiners"] or first.startswith(("l'",))


def _determiner_gender(text: str, start: int, head: int) -> str | None:
    before = re.findall(r"[\w'’]+", text[start:head].lower())
    if not before:
        return None
    return _speaker_words()["determiner_gender"].get(before[0])


def _determiner_plural(text: str, start: int, head: int) -> bool:
    """'les autorités', 'ses collaborateurs': many people, whom no single person named before stands for."""
    before = re.findall(r"[\w'’]+", text[start:head].lower())
    return bool(before) and before[0] in _PLURAL_DETERMINERS


def _indefinite(text: str, start: int, head: int) -> bool:
    """'un responsable', 'une source', 'des diplomates', 'plusieurs experts': nobody in particular."""
    before = text[start:head].lower().split()
    return bool(before) and before[0] in _speaker_words()["indefinite_determiners"]


_PLURAL_DETERMINERS = frozenset({"les", "des", "ses", "leurs", "ces", "plusieurs", "certains", "certaines",
                                  "quelques", "d'autres", "nombreux", "nombreuses", "deux", "trois"})


# ("cette source", "ces sources": whoever was last given as a source, an unnamed or plural one too - "ont
# indiqué ses services. ..., a ajouté cette source" - not the person the source spoke about)
_SAME_SOURCE = re.compile(r"(?:(?:de\s+)?(?:la|cette)\s+)?même\s+source|(?:de\s+)?(?:cette\s+source|ces\s+sources)",
                          re.IGNORECASE)


# ("X et son homologue Y"; not "le ministre de l'Action et des Comptes publics": a portfolio, no second speaker)
_AND = re.compile(r"\s+et\s+(?!(?:de|des|du|d['’])\s)(?:(?:le|la|les|l['’]|son|sa|ses|leur|leurs)\s*)?"
                  r"(?:[a-zà-ÿ-]+\s+){0,2}")


def _joint_speakers(text: str, start: int, end: int, inside: list[Mention], mentions: list[Mention]) -> Mention | None:
    """'X et Y ont estimé que', '« ... », ont déclaré X et Y': a joint subject, which no one of the two
    says alone (CONVENTIONS: speaker null, the pair as its description)."""
    if not any(m.kind in ("name", "metonym", "role") for m in inside):
        return None
    after = _AND.match(text, end)
    partner = next((m for m in mentions if m.kind in ("name", "metonym", "role") and end < m.start <= after.end()
                    and not re.search(r"[,.;:!?«»\"]", text[end:m.start])), None) if after is not None else None
    if partner is not None:
        return Mention(start, partner.end, text[start:partner.end], "description", None, plural=True, joint=True)
    # ("Washington et Séoul ont réaffirmé": the parse may make the last conjunct the subject)
    before = next((m for m in mentions if m.kind in ("name", "metonym", "role") and m.end < start
                   and re.fullmatch(r"\s+et\s+", text[m.end:start])), None)
    if before is not None:
        return Mention(before.start, end, text[before.start:end], "description", None, plural=True, joint=True)
    return None


def _unnamed(text: str, frame: Frame, role: Mention | None = None) -> Mention:
    start, end = frame.speaker
    first = text[start:end].split(" ", 1)[0].lower().replace("’", "'")
    if first in ("ce", "cet", "cette") and (role is None or role.actor_type in (None, PERSON)):
        # "a dit cet habitant", "selon cette source": a demonstrative points back to someone named before
        return Mention(start, end, text[start:end], "anaphor", PERSON)
    # "selon ses proches": many people, whom a later "il" does not stand for
    return Mention(start, end, text[start:end], "description", role.actor_type if role else None,
                   plural=first in _PLURAL_DETERMINERS)


def _topic_only(text: str, frame: Frame, start: int, end: int, quotes: list[Quote],
                mentions: list[Mention] = (), doc=None) -> bool:
    """A noun phrase that names a topic or points back ('a évoqué la situation', 'confirmant une
    information du JDD'), not a claim: short, unquoted, headed by a word for something said elsewhere,
    or only names ('critiquait l'Union européenne et l'OTAN': a target)."""
    if any(q.open >= start - 1 and q.close <= end + 1 for q in quotes):
        return False
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if not frame.nominal:
        # ("a rejeté les résultats de l'élection, qui ont donné X gagnant": the relative clause is the
        # writer's background on the target, the phrase is still a target)
        return span is not None and _definite_target(frame, span, _evaluated(span))
    words = [w.lower() for w in _WORD.findall(text[start:end])]
    if span is not None and len(span) and span.root.pos_ == "ADJ" \
            and text[frame.cue[0]:frame.cue[1]].lower().startswith(("se ", "s'", "s’")):
        return False  # "se dit prête à tout": what the speaker says of themself, however short
    lex = _speaker_words()
    head = next((w for w in words if w not in lex["quote_introducers"]), "")
    short = len(words) < lex["min_nominal_words"] and not (
        len(words) > 1 and words[0] in lex["any_determiners"] and words[1] not in ("le", "la", "les", "l"))
    if short and frame.lemma in lex["short_nominal_cues"] and len(words) >= 2 and span is not None and len(span) \
            and span.root.pos_ == "NOUN" and any(c.dep_ == "det" and c.i < span.root.i for c in span.root.children):
        short = False  # "a clamé son innocence", "exige leur libération": the claim or the demand itself
    evaluated = span is not None and _evaluated(span)
    if short and evaluated:
        short = False  # "a dénoncé une décision injuste", "a salué une avancée majeure": an evaluation
    # ("a écarté toute idée de démission": an 'any' phrase is a whole claim; "a qualifié la situation de
    # catastrophique", "a décrit la situation comme grave": the predicate after the noun is the claim)
    if span is not None and len(span) and span.root.pos_ in ("NOUN", "PROPN"):
        head = span.root.lower_  # ("une nouvelle provocation": the noun, not the adjective before it)
    points_back = head in lex["anaphoric_content_heads"] and words[0] not in lex["any_determiners"] \
        and frame.lemma not in lex["predicative_cues"] and not evaluated
    return short or points_back or _names_only(doc, start, end, mentions) \
        or span is not None and _definite_target(frame, span, evaluated)


def _definite_target(frame: Frame, span, evaluated: bool) -> bool:
    """What a verb of judgement bears on ('a salué la décision de X', 'a rejeté les résultats de
    l'élection, qui ont donné ...'): a definite phrase names a known thing, the speaker's words are
    elsewhere; an indefinite one ('a dénoncé des passages à tabac') or a judged one ('a dénoncé la
    mauvaise volonté de ...') says something new."""
    lex = _speaker_words()
    if frame.lemma not in lex["target_cues"] or evaluated or not len(span):
        return False
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    determiner = next((c for c in root.children if c.dep_ == "det" and c.i < root.i), None)
    if determiner is None or determiner.lower_.replace("’", "'") not in lex["definite_determiners"]:
        return False
    claims = _claim_heads()
    heads = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
    if any(_base_forms(h.lower_) & claims or any(_base_forms(c.lower_) & claims for c in h.children if c.dep_ == "amod")
           for h in heads):
        return False  # ("a dénoncé le silence et le manque de réaction de X")
    if any(t.lower_ in ("que", "qu'", "qu’") and t.dep_ == "mark" for t in span):
        return False  # ("a dénoncé cette tribune, et notamment que X y prête son nom": a clause is said)
    own = "Poss=Yes" in str(determiner.morph) or determiner.lower_ in ("son", "sa", "ses", "leur", "leurs")
    return not (own and _base_forms(root.lower_) & set(lex["own_claim_heads"]))


def _evaluated(span) -> bool:
    """A noun phrase whose head an adjective of judgement qualifies ('une décision injuste', 'une avancée
    majeure'), not one that only classifies it ('la crise politique', 'le programme nucléaire iranien')."""
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    words, suffixes = _classifying_adjectives()
    demonyms = gazetteer().demonym_country
    judging = _judging_adjectives()
    return any(c.dep_ == "amod" and c.pos_ == "ADJ" and "Part" not in c.morph.get("VerbForm")
               and c.lower_ not in words and c.lower_ not in demonyms
               and (not c.lower_.endswith(suffixes) or _base_forms(c.lower_) & judging)
               for c in root.children)


@functools.cache
def _judging_adjectives() -> frozenset[str]:
    return frozenset(_speaker_words()["judging_adjectives"])


@functools.cache
def _claim_heads() -> frozenset[str]:
    return frozenset(_speaker_words()["claim_heads"])


def _singulars(word: str) -> set[str]:
    """The word and the singular it may be the plural of ('des observateurs', 'ces journaux', 'illégaux'):
    the pipeline runs no lemmatizer, the lexicon lists singulars."""
    forms = {word}
    if word.endswith(("s", "x")) and len(word) > 3:
        forms.add(word[:-1])
    if word.endswith("aux") and len(word) > 4:
        forms.add(word[:-3] + "al")
    return forms


def _base_forms(word: str) -> set[str]:
    """The word and the masculine singular it may be an inflection of ('violences', 'illégaux',
    'arbitraires', 'brutale'), as the lexicon lists them."""
    forms = _singulars(word)
    for form in list(forms):
        if form.endswith("e") and len(form) > 3:
            forms.add(form[:-1])
    return forms


@functools.cache
def _classifying_adjectives() -> tuple[frozenset[str], tuple[str, ...]]:
    lex = _speaker_words()
    return frozenset(lex["classifying_adjectives"]), tuple(lex["classifying_suffixes"])


def _names_only(doc, start: int, end: int, mentions: list[Mention]) -> bool:
    """A span that is names and the words that join them ('l'Union européenne et l'OTAN', 'Vladimir
    Poutine'): what the words are about, not what they say."""
    if doc is None:
        return False
    names = [m for m in mentions if m.kind in ("name", "metonym") and start <= m.start and m.end <= end]
    span = doc.char_span(start, end, alignment_mode="expand")
    if not names or span is None:
        return False
    after_name = False
    for t in span:
        if any(m.start <= t.idx < m.end for m in names):
            after_name = True
            continue
        if t.pos_ in ("DET", "CCONJ", "PUNCT") or t.is_space:
            after_name = after_name and t.pos_ != "DET"
            continue
        if t.pos_ == "ADJ" and after_name:
            continue  # "l'Union européenne": the NER cut the name before its adjective
        return False
    return True


@functools.cache
def _heading_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in load_rules()["heading_patterns"])


def _heading(line: str) -> bool:
    """An intertitle, a bullet headline, a line in capitals or a related-article link: a headline, whose
    unquoted words are no statement."""
    line = line.strip()
    return bool(line) and any(p.fullmatch(line) for p in _heading_patterns())


def _only_quote(text: str, start: int, end: int, quotes: list[Quote]) -> bool:
    """A content that is one quotation, give or take a determiner, preposition, complementizer or
    copula before it ('une « attaque vicieuse »', 'être « impatient »'): its direct row is enough.
    So is a content inside a quotation (the last sentence of a quotation that runs over paragraphs)."""
    for q in quotes:
        if q.start <= start and end <= q.close + 1 and "\n" in text[q.start:q.end]:
            return True
        if q.open >= start - 1 and q.close <= end + 1:
            outside = text[start:q.open] + " " + text[q.close + 1:end]
            words = [w.lower() for w in _WORD.findall(outside)]
            if all(w in _speaker_words()["quote_introducers"] for w in words):
                return True
    # several quotations joined by connectors only ('« X », ainsi que « Y »', '« X » ou encore « Y »')
    inner = [q for q in quotes if q.open >= start - 1 and q.close <= end + 1]
    if len(inner) > 1:
        rest = text[start:end]
        for q in sorted(inner, key=lambda q: -q.open):
            rest = rest[:q.open - start] + " " + rest[q.close + 1 - start:] if q.open >= start else rest
        words = [w.lower() for w in _WORD.findall(rest)]
        return all(w in _speaker_words()["quote_introducers"] or w in ("ainsi", "et", "ou", "encore", "mais", "puis")
                   for w in words)
    return False


def extract_statements(text: str, paragraphs: list[Paragraph], sentences: list[tuple[int, int]],
                       mentions: list[Mention], frames: list[Frame], doc=None) -> list[Statement]:
    """Statement rows of one article; `doc` (the parsed article) lets a quotation no frame reports
    take the subject of the clause that holds it."""
    found = find_quotes(text, paragraphs)
    names = {q.start for q in found if is_name_quote(text, q)}
    quotes = [q for q in found if q.start not in names]
    # the words of a quote that names a thing somewhere in the article name it wherever they are written again
    # ('la colère des « X »' ... 'sur les ronds-points des « X »'); not an intertitle's ('- « Espoir » -') nor a
    # headline's in capitals ('LES « ESPIONS » EXPULSÉS'), which may sum up words someone says in the section
    named = {text[q.start:q.end].lower() for q in found if q.start in names and not _short_line(text, q.start)
             and not text[q.start:q.end].isupper()}
    quoted = [(q.start, q.end) for q in quotes]
    content = [(p.start, p.end) for p in paragraphs if not p.is_boilerplate]
    # a verb of saying inside a quotation is the quoted speaker's, not a frame of the article
    frames = [f for f in frames if _inside(f.cue[0], content)
              and (not _inside(f.cue[0], quoted) or _incise_in_quote(text, f))]
    speakers = {id(f): speaker_mention(text, f, mentions) for f in frames}
    cited_by = _cited_sources(text, frames, speakers, mentions, doc)
    frames = [f for f in frames if _can_speak(text, f, speakers[id(f)])]
    relays = _relay_frames(frames, speakers, sentences, doc)
    echoes = _echo_incises(frames, speakers)
    out: list[Statement] = []
    seen: dict[tuple[int, int], Statement] = {}
    headings = [(p.start, p.end) for p in paragraphs if _heading(p.text)]
    for f in frames:
        if f.negated or id(f) in relays or _inside(f.cue[0], headings):
            continue
        for start, end in f.contents:
            if id(f) in echoes and any(o.cue[0] >= start for o in echoes[id(f)]) and end <= f.cue[0]:
                continue  # "X a affirmé que Y, a-t-il dit": the incise repeats the frame before it, whose rows stand
            body = text[start:end]
            if len(_WORD.findall(body)) < 2 or _only_quote(text, start, end, quotes) \
                    or _topic_only(text, f, start, end, quotes, mentions, doc):
                continue
            if _inside(f.cue[0], quoted) and _inside(start, quoted) and _incise_in_quote(text, f):
                continue  # the quotation's own direct row carries what an incise inside it reports
            st = Statement(start, end, body, "indirect", f, speakers[id(f)])
            twin = seen.get((start, end))
            if twin is not None:  # two frames, one content ("X estime que ..., selon Y"): the named speaker
                if _rank(st) > _rank(twin):
                    out[out.index(twin)] = st
                    seen[(start, end)] = st
                continue
            seen[(start, end)] = st
            out.append(st)
    # "s'est dite inquiète de X": the tagger reads the attribute as a verb of its own ("s'inquiéter"), whose
    # content lies inside the first one's; the words are one statement
    opens = {st.start for st in out}
    out = [st for st in out if not (st.cue.cue[0] in opens and st.cue.cue[0] < st.start)]
    for q in quotes:
        frame = _quote_frame(text, q, frames, relays)
        speaker = speakers.get(id(frame)) if frame is not None else None
        owner = speech_noun_owner(doc, q.start, q.end) if doc is not None else None
        candidate = speaker_mention(text, owner, mentions) if owner is not None else None
        if candidate is not None and candidate.kind in ("name", "role", "metonym") \
                and not _inside(candidate.start, quoted):
            # "X dénonce les déclarations de Y sur le « ... »": Y's words, whoever reports them
            out.append(Statement(q.start, q.end, text[q.start:q.end], "direct", None, candidate))
            continue
        if frame is None and doc is not None:
            clause = clause_subject(doc, q.start, q.end)
            candidate = speaker_mention(text, clause, mentions) if clause is not None else None
            if candidate is not None and candidate.kind in ("name", "role", "metonym") \
                    and not _inside(candidate.start, quoted):
                speaker = candidate
            else:
                governing = _controlling_frame(doc, q, frames, relays)
                if governing is not None and speakers.get(id(governing)) is not None:
                    speaker = speakers[id(governing)]
        out.append(Statement(q.start, q.end, text[q.start:q.end], "direct", frame, speaker))
    out = [st for st in out if not (st.type == "direct" and st.text.lower() in named)]
    _inherit_repeated_quotes(out, doc, text)
    _continue_quotes(text, out, paragraphs, sentences, frames, speakers)
    if doc is not None:
        out += _quoted_predicates(text, out, paragraphs, sentences, frames, doc)
    # a short quote that no frame reports ("le mécanisme de « snapback »", "les « frugaux »") is a
    # label or the article's own scare quote, not speech
    out = [st for st in out if not (st.type == "direct" and st.cue is None and st.speaker is None and (
        len(_WORD.findall(st.text)) <= 4 and _is_label(text, st.start)
        or len(_WORD.findall(st.text)) <= 3 and _qualifier_after_noun(doc, st.start, st.end)
        and not _near_frame(st, frames, sentences) and not _short_line(text, st.start)))]
    # a quoted noun phrase that no frame reports, its determiner left outside the quote, set as the
    # complement of a noun before it ('membre du « conseil de transition »', 'à la veille du « premier vol
    # direct »', 'la crise des « bonnets rouges »') names a thing: a label, whoever the clause's subject is
    # (and so is the same quote written again with no frame: 'pour le « premier vol direct »')
    labels = {st.text.lower() for st in out if st.type == "direct" and st.cue is None
              and len(_WORD.findall(st.text)) <= 4 and _is_label(text, st.start)
              and _noun_complement(doc, st.start, st.end) and not _short_line(text, st.start)
              and not _near_frame(st, frames, sentences) and not _reporting_verb_around(doc, st.start, st.end)}
    out = [st for st in out if not (st.type == "direct" and st.cue is None and st.text.lower() in labels
                                    and not _short_line(text, st.start))]
    for st in out:
        s_start, s_end = sentence_of(sentences, st.start)
        relay = [speakers[id(f)] for f in frames if id(f) in relays and s_start <= f.cue[0] < s_end]
        st.relay = relay[0] if relay else cited_by.get(id(st.cue)) if st.cue is not None else None
        if st.relay is None and st.cue is not None:
            st.relay = _marked_relay(text, st, (s_start, s_end), mentions)
    return sorted(out, key=lambda s: (s.start, s.type))


def _cited_sources(text: str, frames: list[Frame], speakers: dict, mentions: list[Mention], doc) -> dict:
    """'..., a indiqué l'agence Yonhap, citant l'état-major sud-coréen', 'Selon Le Monde, qui cite un
    diplomate, ...': a medium that quotes someone relays; the one it quotes speaks (an unnamed source stays
    unnamed). Replaces such frames' speakers in `speakers`; returns the medium of each, by frame id."""
    relayed: dict[int, Mention] = {}
    if doc is None:
        return relayed
    citing = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_speaker_words()["citing_words"], key=len,
                                                                        reverse=True))
    for f in frames:
        medium = speakers.get(id(f))
        if medium is None or medium.actor_type != MEDIA or f.speaker is None:
            continue
        opening = re.match(rf"\s*,?\s*(?:{citing})\s+", text[f.speaker[1]:f.speaker[1] + 40], re.IGNORECASE)
        if opening is None:
            continue
        start = f.speaker[1] + opening.end()
        stop = re.search(r"[,;:.!?()\n«»\"]", text[start:start + 200])
        end = start + (stop.start() if stop else len(text[start:start + 200]))
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span) or any(s <= start < e for s, e in f.contents):
            continue
        # the phrase's head: a noun whose own head lies outside it (the parser may split "état-major"),
        # past a day or an adverb before it ("qui citait vendredi un haut responsable")
        skip = set(load_rules()["frames"]["time_nouns"])
        lead = 0
        while lead < len(span) and (span[lead].pos_ == "ADV" or span[lead].lower_ in skip):
            lead += 1
        if lead:
            span = span[lead:]
            start = span.start_char if len(span) else end
        nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
        heads = [t for t in nouns if not span.start <= t.head.i < span.end] or nouns
        if not heads:
            continue
        cited = Frame(f.kind, f.lemma, f.cue, (start, end), heads[0].idx)
        source = speaker_mention(text, cited, mentions)
        if source is None or source.actor_type == MEDIA or not _can_speak(text, cited, source):
            continue
        f.speaker, f.speaker_head = cited.speaker, cited.speaker_head
        speakers[id(f)] = source
        relayed[id(f)] = medium
    return relayed


@functools.cache
def _relay_marker_pattern() -> re.Pattern:
    """A relay marker ('cité par', 'dans un entretien au', 'à') and the few words between it and the
    medium ('l'agence', 'la chaîne publique'), up to the end of the text before the medium."""
    markers = load_rules()["relay_markers"]

    def alternation(words):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:\b(?P<strong>{alternation(markers['strong'])})|\b(?P<weak>{alternation(markers['weak'])}))"
                      r"(?P<gap>(?:\s+[\w'’-]+){0,3}?)\s*$", re.IGNORECASE)


def _marked_relay(text: str, st: Statement, sentence: tuple[int, int], mentions: list[Mention]) -> Mention | None:
    """'a déclaré X, cité par l'agence KCNA', 'Interrogé par la chaîne ARD, X a estimé', 'a déclaré X à la
    chaîne CNN': a medium its sentence introduces as the channel of the words relays them; the speaker
    stays (the article's own agency relays nothing: 'a déclaré X à l'AFP')."""
    if st.cue.kind == "source":
        return None
    markers = load_rules()["relay_markers"]
    own = {w.lower() for w in markers["own_media"]}
    speaker_start = st.speaker.start if st.speaker is not None else None
    contents = [(st.start, st.end), *st.cue.contents]
    for m in mentions:
        if m.actor_type == COUNTRY or m.kind != "name" or not sentence[0] <= m.start < sentence[1] \
                or m.start == speaker_start or _inside(m.start, contents):
            continue
        if re.sub(r"^(?:l['’]|la\s|le\s)", "", m.text.strip().lower()) in own:
            continue
        found = _relay_marker_pattern().search(text[max(sentence[0], m.start - 80):m.start])
        if found is None:
            continue
        gap = [w.lower().split("'")[-1].split("’")[-1] for w in _WORD.findall(found.group("gap"))]
        lex = _speaker_words()
        if any(w[:1].isupper() for w in _WORD.findall(found.group("gap"))):
            continue  # another name between the marker and the medium
        if gap and not any(w in lex["media_heads"] for w in gap) and (found.group("weak") or m.actor_type != MEDIA):
            continue  # "à la frontière Le Monde": no medium after a bare preposition
        if m.actor_type != MEDIA and not (gap and gap[-1] in lex["media_heads"]):
            continue  # a name the gazetteer does not know as a medium: right after a noun for media
            # ("la chaîne ARD", "le quotidien Helsingin Sanomat")
        return m
    return None


def _near_frame(st: Statement, frames: list[Frame], sentences: list[tuple[int, int]]) -> bool:
    """A frame's cue in the statement's sentence ('une mesure « aveugle » selon lui')."""
    s_start, s_end = sentence_of(sentences, st.start)
    return any(s_start <= f.cue[0] < s_end for f in frames)


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line of the text that holds [start, end)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _short_line(text: str, pos: int) -> bool:
    """A line of a few words: an intertitle ('Consultations « intenses »'), which quotes a speaker."""
    start, end = _line_around(text, pos, pos)
    return len(_WORD.findall(text[start:end])) <= 6


def _noun_complement(doc, start: int, end: int) -> bool:
    """A quoted noun phrase without its determiner that complements a noun written before it ('le
    mécanisme de « retour rapide »', 'la veille du « grand oral »'), not a noun of speech or intent ('un
    appel au « sursaut »', 'sa volonté de « rupture »')."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return False
    root, head = span.root, span.root.head
    words = _speaker_words()
    governing = {*load_rules()["speech_nouns"], *words["own_claim_heads"], *words["claim_heads"]}
    return root.pos_ in ("NOUN", "PROPN") and root.dep_ == "nmod" and span[0].pos_ != "DET" \
        and head.i < span.start and head.pos_ in ("NOUN", "PROPN") and not _singulars(head.lower_) & governing \
        and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _reporting_verb_around(doc, start: int, end: int) -> bool:
    """A verb of saying after the quotation in its sentence, even one no frame was built on ('la France
    est animée par le « volontarisme », a-t-il par ailleurs affirmé à la radio'): the sentence may be
    the speaker's words."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return False
    forms = cue_lexicon()[0]
    return any(t.pos_ in ("VERB", "AUX") and t.lower_ in forms and not forms[t.lower_].adjective
               for t in span[0].sent if t.idx >= end)


def _qualifier_after_noun(doc, start: int, end: int) -> bool:
    """'les pays « frugaux »', 'les derniers mois « utiles »': a quoted adjective the narrator sets after a
    noun, a scare quote and no one's words."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None:
        return False
    inside = [t for t in span if t.idx >= start and not t.is_punct]
    before = [t for t in doc[max(0, span.start - 40):span.start]
              if t.idx + len(t) <= start and not t.is_punct and t.idx >= start - 40]
    if not inside or not before or before[-1].pos_ != "NOUN":
        return False
    # ('la journée « marathon »', 'un projet « pilote »': one lower-case noun set after a noun, an apposition; not
    # after a verb of saying nor before an incise, where it may be an adjective the tagger took for a noun: 'a
    # dénoncé des propos « diffamatoires »')
    if len(inside) == 1 and inside[0].pos_ == "NOUN" and inside[0].text[:1].islower():
        forms = cue_lexicon()[0]
        return not any(t.pos_ in ("VERB", "AUX") and t.lower_ in forms and t.idx < start for t in span[0].sent) \
            and not _reporting_verb_around(doc, start, end)
    return all(t.pos_ in ("ADJ", "ADV", "CCONJ") for t in inside) and inside[0].pos_ == "ADJ"


_SHARE = re.compile(r"\s*\d[\d,.]*\s?(?:%|pour ?cent\b)", re.IGNORECASE)


def drop_repeated_quotes(text: str, statements: list[Statement]) -> list[Statement]:
    """A quoted segment repeated in one article (the lead and the body quote the same words) is one
    statement: the first whose speaker is known, else the first. The same words said by two
    different speakers stay two, and an intertitle (a line that is only the quote) is a row of its own."""
    # each statement's words and intertitle test, computed once: the search for a twin compares a
    # statement with every one kept before it (quadratic calls, a regex each)
    word_cache: dict[int, str] = {}
    intertitle_cache: dict[int, bool] = {}

    def words(st: Statement) -> str:
        if id(st) not in word_cache:
            word_cache[id(st)] = " ".join(re.findall(r"\w+", st.text.lower()))
        return word_cache[id(st)]

    def intertitle(st: Statement) -> bool:
        if id(st) not in intertitle_cache:
            line_start, line_end = _line_around(text, st.start, st.end)
            intertitle_cache[id(st)] = not re.search(r"\w", text[line_start:st.start] + text[st.end:line_end])
        return intertitle_cache[id(st)]

    def who(st: Statement) -> int | None:
        return st.speaker.entity if st.speaker is not None else None

    kept: list[Statement] = []
    for st in statements:
        if st.type != "direct" or intertitle(st):
            kept.append(st)
            continue
        twin = next((k for k in kept if k.type == "direct" and not intertitle(k) and words(k) == words(st)
                     and (who(k) is None or who(st) is None or who(k) == who(st))), None)
        if twin is None:
            kept.append(st)
        elif who(twin) is None and who(st) is not None:
            kept[kept.index(twin)] = st
    return kept


def _can_speak(text: str, frame: Frame, speaker: Mention | None) -> bool:
    """A subject that is a name, a role, a pronoun or a noun for people or bodies can say something;
    'la crise menace de s'étendre' reports nothing."""
    if frame.speaker is not None and _SHARE.match(text[frame.speaker[0]:frame.speaker[1]]):
        return False  # "55 % des Français souhaitent que": a poll's figure, reported by the poll
    if speaker is None or speaker.kind != "description" or speaker.joint:
        return True
    start, end = frame.speaker
    words = re.findall(r"[\w'’-]+", text[start:end])
    if any(w[:1].isupper() for w in words[1:]):
        return True
    # a name after an elision: an acronym after "l'" ("l'OSDH"), a capitalised complement after "d'" ("le
    # département d'Etat"); not a demonym ("l'Espagnol": a role the resolution reads; "des milliers
    # d'Israéliens": a crowd, whose own rule decides)
    demonyms = gazetteer().demonym_country
    if any((re.match(r"[lL]['’]", w) and len(w) > 3 and w[2:].isupper()
            or i > 0 and re.match(r"d['’]", w) and w[2:3].isupper()) and w[2:].lower() not in demonyms
           for i, w in enumerate(words)):
        return True
    head = _word_at(text, frame.speaker_head if frame.speaker_head is not None else start).lower()
    head = head.split("'")[-1].split("’")[-1]
    lex = _speaker_words()
    quantities = _quantity_words()
    if head in lex["indefinite_pronouns"] or head in quantities:
        # "un de ses proches", "l'un des négociateurs", "des milliers de manifestants": the noun after
        nouns = [w.lower().split("'")[-1].split("’")[-1] for w in words[1:]
                 if w.lower() not in ("de", "des", "d'", "ses", "leurs", "entre")]
        # ("nombre des dix-sept personnes": the count is no noun of people)
        nouns = [w for w in nouns if w not in quantities and not w[:1].isdigit()
                 and w.split("-")[0] not in _number_words()]
        if nouns and nouns[0] in ("eux", "elles", "nous", "vous"):
            return True  # "l'un d'eux", "l'une d'entre elles": one of the people just named
        head = nouns[0] if nouns else head
    singular = head[:-1] if head.endswith(("s", "x")) and len(head) > 3 else head  # "des observateurs"
    return any(h in lex["human_heads"] or h in lex["trade_heads"] or h in lex["unnamed_heads"]
               or h in lex["issuer_heads"] or h in lex["media_heads"] or h in _role_words()
               for h in _singulars(head)) or _adherent(singular)


def _adherent(word: str) -> bool:
    """A noun in -iste names someone by a cause, a creed or a trade ('les écologistes', 'l'ancien
    socialiste', 'un islamiste'); the length keeps out 'liste' and 'piste'."""
    return len(word) >= 7 and word.endswith("iste")


@functools.cache
def _number_words() -> frozenset[str]:
    """Number words ('douze', the 'dix' of 'dix-sept'): a count before the people a phrase names."""
    return frozenset(load_rules()["frames"]["number_words"])


@functools.cache
def _quantity_words() -> frozenset[str]:
    """Nouns of quantity ('milliers', 'dizaines'): a speaker phrase they head names the people after them."""
    return frozenset(load_rules()["frames"]["quantity_nouns"])


@functools.cache
def _role_words() -> frozenset[str]:
    from .gazetteer import role_heads
    words = load_rules()["role_words"]
    return frozenset({h.lower() for h in role_heads()} | {h.lower() for h in words["generic_heads"]}
                     | {h.lower() for h in words["institution_heads"]} | {h.lower() for h in words["government_heads"]})


def _incise_in_quote(text: str, frame: Frame) -> bool:
    """'« Cette loi, affirme le député X, ne passera pas »': an incise set in a quotation between
    commas is the article's attribution, not words of the quotation."""
    if frame.kind != "incise" or frame.speaker is None:
        return False
    # ('« Nous travaillons dur, dit-elle. Mais il faut rouvrir »': a clitic speaker may end the sentence)
    after = (",", ".") if text[frame.speaker[0]:frame.speaker[1]].startswith("-") else (",",)
    return text[:frame.cue[0]].rstrip().endswith(",") and text[frame.speaker[1]:].lstrip().startswith(after)


def _rank(st: Statement) -> int:
    sp = st.speaker
    if sp is None:
        return 0
    if sp.kind == "description":
        return 1
    return 3 if sp.kind == "name" else 2


def _relay_frames(frames: list[Frame], speakers: dict, sentences, doc=None) -> set[int]:
    """Frames whose speaker is a medium relaying someone else's words in the same sentence
    ('..., a rapporté l'agence Tass' beside 'X a déclaré')."""
    relay_lemmas = set(load_rules()["relay_verbs"])
    out = set()
    for f in frames:
        sp = speakers.get(id(f))
        if f.kind == "source" or f.lemma in relay_lemmas:
            # "« ... », a demandé X, selon Y", "X se vante de ..., rapporte Y": the cue inside the words the
            # source reports is the speaker's; the source relays them
            # (not an unnamed crowd: "selon un sondage, une majorité de Français souhaite que" is the poll's)
            inner = [o for o in frames if o is not f and not o.negated and o.kind != "source"
                     and speakers.get(id(o)) is not None and speakers[id(o)].kind != "description"
                     and any(s <= o.cue[0] < e for s, e in f.contents) and not _relative_cue(doc, o)]
            if inner:
                out.add(id(f))
                continue
        if sp is None or not (sp.actor_type == MEDIA or f.lemma in relay_lemmas):
            continue
        sentence = sentence_of(sentences, f.cue[0])
        # (a speaker of the words the medium reports: not one of another clause of its sentence)
        others = [o for o in frames if o is not f and sentence[0] <= o.cue[0] < sentence[1] and not o.negated
                  and speakers.get(id(o)) is not None and speakers[id(o)].actor_type != MEDIA
                  and any(s <= o.cue[0] < e or s <= o.speaker[0] < e for s, e in f.contents if o.speaker)]
        if others:
            out.add(id(f))
    return out


def _echo_incises(frames: list[Frame], speakers: dict) -> dict[int, list[Frame]]:
    """'X a affirmé qu'« ... », a-t-il dit': an incise with a clitic subject after a clause that is itself a
    frame with a speaker of its own, which reports the same words up to the incise: the incise only repeats
    that the subject said them (its 'il' is that subject); its content is no statement of its own."""
    out: dict[int, list[Frame]] = {}
    for f in frames:
        sp = speakers.get(id(f))
        if f.kind != "incise" or f.negated or sp is None or sp.kind != "pronoun" or not f.contents:
            continue
        start, end = f.contents[0]
        inner = [o for o in frames if o is not f and o.kind == "canonical" and not o.negated
                 and speakers.get(id(o)) is not None and speakers[id(o)].kind != "description"
                 and start <= o.cue[0] < end and start <= speakers[id(o)].start < end
                 and any(end - 3 <= e <= end + 3 for _s, e in o.contents)]
        if inner:
            out[id(f)] = inner
    return out


def _relative_cue(doc, frame: Frame) -> bool:
    """'ce qu'il a appelé l'accord « à moitié vivant »': a cue in a relative clause names, it does not report
    the clause around it."""
    if doc is None:
        return False
    span = doc.char_span(frame.cue[0], frame.cue[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span.root
    return verb.dep_ in ("acl:relcl", "acl") or any(
        c.dep_ in ("obj", "nsubj", "obl") and c.lower_ in ("qu'", "qu’", "que", "dont", "où") and c.i < verb.i
        for c in verb.children)


def _quote_frame(text: str, q: Quote, frames: list[Frame], relays: set[int]) -> Frame | None:
    """The frame that reports a quotation: one whose content holds it, an incise right after it,
    a cue and a colon right before it."""
    usable = [f for f in frames if id(f) not in relays and not f.negated]
    holding = [f for f in usable if any(s <= q.start and q.end <= e + 1 for s, e in f.contents)]
    if holding:  # the innermost content wins ("X a dit que Y a affirmé « ... »"), a verb before a colon
        return min(holding, key=lambda f: (min(e - s for s, e in f.contents if s <= q.start and q.end <= e + 1),
                                           f.kind == "colon"))
    after = [f for f in usable if f.kind == "incise" and 0 <= f.cue[0] - q.close <= 4]
    if after:
        return after[0]
    inside = [f for f in usable if q.start < f.cue[0] < q.end and _incise_in_quote(text, f)]
    if inside:  # "« Cette loi, affirme le député X, ne passera pas »"
        return inside[0]
    colon = re.search(r":\s*$", text[max(0, q.open - 4):q.open])
    if colon:  # "X a déclaré devant la presse : « ... »"
        before = [f for f in usable if f.cue[1] <= q.open and q.open - f.cue[1] <= 120
                  and ":" in text[f.cue[1]:q.open] and not any(s < q.open for s, e in f.contents if s > f.cue[1])]
        if before:
            return before[-1]
    return None


def _controlling_frame(doc, q: Quote, frames: list[Frame], relays: set[int]) -> Frame | None:
    """'..., a déclaré X, allant jusqu'à qualifier Y de « Z »', '..., a dit X, qualifiant Y de « Z »': a
    quotation inside an infinitive or a present participle the verb of saying governs takes that verb's
    speaker, the subject an infinitive or a participle adjunct shares with its governor (read through the
    frame, which knows an inverted subject the parser may have taken for an object)."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    usable = [f for f in frames if id(f) not in relays and not f.negated]
    token, crossed = span.root, False
    for _ in range(8):
        if token.head.i == token.i:
            return None
        child, token = token, token.head
        if q.start <= token.idx < q.end:
            continue
        if token.pos_ not in ("VERB", "AUX"):
            continue
        reporting = next((f for f in usable if f.cue[0] <= token.idx < f.cue[1]), None)  # (the cue spans its auxiliaries)
        if crossed and reporting is not None:
            return reporting
        forms = token.morph.get("VerbForm")
        nonfinite = "Inf" in forms or ("Part" in forms and "Pres" in token.morph.get("Tense"))
        if not nonfinite or token.dep_ not in ("xcomp", "advcl", "acl") or child.dep_ == "nsubj":
            return None
        crossed = True
    return None


def _continue_quotes(text: str, statements: list[Statement], paragraphs: list[Paragraph], sentences,
                     frames: list[Frame], speakers: dict) -> None:
    """«...», a dit X. «...»: a quote opening the next sentence of the same paragraph, with no frame of
    its own, goes on with the previous quote's speaker. So it does after a sentence whose frame
    reported no quotation ("Pas du tout, rétorque X. «...»", "X a assuré que ... . «...»"): the
    speaker just named goes on."""
    ordered = sorted(statements, key=lambda st: st.start)
    content = [p for p in paragraphs if not p.is_boilerplate]

    def paragraph(pos: int) -> int | None:
        return next((i for i, p in enumerate(content) if p.start <= pos < p.end), None)

    for previous, st in zip(ordered, ordered[1:]):
        if st.speaker is not None or st.cue is not None or st.type != "direct" or previous.type != "direct":
            continue
        if previous.speaker is None or st.start - previous.end > 300:
            continue
        here, there = paragraph(st.start), paragraph(previous.start)
        opens_sentence = sentence_of(sentences, st.start)[0] >= st.start - 2
        # a paragraph that opens with a quotation goes on with the quotation that ended the one before
        opens_paragraph = here is not None and st.start - content[here].start <= 2
        if opens_sentence and here is not None and there is not None and (
                here == there or here == there + 1 and opens_paragraph):
            st.speaker, st.cue = previous.speaker, previous.cue
    # « ... \n\n« ... », a-t-il conclu: a quotation reopened at each paragraph, attributed only in its last
    # part, is that speaker's from its first paragraph on
    for st, following in reversed(list(zip(ordered, ordered[1:]))):
        if st.speaker is not None or st.cue is not None or st.type != "direct" or following.type != "direct" \
                or following.speaker is None:
            continue
        here, there = paragraph(st.start), paragraph(following.start)
        if here is not None and there == here + 1 and following.start - content[there].start <= 2 \
                and not text[st.end:content[here].end].strip():
            st.speaker, st.cue = following.speaker, following.cue
    quoted = [(st.start, st.end) for st in statements if st.type == "direct"]
    for st in ordered:
        if st.speaker is not None or st.cue is not None or st.type != "direct":
            continue
        sentence = sentence_of(sentences, st.start)
        before = max((s for s in sentences if s[1] <= sentence[0]), default=None)
        if sentence[0] < st.start - 2 or before is None:
            continue
        here = paragraph(st.start)
        if here is None or paragraph(before[0]) != here:
            continue
        # the last frame of the sentence before, with a speaker, that held no quotation itself
        # (a medium that reports passes on someone else's words: not the next quote's speaker)
        reporting = [f for f in frames if before[0] <= f.cue[0] < before[1] and not f.negated
                     and speakers.get(id(f)) is not None and speakers[id(f)].actor_type != MEDIA]
        if not reporting:
            continue
        frame = max(reporting, key=lambda f: f.cue[0])
        if any(before[0] <= s < before[1] for s, _ in quoted):
            continue  # the sentence before quoted someone: the rule above decides
        st.speaker, st.cue = speakers[id(frame)], frame


def _quoted_predicates(text: str, statements: list[Statement], paragraphs: list[Paragraph], sentences,
                       frames: list[Frame], doc) -> list[Statement]:
    """'X a dit ... . La Lituanie « serait heureuse de ... ».': a sentence with no frame whose main verb
    is quoted after its subject reports speech as a whole. Its indirect row (subject and quotation)
    goes to the speaker of the sentence before in the paragraph, who goes on speaking, and so does
    the quotation unless a person is its subject; with no speaker before, to a subject that can speak."""
    out = []
    content = [p for p in paragraphs if not p.is_boilerplate]
    cues = [f.cue[0] for f in frames]
    for st in [s for s in statements if s.type == "direct"]:
        s_start, s_end = sentence_of(sentences, st.start)
        if any(s_start <= c < s_end for c in cues) or st.start - s_start < 3:
            continue
        span = doc.char_span(st.start, st.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span[0].sent.root
        if not st.start <= root.idx < st.end or "Fin" not in root.morph.get("VerbForm") and not any(
                c.dep_.startswith(("aux", "cop")) and c.idx >= st.start for c in root.children):
            continue
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass") and c.idx < st.start), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.left_edge.idx < s_start:
            continue
        before = text[s_start:subject.left_edge.idx]
        if _WORD.findall(before) and not all(w.lower() in ("et", "mais", "or", "donc", "ainsi", "aussi")
                                             for w in _WORD.findall(before)):
            continue  # "Selon X, Y « ... »", "Dans ce cas, Y « ... »": another frame or an adjunct leads
        paragraph = next((p for p in content if p.start <= st.start < p.end), None)
        earlier = [s for s in statements if s.speaker is not None and paragraph is not None
                   and paragraph.start <= s.start and s.end <= s_start]
        speaker = earlier[-1].speaker if earlier and max(e.end for e in earlier) >= s_start - 300 else None
        if speaker is not None and not (st.speaker is not None and st.speaker.actor_type == PERSON
                                        and st.speaker.kind == "name"):
            st.speaker, st.cue = speaker, earlier[-1].cue
        if st.speaker is None:
            continue
        closing = re.match(r"\s?[»”\"]", text[st.end:st.end + 2])
        end = st.end + closing.end() if closing else st.end
        start = subject.left_edge.idx
        out.append(Statement(start, end, text[start:end], "indirect", st.cue, st.speaker))
    return out


def _inherit_repeated_quotes(statements: list[Statement], doc=None, text: str | None = None) -> None:
    """A headline quote with no attribution repeats words quoted, with a speaker, in the body. A short
    verbless quote repeats a speaker's words only when they were quoted inside what a frame reports
    ('a jugé l'alliance en état de « mort cérébrale »'); else it is a label. An intertitle (a quote alone
    on its line) may sum up the words of the section it opens ('- « Non négociable » -' over '« dont le
    droit d'exister n'est pas négociable », a dit X'): the first quote of the section that holds all its
    content words gives its speaker."""
    attributed = [s for s in statements if s.speaker is not None]
    for st in statements:
        if st.speaker is None and st.type == "direct" and len(st.text) > 3:
            source = next((s for s in attributed if s is not st and st.text.lower() in s.text.lower()), None)
            if source is not None and _short_label(st, doc) and not _in_frame_content(source):
                continue
            if source is None and text is not None and _alone_on_its_line(text, st):
                words = _content_words(st.text)
                section_end = next((s.start for s in statements if s.start > st.end and s.type == "direct"
                                    and _alone_on_its_line(text, s)), len(text))
                source = next((s for s in sorted(attributed, key=lambda s: s.start)
                               if st.end < s.start < section_end and s.type == "direct"
                               and words and words <= _content_words(s.text)), None)
            if source is not None:
                st.speaker, st.cue = source.speaker, source.cue


def _alone_on_its_line(text: str, st: Statement) -> bool:
    line_start = text.rfind("\n", 0, st.start) + 1
    line_end = text.find("\n", st.end)
    line = text[line_start:len(text) if line_end == -1 else line_end]
    return not line.replace(st.text, "", 1).strip(" \t-–—«»\"“”:.")


def _content_words(words: str) -> frozenset[str]:
    """Lower-case words without accents, a plural s or the grammatical words ('Erreurs du côté' -> erreur, cote)."""
    plain = unicodedata.normalize("NFD", words.lower())
    plain = "".join(c for c in plain if unicodedata.category(c) != "Mn")
    return frozenset(w[:-1] if len(w) > 4 and w.endswith("s") else w
                     for w in re.findall(r"[a-z]+", plain) if len(w) > 3 or w.isdigit())


def _short_label(st: Statement, doc) -> bool:
    if doc is None or len(_WORD.findall(st.text)) > 3:
        return False
    span = doc.char_span(st.start, st.end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _in_frame_content(st: Statement) -> bool:
    """A quote that stands inside what its frame reports (not one that took a speaker from the sentences
    around it)."""
    return st.cue is not None and any(s <= st.start + 1 and st.end <= e + 1 for s, e in st.cue.contents)
