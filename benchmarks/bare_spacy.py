"""The limit: bare ``nlp.pipe`` of the pipeline's spaCy model over the texts of a warehouse.

    python benchmarks/bare_spacy.py WAREHOUSE.duckdb [--n-process 2] [--batch-size 16] [--exclude-source FILE]

Reads ``raw.articles.text`` in article_id order (the order the NLP asset parses them), loads the
model exactly as the pipeline does (``dagster_project.extraction.pipeline.load_nlp()``), runs
``nlp.pipe`` over every text and prints one JSON object: model load time, pipe time, articles,
tokens, articles/s and tokens/s (pipe time only). No row extraction, no database writes.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse")
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--exclude-source", default=None,
                        help="leave out the articles read from this input file name (the incremental batch)")
    args = parser.parse_args()

    import duckdb

    con = duckdb.connect(args.warehouse, read_only=True)
    sql = "select text from raw.articles"
    params: list = []
    if args.exclude_source:
        sql += " where source_path not like ?"
        params.append(f"%/{args.exclude_source}")
    texts = [row[0] for row in con.execute(sql + " order by article_id", params).fetchall()]
    con.close()

    from dagster_project.extraction.pipeline import load_nlp

    started = time.monotonic()
    nlp = load_nlp()
    load_s = time.monotonic() - started

    # the model and its sentence and date rules, not the extraction's own frame components: the
    # frames are rule work, which the end-to-end figure must pay for and bare spaCy does not do
    extraction = [name for name in ("reporting_frames", "meeting_frames") if name in nlp.pipe_names]
    self_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.monotonic()
    tokens = 0
    with nlp.select_pipes(disable=extraction):
        for doc in nlp.pipe(texts, n_process=args.n_process, batch_size=args.batch_size):
            tokens += len(doc)
    pipe_s = time.monotonic() - started
    multiprocessing.active_children()  # reap the spaCy workers so their CPU time is counted
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu_s = sum(u.ru_utime + u.ru_stime for u in usage)
    pipe_cpu_s = cpu_s - (self_before.ru_utime + self_before.ru_stime)  # the workers start inside the pipe
    print(json.dumps({
        "articles": len(texts),
        "chars": sum(len(t) for t in texts),
        "tokens": tokens,
        "n_process": args.n_process,
        "batch_size": args.batch_size,
        "model_load_s": round(load_s, 2),
        "pipe_s": round(pipe_s, 2),
        "articles_per_s": round(len(texts) / pipe_s, 2) if pipe_s else None,
        "tokens_per_s": round(tokens / pipe_s, 1) if pipe_s else None,
        # CPU seconds of this process and its workers, model load and text fetch included
        "cpu_s": round(cpu_s, 1),
        "pipe_cpu_s": round(pipe_cpu_s, 1),
    }))


if __name__ == "__main__":
    main()
