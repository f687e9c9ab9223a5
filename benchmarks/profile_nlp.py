"""Where the NLP stage's time goes, per article: spaCy, the rule extraction, the DuckDB writes, resolution.

    .venv/bin/python benchmarks/profile_nlp.py WAREHOUSE.duckdb [--n 200] [--cprofile rows|resolution]

On one core, over the first N articles of a built warehouse (e.g. benchmarks/run.py --workdir ...):
``nlp(text)`` (the spaCy model with the project's components), ``rows_from_doc`` (mentions,
statements, meetings: pure Python, run in the main process even when spaCy uses n_process=2), and
``write_batch`` (the rows into a scratch copy of the nlp tables). Then ``resolve_corpus`` on the
first 1/4, 1/2 and all of the warehouse's articles, to show how it grows. Prints JSON.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--cprofile", choices=["rows", "resolution"], help="print the top functions of one part")
    args = parser.parse_args()

    import duckdb

    from dagster_project.extraction import resolution
    from dagster_project.extraction.pipeline import load_nlp, rows_from_doc
    from dagster_project.incremental.extract import write_batch
    from dagster_project.storage.tables import fetch_dicts

    con = duckdb.connect(args.warehouse, read_only=True)
    articles = fetch_dicts(con, "select article_id, text, published_date from raw.articles order by article_id limit ?",
                           [args.n])
    entities = fetch_dicts(con, "select * from nlp.entities order by article_id, entity_idx")
    mentions = fetch_dicts(con, "select * from nlp.meeting_mentions order by article_id, meeting_idx")
    published = {r["article_id"]: r["published_date"]
                 for r in fetch_dicts(con, "select article_id, published_date from raw.articles")}
    con.close()

    nlp = load_nlp()
    docs, t_spacy = [], 0.0
    for a in articles:
        started = time.perf_counter()
        docs.append(nlp(a["text"]))
        t_spacy += time.perf_counter() - started
    profiler = cProfile.Profile() if args.cprofile == "rows" else None
    parsed, t_rows = {}, 0.0
    for a, doc in zip(articles, docs):
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        parsed[a["article_id"]] = rows_from_doc(doc, a["article_id"], a["published_date"])
        if profiler:
            profiler.disable()
        t_rows += time.perf_counter() - started

    scratch = Path(tempfile.mkdtemp()) / "scratch.duckdb"
    shutil.copy(args.warehouse, scratch)
    out = duckdb.connect(str(scratch))
    started = time.perf_counter()
    write_batch(out, "profile", parsed, {})
    t_write = time.perf_counter() - started
    out.close()
    shutil.rmtree(scratch.parent, ignore_errors=True)

    n = len(articles)
    result = {
        "articles": n,
        "spacy_ms_per_article": round(1000 * t_spacy / n, 1),
        "rows_from_doc_ms_per_article": round(1000 * t_rows / n, 1),
        "write_batch_ms_per_article": round(1000 * t_write / n, 2),
        "rows_share_of_spacy": round(t_rows / t_spacy, 3),
        "resolution": [],
    }
    ids = sorted(published)
    for share in (4, 2, 1):
        keep = set(ids[: len(ids) // share])
        ents = [e for e in entities if e["article_id"] in keep]
        ments = [m for m in mentions if m["article_id"] in keep]
        started = time.perf_counter()
        actors, entity_actors = resolution.resolve_actors(ents)
        t_actors = time.perf_counter() - started
        lookup = {(r["article_id"], r["entity_idx"]): r["actor_id"] for r in entity_actors}
        started = time.perf_counter()
        resolution.resolve_meetings(ments, lookup, published)
        t_meetings = time.perf_counter() - started
        result["resolution"].append({
            "articles": len(keep), "entities": len(ents),
            "unlisted_named_entities": sum(1 for e in ents if not e.get("dict_key") and e.get("name")),
            "actors": len(actors), "resolve_actors_s": round(t_actors, 2), "resolve_meetings_s": round(t_meetings, 2),
        })
    print(json.dumps(result, indent=2))
    if args.cprofile == "resolution":
        profiler = cProfile.Profile()
        profiler.enable()
        resolution.resolve_actors(entities)
        profiler.disable()
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)


if __name__ == "__main__":
    main()
