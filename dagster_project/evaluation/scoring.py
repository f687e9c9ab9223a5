"""Accuracy of a warehouse against a gold file: gold YAML in, per-metric scores out. No Dagster here.

The gold format and every metric are described in README.md beside this file. In short:

* ``load_gold(path)`` reads a gold YAML (``articles``, ``actors``, ``meetings``, ``statements``,
  optional ``non_statements``);
* ``read_marts(con)`` reads the five contract marts of a DuckDB warehouse;
* ``evaluate(gold, marts)`` maps system actors to gold actors, then scores publication dates,
  person resolution, meetings (strict, lenient, participants) and statements (match, speaker,
  attribution at token-overlap 0.5 and 0.8);
* ``headline(result)`` flattens the result to the numbers the project reports (``METRICS``).

The definitions are those of the outside referee the tests run (``../shared/eval/score.py``,
see tests/evaluation/test_scoring.py): the project measures itself the way it is measured.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

GOLD_DIR = Path(__file__).parent / "gold"
SEEDS_GOLD = GOLD_DIR / "seeds.yaml"

# The marts read, and the columns each must have (a missing mart is read as empty, with a warning).
MART_COLUMNS = {
    "dim_articles": ["article_id", "source_name", "published_date"],
    "dim_actors": ["actor_id", "canonical_name", "actor_type", "aliases"],
    "fct_meetings": ["meeting_id", "meeting_date", "date_precision", "location", "status"],
    "bridge_meeting_participants": ["meeting_id", "actor_id"],
    "fct_statements": ["statement_id", "article_id", "speaker_actor_id", "text", "statement_type"],
}
# Read when present: restricts meetings to the scored articles when only some are scored.
EVIDENCE_COLUMNS = {"fct_meeting_evidence": ["meeting_id", "article_id"]}

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
STATUS_SYNONYMS = {
    **dict.fromkeys(["held", "happened", "past", "completed", "took_place"], "occurred"),
    **dict.fromkeys(["scheduled", "upcoming", "future", "proposed", "expected"], "planned"),
}
THRESHOLDS = (0.5, 0.8)
FAILURE_KINDS = ("split", "merged", "missing", "incomplete")

# The headline numbers: metric name -> path in the result of evaluate().
METRICS = {
    "published_date_accuracy": ("articles", "published_date_accuracy"),
    "person_resolution": ("actors", "resolution_accuracy"),
    "person_resolution_lenient": ("actors", "resolution_accuracy_lenient"),
    "meetings_strict_precision": ("meetings", "strict", "precision"),
    "meetings_strict_recall": ("meetings", "strict", "recall"),
    "meetings_strict_f1": ("meetings", "strict", "f1"),
    "meetings_lenient_f1": ("meetings", "lenient", "f1"),
    "participants_f1": ("meetings", "participants_micro", "f1"),
    "statements_precision": ("statements", "at_0.5", "match", "precision"),
    "statements_recall": ("statements", "at_0.5", "match", "recall"),
    "statements_f1": ("statements", "at_0.5", "match", "f1"),
    "statements_f1_at_0.8": ("statements", "at_0.8", "match", "f1"),
    "speaker_accuracy": ("statements", "at_0.5", "speaker_accuracy"),
    "attribution_f1": ("statements", "at_0.5", "attribution", "f1"),
}


class GoldError(ValueError):
    """The gold file cannot be read, or a mart lacks a column the evaluation needs."""


# --------------------------------------------------------------------------------------- normalising
def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(name: str | None) -> str:
    """A name as compared: lowercase, no accents, one apostrophe, hyphens and dots as spaces, no leading
    French article (le, la, les, l') nor honorific (M., Mme...)."""
    text = re.sub(r"[\u2019\u2018\u02bc\u00b4`]", "'", _without_accents(name or "").lower())
    text = re.sub(r"\s+", " ", re.sub(r"[\u2010-\u2015\u2212\-.]", " ", text)).strip()
    text = re.sub(r"^(?:(?:le|la|les) |l')(?=\w)", "", text)
    return re.sub(r"^(m|mm|mme|mmes|mlle|mr|mrs|ms) ", "", text)


def words(text: str | None) -> list[str]:
    """Lowercased word tokens without accents; punctuation and quote marks dropped."""
    return re.findall(r"\w+", _without_accents(text or "").lower())


def overlap(a: list[str], b: list[str]) -> float:
    """Size of the multiset intersection of two token lists over the longer list's length."""
    if not a or not b:
        return 0.0
    return sum((Counter(a) & Counter(b)).values()) / max(len(a), len(b))


def as_date(value: Any) -> date | None:
    """A date from a DATE, a TIMESTAMP or an ISO string (YYYY, YYYY-MM and YYYY-MM-DD accepted)."""
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    match = re.match(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(value).strip())
    return date(int(match[1]), int(match[2] or 1), int(match[3] or 1)) if match else None


def meeting_status(value: str | None) -> str:
    text = (value or "").strip().lower().replace(" ", "_")
    return STATUS_SYNONYMS.get(text, text)


def statement_kind(value: str | None) -> str:
    """direct, indirect or other, from a statement_type (quote, reported, paraphrase are understood)."""
    text = (value or "").lower()
    if "indirect" in text or "reported" in text or "paraphrase" in text:
        return "indirect"
    return "direct" if ("direct" in text or "quote" in text) else "other"


def _may_be_person(actor_type: str | None) -> bool:
    text = (actor_type or "").lower()
    return not text or "per" in text or text in ("other", "unknown")


def article_key(name: Any) -> str:
    """An article's name as matched: its base name without .txt / .html / .htm (a .jsonl record id as is)."""
    base = os.path.basename(str(name))
    for suffix in (".txt", ".html", ".htm"):
        if base.endswith(suffix):
            return base[: -len(suffix)]
    return base


def _ratio(numerator: float, denominator: float, empty: float | None = None) -> float | None:
    return numerator / denominator if denominator else empty


def prf(true_positives: int, n_system: int, n_gold: int) -> dict[str, Any]:
    """Precision, recall and F1 (an empty side counts as perfect only when the other is empty too)."""
    precision = _ratio(true_positives, n_system, float(n_gold == 0))
    recall = _ratio(true_positives, n_gold, float(n_system == 0))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": true_positives, "n_sys": n_system,
            "n_gold": n_gold}


def match_one_to_one(candidates: Iterable[tuple[tuple, int, int]]) -> list[tuple[int, int, tuple]]:
    """(score, gold index, system index) candidates -> one-to-one matches, best score first, ties by index."""
    used_gold, used_system, matches = set(), set(), []
    for score, i, j in sorted(candidates, key=lambda c: (tuple(-v for v in c[0]), c[1], c[2])):
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            matches.append((i, j, score))
    return matches


# -------------------------------------------------------------------------------------------- inputs
def load_gold(path: str | os.PathLike) -> dict:
    """The gold file, with every article reference reduced to its article key."""
    try:
        with open(path, encoding="utf-8") as fh:
            gold = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from exc
    if not isinstance(gold, dict) or not all(k in gold for k in ("articles", "actors", "meetings", "statements")):
        raise GoldError(f"gold file {path} lacks one of articles, actors, meetings, statements")
    gold.setdefault("non_statements", [])
    for article in gold["articles"]:
        article["file"] = article_key(article["file"])
    for row in gold["statements"] + gold["non_statements"]:
        row["article"] = article_key(row["article"])
    for meeting in gold["meetings"]:
        meeting["articles"] = [article_key(f) for f in meeting.get("articles", [])]
        if meeting.get("per_article"):
            meeting["per_article"] = {article_key(f): v for f, v in meeting["per_article"].items()}
    for actor in gold["actors"]:
        if actor.get("mentions"):
            actor["mentions"] = {article_key(f): v for f, v in actor["mentions"].items()}
    return gold


def _columns(con, table: str) -> set[str]:
    return {r[0] for r in con.execute("select column_name from information_schema.columns "
                                      "where table_schema = 'marts' and table_name = ?", [table]).fetchall()}


def read_marts(con, warnings: list[str] | None = None) -> dict[str, list[dict] | None]:
    """The rows of the contract marts (and of fct_meeting_evidence when it exists, else None)."""
    warnings = [] if warnings is None else warnings
    marts: dict[str, list[dict] | None] = {}
    for table, columns in MART_COLUMNS.items():
        present = _columns(con, table)
        if not present:
            warnings.append(f"missing table marts.{table}: treated as empty")
            marts[table] = []
            continue
        if set(columns) - present:
            raise GoldError(f"marts.{table} lacks required columns {sorted(set(columns) - present)}")
        rows = con.execute(f'select {", ".join(columns)} from marts."{table}"').fetchall()
        marts[table] = [dict(zip(columns, row)) for row in rows]
    for table, columns in EVIDENCE_COLUMNS.items():
        if set(columns) <= _columns(con, table):
            rows = con.execute(f'select {", ".join(columns)} from marts."{table}"').fetchall()
            marts[table] = [dict(zip(columns, row)) for row in rows]
        else:
            marts[table] = None
    return marts


# -------------------------------------------------------------------------------------- actor mapping
def _gold_names(actor: Mapping) -> set[str]:
    return {name_key(x) for x in [actor["name"], *actor.get("aliases", []), *actor.get("metonyms", [])] if x} - {""}


def _system_names(actor: Mapping) -> set[str]:
    aliases = actor["aliases"] if isinstance(actor["aliases"], (list, tuple)) else [actor["aliases"]]
    return {name_key(x) for x in [actor["canonical_name"], *aliases] if x} - {""}


def map_actors(system_actors: list[dict], gold: dict) -> dict[str, str | None]:
    """System actor id -> the gold actor it shares names with (exact canonical name first, then a full
    name, then most shared names), or None. A person-like actor with no shared name maps when the words
    of one of its multi-word names are all words of exactly one gold person's name."""
    gold_names = {a["id"]: _gold_names(a) for a in gold["actors"]}
    canonical = {a["id"]: name_key(a["name"]) for a in gold["actors"]}
    persons = [a["id"] for a in gold["actors"] if a["type"] == "person"]
    mapping: dict[str, str | None] = {}
    for actor in system_actors:
        names, own = _system_names(actor), name_key(actor["canonical_name"])
        candidates = [((own == canonical[g], canonical[g] in names, len(names & forms)), g)
                      for g, forms in gold_names.items() if names & forms]
        if not candidates and _may_be_person(actor.get("actor_type")):
            multi_word = [set(n.split()) for n in names if " " in n]
            fits = [g for g in persons if any(w <= set(f.split()) for w in multi_word for f in gold_names[g])]
            candidates = [((False,), fits[0])] if len(fits) == 1 else []
        mapping[str(actor["actor_id"])] = max(candidates, key=lambda c: c[0])[1] if candidates else None
    return mapping


# -------------------------------------------------------------------------------------------- metrics
def score_articles(gold: dict, marts: dict, scored: set[str]) -> dict:
    """Share of gold articles whose publication date is right (a missing or undated article is wrong)."""
    system_dates: dict[str, date | None] = {}
    for row in marts["dim_articles"]:
        system_dates.setdefault(article_key(row["source_name"]), as_date(row["published_date"]))
    details = []
    for article in gold["articles"]:
        if article["file"] not in scored:
            continue
        found = system_dates.get(article["file"])
        details.append({"file": article["file"], "gold": str(as_date(article["published_date"])),
                        "system": str(found) if found else None,
                        "correct": found == as_date(article["published_date"])})
    return {"published_date_accuracy": _ratio(sum(d["correct"] for d in details), len(details), 1.0),
            "n": len(details), "absent_or_undated": [d["file"] for d in details if d["system"] is None],
            "details": details}


def score_actors(gold: dict, marts: dict, mapping: dict, scored: set[str]) -> dict:
    """Resolution of the gold persons named in the scored articles (boilerplate-only persons left out).

    A system actor hosts a person when it holds one of the person's name forms or maps to the person;
    a person is resolved when exactly one actor hosts it, that actor holds no other person's name, and
    it holds every form of the person (lenient: without the last condition)."""
    person_forms = {
        a["id"]: {name_key(x) for f, xs in a.get("mentions", {}).items() if f in scored for x in xs}
        for a in gold["actors"] if a["type"] == "person" and not a.get("boilerplate_only")
    }
    person_forms = {k: v for k, v in person_forms.items() if v}
    shared = {f for f, n in Counter(f for fs in person_forms.values() for f in fs).items() if n > 1}
    person_forms = {k: v - shared for k, v in person_forms.items()}  # a form two persons share proves nothing
    system_forms = {str(a["actor_id"]): _system_names(a) for a in marts["dim_actors"]}
    counts: Counter = Counter()
    details = {}
    for person, forms in person_forms.items():
        hosts = [sid for sid, sf in system_forms.items() if sf & forms or mapping.get(sid) == person]
        found = set().union(*[system_forms[h] for h in hosts])
        others = sorted({q for h in hosts for q, qf in person_forms.items() if q != person and system_forms[h] & qf})
        state = {"missing": not hosts, "split": len(hosts) > 1, "merged": bool(others),
                 "incomplete": bool(hosts) and not forms <= found,
                 "resolved_lenient": len(hosts) == 1 and not others}
        state["resolved"] = state["resolved_lenient"] and forms <= found
        counts.update(k for k, v in state.items() if v)
        details[person] = {"system_actors": hosts, "merged_with": others,
                           "forms_not_found": sorted(forms - found), **state}
    n = len(person_forms)
    return {"n_persons": n, "resolution_accuracy": _ratio(counts["resolved"], n, 1.0),
            "resolution_accuracy_lenient": _ratio(counts["resolved_lenient"], n, 1.0),
            **{k: counts[k] for k in FAILURE_KINDS}, "details": details}


def _gold_meetings(gold: dict, scored: set[str], every_article: bool) -> list[dict]:
    """Gold meetings reported by the scored articles; on a subset, what those articles say of them."""
    out = []
    for meeting in gold["meetings"]:
        articles = [f for f in meeting["articles"] if f in scored]
        if not articles:
            continue
        row = {"id": meeting["id"], "date": as_date(meeting["date"]), "precision": meeting["precision"],
               "status": meeting["status"], "participants": set(meeting["participants"])}
        views = [meeting.get("per_article", {}).get(f) for f in articles]
        if not every_article and all(views):
            row["participants"] = set().union(*[set(v["participants"]) for v in views])
            row["status"] = "occurred" if any(v["status"] == "occurred" for v in views) else "planned"
            if row["date"] is not None:  # the finest date the scored articles give
                dated = [(as_date(v.get("date", meeting["date"])), v.get("precision", meeting["precision"]))
                         for v in views]
                row["date"], row["precision"] = min(dated, key=lambda d: PRECISION_RANK[d[1]])
        out.append(row)
    return out


def dates_agree(gold_meeting: dict, system_meeting: dict) -> bool:
    """Same day, month or year as the gold precision says; never when the system is vaguer or undated.
    A gold meeting without a date (planned, undated) agrees with any date."""
    if gold_meeting["date"] is None:
        return True
    if system_meeting["date"] is None or \
            PRECISION_RANK[system_meeting["precision"]] > PRECISION_RANK[gold_meeting["precision"]]:
        return False
    gold_day, system_day = gold_meeting["date"], system_meeting["date"]
    return {"day": system_day == gold_day,
            "month": system_day.replace(day=1) == gold_day.replace(day=1),
            "year": system_day.year == gold_day.year}[gold_meeting["precision"]]


def score_meetings(gold: dict, marts: dict, mapping: dict, scored: set[str], every_article: bool) -> dict:
    """Strict matches (same mapped participants, agreeing dates, same status), lenient matches
    (participant Jaccard >= 0.5, agreeing dates) and participant P/R/F1 over the lenient matches."""
    gold_rows = _gold_meetings(gold, scored, every_article)
    participants: dict[str, set] = defaultdict(set)
    for row in marts["bridge_meeting_participants"]:
        participants[str(row["meeting_id"])].add(mapping.get(str(row["actor_id"])) or f"sys:{row['actor_id']}")
    system_rows = [{"id": str(r["meeting_id"]), "date": as_date(r["meeting_date"]), "status": meeting_status(r["status"]),
                    "precision": (r["date_precision"] or "").lower() if (r["date_precision"] or "").lower()
                    in PRECISION_RANK else "day",
                    "participants": participants[str(r["meeting_id"])]} for r in marts["fct_meetings"]]
    if not every_article and marts.get("fct_meeting_evidence") is not None:
        names = {str(r["article_id"]): article_key(r["source_name"]) for r in marts["dim_articles"]}
        evidenced = {str(e["meeting_id"]) for e in marts["fct_meeting_evidence"]
                     if names.get(str(e["article_id"])) in scored}
        system_rows = [m for m in system_rows if m["id"] in evidenced]
    strict, lenient = [], []
    for i, g in enumerate(gold_rows):
        for j, s in enumerate(system_rows):
            if not dates_agree(g, s):
                continue
            jaccard = _ratio(len(g["participants"] & s["participants"]), len(g["participants"] | s["participants"]), 0.0)
            same_day = float(g["date"] == s["date"])
            if jaccard == 1.0 and g["status"] == s["status"]:
                strict.append(((same_day,), i, j))
            if jaccard >= 0.5:
                lenient.append(((jaccard, float(g["status"] == s["status"]), same_day), i, j))
    strict_matches, lenient_matches = match_one_to_one(strict), match_one_to_one(lenient)
    tp = fp = fn = 0
    for i, j, _ in lenient_matches:
        g, s = gold_rows[i]["participants"], system_rows[j]["participants"]
        tp, fp, fn = tp + len(g & s), fp + len(s - g), fn + len(g - s)
    return {"n_gold": len(gold_rows), "n_sys": len(system_rows),
            "strict": prf(len(strict_matches), len(system_rows), len(gold_rows)),
            "lenient": prf(len(lenient_matches), len(system_rows), len(gold_rows)),
            "participants_micro": prf(tp, tp + fp, tp + fn),
            "matches_strict": [[gold_rows[i]["id"], system_rows[j]["id"]] for i, j, _ in strict_matches],
            "unmatched_gold_strict": sorted({g["id"] for g in gold_rows} -
                                            {gold_rows[i]["id"] for i, _, _ in strict_matches})}


def speaker_is_right(gold_row: dict, system_speaker: Any, mapping: dict) -> bool:
    """The system speaker maps to the gold speaker (or one of its speaker_alt); for an unnamed gold
    speaker, no speaker or an actor that maps to no gold actor is right."""
    mapped = mapping.get(str(system_speaker)) if system_speaker is not None else None
    if gold_row["speaker"] is None and mapped is None:
        return True
    return mapped in ({gold_row["speaker"]} | set(gold_row.get("speaker_alt") or [])) - {None}


def score_statements(gold: dict, marts: dict, mapping: dict, scored: set[str], warnings: list[str]) -> dict:
    """One-to-one matching within each article by token overlap; P/R/F1, speaker accuracy and
    attribution (matches with the right speaker) at each threshold of THRESHOLDS."""
    names = {str(r["article_id"]): article_key(r["source_name"]) for r in marts["dim_articles"]}
    gold_rows = [g for g in gold["statements"] if g["article"] in scored]
    system_rows = []
    for row in marts["fct_statements"]:
        article = names.get(str(row["article_id"]))
        if article is None:
            warnings.append(f"statement {row['statement_id']}: article_id {row['article_id']} not in dim_articles (FP)")
        if article is None or article in scored:
            system_rows.append({**row, "file": article, "words": words(row["text"]),
                                "kind": statement_kind(row["statement_type"])})
    candidates = []
    for i, g in enumerate(gold_rows):
        gold_words = words(g["text"])
        for j, s in enumerate(system_rows):
            score = overlap(gold_words, s["words"]) if s["file"] == g["article"] else 0.0
            if score > 0:
                candidates.append(((score, float(speaker_is_right(g, s["speaker_actor_id"], mapping))), i, j))
    matches = [(i, j, score[0], bool(score[1])) for i, j, score in match_one_to_one(candidates)]
    result: dict[str, Any] = {"n_gold": len(gold_rows), "n_sys": len(system_rows)}
    for threshold in THRESHOLDS:
        kept = [m for m in matches if m[2] >= threshold]
        right = sum(m[3] for m in kept)
        result[f"at_{threshold}"] = {
            "match": prf(len(kept), len(system_rows), len(gold_rows)),
            "attribution": prf(right, len(system_rows), len(gold_rows)),
            "speaker_accuracy": _ratio(right, len(kept)),
            "type_agreement": _ratio(sum(gold_rows[i]["type"] == system_rows[j]["kind"] for i, j, _, _ in kept),
                                     len(kept)),
        }
    kept = [m for m in matches if m[2] >= THRESHOLDS[0]]
    matched = {j for _, j, _, _ in kept}
    result["false_negatives"] = [g["id"] for i, g in enumerate(gold_rows) if i not in {m[0] for m in kept}]
    result["false_positives"] = [{k: s[k] for k in ("statement_id", "file", "text")}
                                 for j, s in enumerate(system_rows) if j not in matched]
    result["misattributed"] = [{"gold": gold_rows[i]["id"], "statement_id": system_rows[j]["statement_id"],
                                "gold_speaker": gold_rows[i]["speaker"],
                                "system_speaker": system_rows[j]["speaker_actor_id"],
                                "mapped_to": mapping.get(str(system_rows[j]["speaker_actor_id"]))}
                               for i, j, _, right in kept if not right]
    return result


# ---------------------------------------------------------------------------------------- the whole
def evaluate(gold: dict, marts: dict, articles: Iterable[str] | None = None,
             warnings: list[str] | None = None) -> dict:
    """Every metric on the gold articles (or on ``articles``, file names or paths, among them)."""
    warnings = [] if warnings is None else warnings
    gold_articles = {a["file"] for a in gold["articles"]}
    scored = set(gold_articles)
    if articles is not None:
        wanted = {article_key(a) for a in articles}
        warnings += [f"{a} is not a gold article, ignored" for a in sorted(wanted - gold_articles)]
        scored &= wanted
        if not scored:
            raise GoldError("none of the articles asked for is a gold article")
    in_warehouse = {article_key(r["source_name"]) for r in marts["dim_articles"]}
    missing = sorted(gold_articles - in_warehouse)
    if missing and articles is None:
        warnings.append(f"{len(missing)} gold article(s) absent from dim_articles")
    every_article = scored == gold_articles
    mapping = map_actors(marts["dim_actors"], gold)
    return {
        "articles_scored": sorted(scored),
        "gold_articles_missing": missing,
        "warnings": warnings,
        "articles": score_articles(gold, marts, scored),
        "actors": score_actors(gold, marts, mapping, scored),
        "meetings": score_meetings(gold, marts, mapping, scored, every_article),
        "statements": score_statements(gold, marts, mapping, scored, warnings),
        "actor_mapping": mapping,
        "unmapped_system_actors": sorted(k for k, v in mapping.items() if v is None),
    }


def evaluate_warehouse(warehouse: str | os.PathLike, gold_path: str | os.PathLike = SEEDS_GOLD,
                       articles: Iterable[str] | None = None) -> dict:
    """Open the DuckDB warehouse read-only, read its marts and evaluate them against the gold file."""
    import duckdb

    gold = load_gold(gold_path)
    warnings: list[str] = []
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        marts = read_marts(con, warnings)
    finally:
        con.close()
    result = evaluate(gold, marts, articles, warnings)
    result["gold"] = str(gold_path)
    return result


def headline(result: Mapping) -> dict[str, float | None]:
    """The reported numbers (METRICS), rounded to 4 places; None when undefined (e.g. no match)."""
    out: dict[str, float | None] = {}
    for metric, path in METRICS.items():
        value: Any = result
        for key in path:
            value = value.get(key) if isinstance(value, Mapping) else None
        out[metric] = round(float(value), 4) if isinstance(value, (int, float)) else None
    return out


def markdown(result: Mapping) -> str:
    """The headline numbers as a markdown table."""
    lines = ["| metric | value |", "|---|---|"]
    for metric, value in headline(result).items():
        lines.append(f"| {metric} | {'-' if value is None else f'{value:.3f}'} |")
    return "\n".join(lines)
