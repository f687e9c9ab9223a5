"""A copy of a saved full build (``run.py --save-full``) whose extraction is declared made by this code's
extractor version, so that a ``--refresh-only`` run on it parses only the new articles.

    .venv/bin/python benchmarks/restamp.py /abs/w40k_full /abs/w40k_full_stamped
    .venv/bin/python benchmarks/run.py --n 40000 --refresh-only /abs/w40k_full_stamped --workdir /abs/w40k \
        --base before.json --prime --out after.json

For benchmarks only. A saved build made by an older extractor version would otherwise be parsed again
whole (an hour at 40,000 articles on two cores). The copy keeps the older version's rows (extraction and
resolution) and rewrites only the version stamps: ``nlp.parse_log.extractor_version`` and the comment
of ``nlp.actors`` (the resolution's). The rows are not those the current rules would give, but a refresh
on the copy reads, resolves, transforms and checks tables of the same sizes, which is what the
refresh benchmark measures. The priming refresh of ``--prime`` then rebuilds what the current code keeps
besides (ingest's per-file record, the fuzzy name links, dbt's state).
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def restamp(saved: Path, out: Path) -> str:
    import duckdb

    from dagster_project.extraction import EXTRACTOR_VERSION
    from dagster_project.incremental.resolve import STATE_PREFIX

    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(saved, out, symlinks=True)
    for path in [out / "warehouse" / "warehouse.duckdb"]:
        con = duckdb.connect(str(path))
        try:
            con.execute("update nlp.parse_log set extractor_version = ?", [EXTRACTOR_VERSION])
            con.execute(f"comment on table nlp.actors is '{STATE_PREFIX}{EXTRACTOR_VERSION}'")
        finally:
            con.close()
    return EXTRACTOR_VERSION


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("saved", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(f"{args.out}: stamped {restamp(args.saved.resolve(), args.out.resolve())}")


if __name__ == "__main__":
    main()
