"""Incremental resolution gives the full resolution's rows: hand-made entities (no spaCy), then the
seeds' real entities split into 'already resolved' and 'new' in every possible way."""
import itertools
from datetime import date

import duckdb
import pytest

from dagster_project.extraction.names import name_key
from dagster_project.extraction.resolution import candidate_keys
from dagster_project.incremental.resolve import (
    FUZZY_TABLE,
    _same_actor_name,
    name_closure,
    resolved_version,
    update_resolution,
)
from dagster_project.storage.contracts import EXTRACTION_TABLES, RESOLUTION_TABLES
from dagster_project.storage.tables import ensure_table, fetch_dicts, insert_rows

DAY = date(2024, 1, 16)


def _entity(article_id, idx, name, actor_type="person", dict_key=None, forms=None):
    return {"article_id": article_id, "entity_idx": idx, "name": name, "actor_type": actor_type,
            "dict_key": dict_key, "gender": None, "country_code": None, "forms": forms or [name],
            "description": None}


def _mention(article_id, idx, participants, meeting_date=DAY):
    return {"article_id": article_id, "meeting_idx": idx, "char_start": 0, "char_end": 10,
            "sentence_text": "rencontre", "trigger": "rencontre", "mode": "in_person", "location": "Moscou",
            "meeting_date": meeting_date, "date_precision": "day", "status": "occurred", "date_basis": "text",
            "participant_entity_idxs": participants}


# 'b' holds the short form 'Kim', 'c' 'Kim Jong-un'; the new article 'a' brings 'Kim Yo-jong', a second
# person the short form fits, which then joins neither (a lone short form chains no two people): adding
# 'a' changes the actor of an entity of an older article.
ENTITIES = {
    "a": [_entity("a", 0, "Kim Yo-jong"), _entity("a", 1, None, "country", "KOR"),
          _entity("a", 2, "Sergueï Lavrov", forms=["Sergueï Lavrov", "Lavrov"])],
    "b": [_entity("b", 0, "Kim"), _entity("b", 1, "Choe Son-hui"), _entity("b", 2, None, "country", "PRK")],
    "c": [_entity("c", 0, "Kim Jong-un"), _entity("c", 1, "Lavrov"), _entity("c", 2, None, "country", "PRK",
                                                                              forms=["Corée du Nord"])],
    "d": [_entity("d", 0, "Choe Son-Hui"), _entity("d", 1, "Sergueï Lavrov"),
          _entity("d", 2, "Organisation des Nations unies", "organisation")],
}
MENTIONS = {"a": [_mention("a", 0, [0, 2])], "b": [_mention("b", 0, [0, 1])], "c": [_mention("c", 0, [0, 1])],
            "d": [_mention("d", 0, [0, 1]), _mention("d", 1, [1, 2], date(2024, 2, 1))]}


def _database(path, published):
    con = duckdb.connect(str(path))
    con.execute("create schema if not exists raw")
    con.execute("create schema if not exists nlp")
    con.execute("create table raw.articles (article_id varchar, published_date date)")
    con.executemany("insert into raw.articles values (?, ?)", sorted(published.items()))
    for name in ("entities", "meeting_mentions"):
        ensure_table(con, f"nlp.{name}", EXTRACTION_TABLES[name])
    return con


def _add(con, articles):
    for article in articles:
        insert_rows(con, "nlp.entities", EXTRACTION_TABLES["entities"], ENTITIES[article])
        insert_rows(con, "nlp.meeting_mentions", EXTRACTION_TABLES["meeting_mentions"], MENTIONS[article])


def _tables(con) -> dict[str, list]:
    return {name: sorted(con.execute(f"select * from nlp.{name}").fetchall(), key=repr) for name in RESOLUTION_TABLES}


@pytest.fixture
def published():
    return {a: DAY for a in ENTITIES}


@pytest.fixture
def full(tmp_path, published):
    con = _database(tmp_path / "full.duckdb", published)
    _add(con, ENTITIES)
    assert update_resolution(con, "v1")["mode"] == "full"
    yield _tables(con)
    con.close()


@pytest.mark.parametrize("new", [("a",), ("d",), ("a", "c"), ("b", "d"), ("a", "b", "c")])
def test_new_articles_resolved_incrementally_give_the_full_resolution(tmp_path, published, full, new):
    con = _database(tmp_path / "inc.duckdb", published)
    _add(con, [a for a in ENTITIES if a not in new])
    first = update_resolution(con, "v1")
    assert (first["mode"], first["reason"]) == ("full", "no earlier resolution")
    _add(con, new)
    second = update_resolution(con, "v1")
    assert second["mode"] == "incremental"
    assert _tables(con) == full
    assert all(full[name] for name in RESOLUTION_TABLES)
    assert resolved_version(con) == "v1"


def test_a_new_article_can_change_the_actor_of_older_entities(tmp_path, published, full):
    """The cases above are not vacuous: appending 'a' to the clusters of the others would not do."""
    con = _database(tmp_path / "old.duckdb", published)
    _add(con, ["b", "c", "d"])
    update_resolution(con, "v1")
    before = {(a, i): actor for a, i, actor in _tables(con)["entity_actors"]}
    after = {(a, i): actor for a, i, actor in full["entity_actors"]}
    assert before[("b", 0)] == "per_kim_jong_un" != after[("b", 0)]
    assert after[("c", 0)] == "per_kim_jong_un" != after[("a", 0)]


def test_only_the_names_matching_a_new_one_are_read_again(tmp_path, published, full):
    """'d' brings 'Choe Son-Hui', 'Sergueï Lavrov' and an organisation: only the names they match, by
    a chain, are re-resolved ('Choe Son-hui'; 'Lavrov', which 'Sergueï Lavrov' of 'a' also matches).
    'Kim' and the Kims share no matching name with them, so their entities are not read."""
    con = _database(tmp_path / "inc.duckdb", published)
    _add(con, ["a", "b", "c"])
    update_resolution(con, "v1")
    _add(con, ["d"])
    result = update_resolution(con, "v1")
    assert result["mode"] == "incremental" and _tables(con) == full
    assert result["new_entities"] == 3
    # d's 3 entities, 'Choe Son-hui' (b), 'Sergueï Lavrov' (a), 'Lavrov' (c); no Kim, no country
    assert result["re_resolved_entities"] == 6


def test_name_closure_follows_matching_names_not_shared_words():
    names = [("person", n) for n in ("Jean Castex", "Castex", "Jean Dupont", "Dupont", "Pierre Dupont",
                                     "Mohamed bin Salman", "Mohammed ben Salmane", "Jean Lassalle")]
    names.append(("organisation", "Castex"))
    closure = name_closure(names, {("person", "Jean Castex")})
    # 'Jean Dupont' shares the word 'jean' but is another person; the organisation another type
    assert closure == {("person", "Jean Castex"), ("person", "Castex")}
    # spelt alike with no word in common: found by the fuzzy look-up
    assert name_closure(names, {("person", "Mohammed ben Salmane")}) == {
        ("person", "Mohammed ben Salmane"), ("person", "Mohamed bin Salman")}
    # chains: 'Dupont' matches both Duponts
    assert name_closure(names, {("person", "Pierre Dupont")}) == {
        ("person", "Pierre Dupont"), ("person", "Dupont"), ("person", "Jean Dupont")}


def test_fuzzy_pairs_kept_for_refreshes_equal_a_rebuild_and_link_a_new_spelling(tmp_path):
    """A new spelling that shares no word with a stored name ('Mohammed ben Salmane') is re-resolved with
    it (and with 'Mohamed', linked to that one) through the pairs kept in _refresh.fuzzy_person_links,
    which the refresh extends to what a rebuild gives."""
    published = {"e": DAY, "f": DAY}

    def run(path, articles_first):
        con = _database(path, published)
        rows = {"e": [_entity("e", 0, "Mohamed bin Salman"), _entity("e", 1, "Mohamed")],
                "f": [_entity("f", 0, "Mohammed ben Salmane")]}
        for article in articles_first:
            insert_rows(con, "nlp.entities", EXTRACTION_TABLES["entities"], rows[article])
        update_resolution(con, "v1")
        for article in sorted(set(rows) - set(articles_first)):
            insert_rows(con, "nlp.entities", EXTRACTION_TABLES["entities"], rows[article])
        return con, update_resolution(con, "v1")

    full, _ = run(tmp_path / "full.duckdb", ["e", "f"])
    con, result = run(tmp_path / "inc.duckdb", ["e"])
    assert result["mode"] == "incremental" and _tables(con) == _tables(full)
    assert result["re_resolved_entities"] == 3
    stored = con.execute(f"select * from {FUZZY_TABLE}").fetchall()
    assert stored == full.execute(f"select * from {FUZZY_TABLE}").fetchall() == [
        ("Mohamed bin Salman", "Mohammed ben Salmane")]
    con.close()
    full.close()


def _fuzzy_lookup_finds(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    from dagster_project.incremental.resolve import _fuzzy_threshold

    ka, kb = name_key(a), name_key(b)
    return (len(ka.split()) >= 2 and len(kb.split()) >= 2
            and fuzz.ratio(ka.replace(" ", ""), kb.replace(" ", "")) >= _fuzzy_threshold() - 1.0)


@pytest.mark.slow
def test_every_matching_pair_of_seed_names_is_found_by_name_closures_look_ups(seed_pipeline):
    """name_closure looks candidates up by shared word, and by spelling for longer person names. If a
    rule change in extraction/names.py matched names some other way, it would miss them: this fails."""
    with duckdb.connect(str(seed_pipeline.warehouse), read_only=True) as con:
        names = con.execute("select distinct actor_type, name from nlp.entities where coalesce(dict_key, '') = '' "
                            "and coalesce(name, '') <> ''").fetchall()
    names += [("person", n) for e in ENTITIES.values() for n in [x["name"] for x in e] if n]
    names += [("person", "Mohamed bin Salman"), ("person", "Mohammed ben Salmane"), ("person", "S. Lavrov")]
    matching = [(a, b) for a, b in itertools.combinations(sorted(set(names)), 2) if _same_actor_name(a, b)]
    assert len(matching) >= 5  # not vacuous, and one pair shares no word:
    assert (("person", "Mohamed bin Salman"), ("person", "Mohammed ben Salmane")) in matching
    for a, b in matching:
        shared = set(candidate_keys(*a)) & set(candidate_keys(*b))
        assert shared or (a[0] == "person" and _fuzzy_lookup_finds(a[1], b[1])), (a, b)


def test_nothing_new_changes_nothing(tmp_path, published, full):
    con = _database(tmp_path / "inc.duckdb", published)
    _add(con, ENTITIES)
    update_resolution(con, "v1")
    again = update_resolution(con, "v1")
    assert again["mode"] == "incremental" and _tables(con) == full


def test_a_rule_change_a_removed_article_or_asking_resolves_in_full(tmp_path, published, full):
    con = _database(tmp_path / "inc.duckdb", published)
    _add(con, ENTITIES)
    update_resolution(con, "v1")
    changed = update_resolution(con, "v2")
    assert (changed["mode"], changed["reason"]) == ("full", "extractor version v1 -> v2")
    assert resolved_version(con) == "v2"
    assert update_resolution(con, "v2", full=True)["reason"] == "asked"
    con.execute("delete from nlp.entities where article_id = 'a'")
    con.execute("delete from nlp.meeting_mentions where article_id = 'a'")
    removed = update_resolution(con, "v2")
    assert removed["mode"] == "full" and "gone" in removed["reason"]
    assert not con.execute("select count(*) from nlp.entity_actors where article_id = 'a'").fetchone()[0]


def _split(seed: dict, target, resolved_first: set[str]):
    """A warehouse holding the seeds' raw articles and the nlp rows of ``resolved_first``, resolved in
    full, then the nlp rows of the other articles, not yet resolved."""
    con = duckdb.connect(str(target))
    con.execute("create schema raw")
    con.execute("create schema nlp")
    con.execute("create table raw.articles (article_id varchar, published_date date)")
    con.executemany("insert into raw.articles values (?, ?)", seed["published"])
    for name in ("entities", "meeting_mentions"):
        ensure_table(con, f"nlp.{name}", EXTRACTION_TABLES[name])

    def add(first: bool):
        for name in ("entities", "meeting_mentions"):
            rows = [r for r in seed[name] if (r["article_id"] in resolved_first) == first]
            insert_rows(con, f"nlp.{name}", EXTRACTION_TABLES[name], rows)

    add(True)
    assert update_resolution(con, "seeds")["mode"] == "full"
    add(False)
    return con


@pytest.mark.slow
def test_on_the_seeds_every_split_into_resolved_and_new_gives_the_pipelines_full_resolution(seed_pipeline, tmp_path):
    assert seed_pipeline.result.success
    with duckdb.connect(str(seed_pipeline.warehouse), read_only=True) as con:
        reference = _tables(con)
        seed = {name: fetch_dicts(con, f"select * from nlp.{name}") for name in ("entities", "meeting_mentions")}
        seed["published"] = con.execute("select article_id, published_date from raw.articles order by 1").fetchall()
    articles = [a for a, _ in seed["published"]]
    assert len(articles) == 5 and all(reference[name] for name in RESOLUTION_TABLES)
    for k in range(1, len(articles)):
        for first in itertools.combinations(articles, k):
            con = _split(seed, tmp_path / f"{k}_{'_'.join(a[:4] for a in first)}.duckdb", set(first))
            try:
                result = update_resolution(con, "seeds")
                assert result["mode"] == "incremental", result
                assert _tables(con) == reference, f"resolved first: {first}"
            finally:
                con.close()
