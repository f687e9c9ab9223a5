"""One refresh on the seeds plus hostile input: nothing stops it, and nothing hostile reaches the marts.

The folder holds the five seed articles and: a dispatch whose date the text alone puts in 2036
("jusqu'en 2036"), names split by zero-width and bidi characters, a link to a secret file outside
the folder, a .jsonl with a NUL byte in one line and an id used twice with different texts.
"""
from __future__ import annotations

import json
import shutil
import unicodedata

import dagster as dg
import duckdb
import pytest

from tests.helpers import ROOT, pipeline_resources

pytestmark = pytest.mark.integration

FUTURE = ("Moscou, jeudi 2 juillet. Le Kremlin a annoncé que l'accord de coopération militaire avec Pyongyang "
          "resterait en vigueur jusqu'en 2036. « Notre partenariat avec la Corée du Nord est solide », a déclaré "
          "le porte-parole du Kremlin, Dmitri Peskov, devant la presse.")
# U+200B inside the surname, U+200F and U+2066/U+2069 around names, U+00AD (soft hyphen) inside one
HIDDEN = ("Ce 3 mars 2024, le ministre russe des Affaires étrangères, Sergueï Lav\u200brov, a reçu à Moscou "
          "son homologue \u200fChoe Son\u00ad-hui\u200f. « Nous renforcerons encore notre coopération », a déclaré "
          "Sergueï La\u200bvrov à l'issue de l'entretien. \u2066Choe Son-hui\u2069 a salué « une amitié "
          "indéfectible » entre les deux pays.")
SECRET = "root:$6$never-load-this-hash:19000:0:99999:7:::\n"


def _jsonl_lines() -> bytes:
    records = [{"id": f"bulk-{i}", "text": f"Le ministre a reçu mardi l'ambassadeur numéro {i} pour des "
                                          "discussions sur la sécurité régionale, selon un communiqué."}
               for i in range(6)]
    records.append({"id": "bulk-1", "text": "Le président a reçu jeudi le ministre pour un entretien sur "
                                            "la coopération économique, selon la présidence."})
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in records]
    lines[3] = lines[3].replace(b"ambassadeur", b"ambas\x00sadeur")
    return b"".join(lines)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, dbt_manifest):
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "in"
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "future.txt").write_text(FUTURE, encoding="utf-8")
    (folder / "hidden.txt").write_text(HIDDEN, encoding="utf-8")
    secret = tmp / "shadow"
    secret.write_text(SECRET, encoding="utf-8")
    (folder / "passwords.txt").symlink_to(secret)
    (folder / "bulk.jsonl").write_bytes(_jsonl_lines())
    warehouse = tmp / "warehouse.duckdb"
    from dagster_project.definitions import defs

    job = defs().resolve_job_def("refresh_warehouse")
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False,
                                        resources=pipeline_resources(warehouse, input_dir=folder))
    return result, warehouse


@pytest.fixture(scope="module")
def con(hostile_run):
    _, warehouse = hostile_run
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        yield connection


def test_the_refresh_succeeds_with_nlp_and_marts_built(hostile_run, con):
    result, warehouse = hostile_run
    failed = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert result.success, f"steps failed: {failed}"
    blocking = [e.event_specific_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"
                and not e.event_specific_data.passed and e.event_specific_data.severity == dg.AssetCheckSeverity.ERROR]
    assert not blocking, [f"{b.asset_key.to_user_string()}:{b.check_name}" for b in blocking]
    schemas = {r[0] for r in con.execute("select schema_name from information_schema.schemata").fetchall()}
    assert {"raw", "nlp", "marts"} <= schemas
    assert con.execute("select count(*) from marts.fct_statements").fetchall()[0][0] > 0
    assert warehouse.with_name("warehouse.read.duckdb").exists()  # published like any other refresh


def test_the_2036_dispatch_is_loaded_undated_with_a_reason(con):
    [(date, basis)] = con.execute("select a.published_date, a.published_date_basis from raw.articles a "
                                  "join raw.article_sources s using (article_id) where s.source_name = 'future.txt'"
                                  ).fetchall()
    assert date is None and "after the time of ingest" in basis
    statements = con.execute("select count(*) from marts.fct_statements s join raw.article_sources r "
                             "using (article_id) where r.source_name = 'future.txt'").fetchall()[0][0]
    assert statements >= 1  # its statement reached the marts


def test_nothing_is_read_through_the_link(con):
    [(code, first)] = con.execute("select reason_code, first_bytes from raw.quarantine "
                                  "where source_name = 'passwords.txt'").fetchall()
    assert code == "symlink" and first == ""
    for table in ("raw.articles", "raw.quarantine", "marts.dim_articles"):
        rows = con.execute(f"select * from {table}").fetchall()
        assert "never-load-this-hash" not in repr(rows), table


def test_one_bad_jsonl_line_and_a_duplicate_id(con):
    sources = {r[0] for r in con.execute("select source_name from raw.article_sources "
                                         "where source_name like 'bulk-%'").fetchall()}
    assert sources == {"bulk-0", "bulk-1", "bulk-2", "bulk-4", "bulk-5", "bulk-1 (bulk.jsonl:7)"}
    rows = set(con.execute("select source_name, reason_code from raw.quarantine "
                           "where source_path like '%bulk.jsonl'").fetchall())
    assert rows == {("bulk.jsonl:4", "binary"), ("bulk.jsonl:7", "duplicate_id")}


def _invisible(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in ("Cf", "Cc") and c not in "\n\t"]


def test_invisible_characters_neither_split_names_nor_reach_the_actors(con):
    texts = [r[0] for r in con.execute("select text from raw.articles").fetchall()]
    assert not [t[:40] for t in texts if _invisible(t)]
    [hidden] = [t for t in texts if t.startswith("Ce 3 mars 2024")]
    assert hidden.count("Sergueï Lavrov") == 2 and hidden.count("Choe Son-hui") == 2
    actors = con.execute("select canonical_name, aliases from marts.dim_actors").fetchall()
    names = [name for canonical, aliases in actors for name in [canonical, *(aliases or [])]]
    assert not [n for n in names if _invisible(n)], [n for n in names if _invisible(n)]
    assert not [n for n in names if n.strip() in ("Lav", "rov", "La", "vrov", "Son", "hui")]
    # every statement offset points into the stored text
    bad = con.execute("select count(*) from nlp.statements s join raw.articles a using (article_id) "
                      "where substr(a.text, s.char_start + 1, s.char_end - s.char_start) <> s.text").fetchall()[0][0]
    assert bad == 0
    lavrov = [c for c, _ in actors if "Lavrov" in c]
    assert lavrov, "Lavrov is one actor"
    hidden_speakers = con.execute(
        "select distinct a.canonical_name from marts.fct_statements s join marts.dim_actors a "
        "on s.speaker_actor_id = a.actor_id join raw.article_sources r using (article_id) "
        "where r.source_name = 'hidden.txt'").fetchall()
    assert any("Lavrov" in r[0] for r in hidden_speakers), hidden_speakers
