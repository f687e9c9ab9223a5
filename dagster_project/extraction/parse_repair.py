"""Repairs of the dependency parse where French news syntax reliably misleads the parser.

"Paris a de son côté appelé à ...", "X a quant à elle, dans une vidéo, qualifié ...": an adverbial phrase
between the auxiliary and the participle makes the French model hang the participle on that phrase (or
take the auxiliary for the main verb), so no frame finds the verb, its subject or its complement. The
phrase is a known insert (data in the lexicon) or a comma-delimited aside; the repair puts the
participle back at the head of its clause, with the auxiliary, the subject and the insert under it.
"""
from __future__ import annotations

import functools

from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Token

from .rules import load_rules

# the inverted subject clitics a verb group holds after its verb ("a-t-il", "ajoute-t-elle"; the tokenizer
# splits "-t" off or keeps "-t-il" whole)
INVERTED_CLITICS = frozenset({"-t", "-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on"})
MAX_ASIDE = 15  # tokens of a comma-delimited aside between the auxiliary and the participle


@functools.cache
def _words() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    rules = load_rules()["parse_repair"]
    inserts = tuple(sorted((tuple(p.lower().split()) for p in rules["inserts"]), key=len, reverse=True))
    return frozenset(a.lower() for a in rules["auxiliaries"]), inserts


def _skip_inserts(doc: Doc, i: int, end: int) -> int:
    """The index after the inserts and asides that start at i (i itself when none does)."""
    _, inserts = _words()
    while i < end:
        lows = [t.lower_ for t in doc[i:min(end, i + 4)]]
        found = next((p for p in inserts if tuple(lows[:len(p)]) == p), None)
        if found is not None:
            i += len(found)
            continue
        if doc[i].text == ",":
            close = next((k for k in range(i + 1, min(end, i + MAX_ASIDE + 2)) if doc[k].text == ","), None)
            if close is not None and close > i + 1:
                i = close + 1
                continue
        break
    return i


def _climbs_to(token: Token, verb: Token, inside: set[int]) -> bool:
    """'a-t-il par ailleurs affirmé' read as 'a' under '-t' under 'affirmé': the auxiliary reaches the
    participle through words of the group only."""
    for _ in range(len(inside) + 1):
        token = token.head
        if token == verb:
            return True
        if token.i not in inside:
            return False
    return False


def _is_participle(token: Token) -> bool:
    return "Part" in token.morph.get("VerbForm") and token.pos_ in ("VERB", "AUX", "ADJ")


def _is_tree(heads: dict[int, int]) -> bool:
    """One root (its own head), every token reaching it without a cycle."""
    roots = [i for i, h in heads.items() if i == h]
    if len(roots) != 1:
        return False
    for i in heads:
        seen = 0
        while heads[i] != i:
            i = heads[i]
            seen += 1
            if seen > len(heads) or i not in heads:
                return False
    return True


def repair_inserted_adverbials(doc: Doc) -> int:
    """Re-head the clauses where an insert splits auxiliary and participle; returns how many."""
    auxiliaries, _ = _words()
    changes: list[tuple[dict[int, int], dict[str, str]]] = []
    for sent in doc.sents:
        for aux in sent:
            if aux.lower_ not in auxiliaries:
                continue
            # ("a-t-il par ailleurs affirmé": the subject pronoun the auxiliary inverts comes before the insert)
            first = aux.i + 1
            while first < sent.end and doc[first].lower_ in INVERTED_CLITICS:
                first += 1
            clitics = set(range(aux.i + 1, first))
            j = _skip_inserts(doc, first, sent.end)
            if j == first or j >= sent.end:
                continue
            verb = doc[j]
            if not _is_participle(verb):
                continue
            inside = set(range(aux.i + 1, j))
            attached = aux.head == verb or bool(clitics) and _climbs_to(aux, verb, inside)
            if attached and not any(doc[k].head == verb and doc[k].dep_.startswith(("nsubj", "obj"))
                                    for k in inside - clitics) \
                    and all(doc[k].head == verb for k in clitics):
                continue  # a parse that reads the clause right
            if not attached and verb.head.i not in inside and verb.head != aux:
                continue  # the parser read the participle under something else: not this misreading
            # the participle takes the auxiliary's place in the tree ("Anton Berg a de son côté annoncé":
            # or keeps it, with the insert read as its subject); the auxiliary, the words hung on it and
            # the insert's heads go under the participle
            heads = {t.i: t.head.i for t in sent}
            deps: dict[int, str] = {}
            if not attached:
                # (the auxiliary hung on its own inverted pronoun, "a-t-il par ailleurs": the participle
                # takes the place of the word of the group the rest of the sentence holds)
                top, steps = aux, 0
                while top.head.i in inside and top.head != top and steps < len(inside):
                    top, steps = top.head, steps + 1
                root = top.head == top
                heads[verb.i] = verb.i if root else top.head.i
                deps[verb.i] = "ROOT" if root else top.dep_ if top.dep_ != "punct" else "parataxis"
            for child in aux.children:
                if child != verb:
                    heads[child.i] = verb.i
            for k in sorted(inside - clitics):
                if heads[k] not in inside or heads[k] in clitics:
                    heads[k] = verb.i
                    if doc[k].dep_ == "ROOT" or doc[k].dep_.startswith(("nsubj", "obj", "acl")):
                        deps[k] = "obl:mod" if doc[k].pos_ in ("NOUN", "PROPN", "PRON") else "advmod"
            for k in clitics:  # "-t" is no word of its own; "-il" is the participle's subject
                heads[k], deps[k] = verb.i, "expl:subj" if doc[k].lower_ == "-t" else "nsubj"
            heads[aux.i], deps[aux.i] = verb.i, "aux:tense"
            if not _is_tree(heads):
                continue  # (a misreading of another shape: leave the parser's tree)
            changes.append(({i: h for i, h in heads.items() if doc[i].head.i != h}, deps))
    if changes:
        _write(doc, changes)
    return len(changes)


def _write(doc: Doc, changes) -> None:
    """All new heads at once (setting Token.head one by one walks the tree through half-made states).
    Every change stays inside its sentence, whose one root keeps the sentence's words under it: the
    sentence starts the heads imply are those rule_sentences set."""
    values = doc.to_array([HEAD, DEP])  # uint64: a head is an offset, negative ones wrap around
    for heads, deps in changes:
        for i, h in heads.items():
            values[i, 0] = (h - i) % 2**64
        for i, dep in deps.items():
            values[i, 1] = doc.vocab.strings.add(dep)
    doc.from_array([HEAD, DEP], values)


@Language.factory("insert_repair", requires=["token.dep", "token.head", "token.morph"],
                  assigns=["token.dep", "token.head"])
def insert_repair(nlp: Language, name: str):
    """Puts back at the head of its clause a participle an inserted phrase split from its auxiliary."""

    def component(doc: Doc) -> Doc:
        repair_inserted_adverbials(doc)
        return doc

    return component
