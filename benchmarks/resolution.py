"""Incremental vs full resolution on a built warehouse: time, what was re-read, and equality.

    .venv/bin/python benchmarks/resolution.py WAREHOUSE.duckdb --new 10 [--trials 3]

On scratch copies of the warehouse (it is never written): the full resolution of every article
(the reference), then, for each trial, ``--new`` random articles are taken out of ``nlp.entities``
and ``nlp.meeting_mentions``, the rest is resolved in full, the articles are put back, and
``update_resolution`` resolves them incrementally. Prints JSON: seconds of each, the entities the
incremental step re-resolved, and whether its rows equal the reference's, table by table.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from dagster_project.incremental.resolve import update_resolution
from dagster_project.storage.contracts import RESOLUTION_TABLES


class Log:
    def __init__(self):
        self.lines: list[str] = []

    def info(self, text):
        self.lines.append(text)

    warning = info


def tables(con) -> dict[str, list]:
    return {name: sorted(con.execute(f"select * from nlp.{name}").fetchall(), key=repr) for name in RESOLUTION_TABLES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse")
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--trials", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_resolution_"))
    try:
        reference_db = work / "reference.duckdb"
        shutil.copyfile(args.warehouse, reference_db)
        with duckdb.connect(str(reference_db)) as con:
            articles = [r[0] for r in con.execute("select article_id from raw.articles order by 1").fetchall()]
            (entities,) = con.execute("select count(*) from nlp.entities").fetchone()
            started = time.monotonic()
            update_resolution(con, "bench", full=True)
            full_s = time.monotonic() - started
            reference = tables(con)
        trials = []
        rng = random.Random(0)
        for trial in range(args.trials):
            new = sorted(rng.sample(articles, args.new))
            db = work / f"trial{trial}.duckdb"
            shutil.copyfile(reference_db, db)
            with duckdb.connect(str(db)) as con:
                for name in ("entities", "meeting_mentions"):
                    con.execute(f"create temp table held_{name} as select * from nlp.{name} "
                                "where article_id in (select unnest(?::varchar[]))", [new])
                    con.execute(f"delete from nlp.{name} where article_id in (select unnest(?::varchar[]))", [new])
                update_resolution(con, "bench", full=True)
                for name in ("entities", "meeting_mentions"):
                    con.execute(f"insert into nlp.{name} select * from held_{name}")
                log = Log()
                started = time.monotonic()
                result = update_resolution(con, "bench", log=log)
                seconds = time.monotonic() - started
                got = tables(con)
            trials.append({"mode": result["mode"], "reason": result["reason"], "seconds": round(seconds, 3),
                           "log": log.lines,
                           "equal_to_full": {name: got[name] == reference[name] for name in RESOLUTION_TABLES}})
        print(json.dumps({"warehouse": args.warehouse, "articles": len(articles), "entities": entities,
                          "new_articles": args.new, "full_resolution_s": round(full_s, 3), "trials": trials},
                         indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
