"""Cross-article resolution: one actor per real actor, one meeting per real meeting.

Meeting dates across reports follow one documented rule: the finest precision reported in the
text wins; among equally fine dates, the one most reports give (a report without a date of its
own backs the date of the report it joined); a tie goes to the earliest-published report, then to
the earlier date. Dates inferred only from an article's own date ('article_date') are used when
no report states one.
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from datetime import date, timedelta

from .gazetteer import gazetteer
from .names import is_short_form, name_key, same_person_name
from .rules import first_name_genders

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
WEAK_DATE_TOLERANCE = timedelta(days=7)


# Dates a report does not state for the meeting itself: the article's date, or the date the
# paragraph's story is set in. Such a report joins a meeting of the same participants if there is one.
WEAK_BASES = ("article_date", "context")


def stable_id(prefix: str, *parts) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]
    return f"{prefix}_{digest}"


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name_key(value)).strip("_")


def candidate_keys(actor_type: str, name: str) -> list[tuple[str, str]]:
    """The keys under which resolve_actors looks a name's cluster up: its type and each word of its key.

    Two names that no chain of shared keys links are resolved independently of each other, whatever
    the order of the articles: incremental/resolve.py re-resolves only the names a new one is linked to.
    """
    return [(actor_type, word) for word in name_key(name).split()]


def resolve_actors(entities: list[dict]) -> tuple[list[dict], list[dict]]:
    """Dictionary actors by key; others clustered by full name, word order, initials and close spelling."""
    gaz = gazetteer()
    assigned: dict[tuple[str, int], str] = {}
    clusters: list[dict] = []  # {"type", "names": Counter, "forms": Counter, "members": [...]}
    by_word: dict[tuple[str, str], list[dict]] = defaultdict(list)  # (type, name word) -> clusters
    # a lone first name ("François") joins a person only once every full name has found its own: it
    # is never the link that puts two articles' "François X" and "François Y" together
    for e in sorted(entities, key=lambda r: (_lone_first_name(r), r["article_id"], r["entity_idx"])):
        key = (e["article_id"], e["entity_idx"])
        if e.get("dict_key"):
            assigned[key] = e["dict_key"]
            continue
        if not e.get("name"):
            continue
        keys = candidate_keys(e["actor_type"], e["name"])
        candidates = list({id(c): c for k in keys for c in by_word[k]}.values())
        cluster = _find_cluster(candidates, e)
        if cluster is None:
            cluster = {"type": e["actor_type"], "names": Counter(), "forms": Counter(), "members": [],
                       "countries": Counter()}
            clusters.append(cluster)
        if e["name"] not in cluster["names"]:
            for k in keys:
                by_word[k].append(cluster)
        cluster["names"][e["name"]] += 1
        cluster["forms"].update(e.get("forms") or [])
        if e.get("country_code"):
            cluster["countries"][e["country_code"]] += 1
        cluster["members"].append(key)
    actor_forms: dict[str, Counter] = defaultdict(Counter)
    for e in entities:
        if e.get("dict_key"):
            actor_forms[e["dict_key"]].update(e.get("forms") or [])
    actors = {}
    for key, forms in sorted(actor_forms.items()):
        row = gaz.actors.get(key, {})
        aliases = sorted({*row.get("aliases", []), *forms} - {row.get("canonical_name")})
        actors[key] = {"actor_id": key, "canonical_name": row.get("canonical_name", key),
                       "actor_type": row.get("actor_type"), "country_code": row.get("country_code") or None,
                       "wikidata_id": row.get("wikidata_id") or None, "aliases": aliases}
    for cluster in clusters:
        canonical = max(cluster["names"], key=lambda n: (len(n.split()) > 1, cluster["names"][n], len(n), n))
        actor_id = f"{cluster['type'][:3]}_{_slug(canonical)}"
        country = max(cluster["countries"], key=lambda c: (cluster["countries"][c], c)) if cluster["countries"] else None
        actors[actor_id] = {"actor_id": actor_id, "canonical_name": canonical, "actor_type": cluster["type"],
                            "country_code": country, "wikidata_id": None,
                            "aliases": sorted(set(cluster["forms"]) - {canonical})}
        for member in cluster["members"]:
            assigned[member] = actor_id
    entity_actors = [{"article_id": a, "entity_idx": i, "actor_id": actor} for (a, i), actor in sorted(assigned.items())]
    return sorted(actors.values(), key=lambda r: r["actor_id"]), entity_actors


@functools.lru_cache(maxsize=1 << 18)
def _person_names_match(a: str, b: str) -> bool:
    """Cached: across 10,000 articles the same pairs of names are compared again and again."""
    return same_person_name(a, b) or is_short_form(a, b) or is_short_form(b, a)


def _lone_first_name(e: dict) -> bool:
    return e.get("actor_type") == "person" and not e.get("dict_key") and _is_first_name(e.get("name") or "")


@functools.cache
def _first_name_keys() -> frozenset[str]:
    return frozenset(name_key(n) for n in first_name_genders())


def _is_first_name(name: str) -> bool:
    key = name_key(name)
    return " " not in key and key in _first_name_keys()


def _find_cluster(clusters: list[dict], e: dict) -> dict | None:
    name = e["name"]
    if _lone_first_name(e):
        # the one person of that first name, or the lone first name met before; none when several fit
        people = [c for c in clusters if c["type"] == "person"]
        key = name_key(name)
        same = [c for c in people if any(name_key(o) == key for o in c["names"])]
        if same:
            return same[0]
        fits = [c for c in people if any(_person_names_match(name, o) for o in c["names"])]
        return fits[0] if len(fits) == 1 else None
    for cluster in clusters:
        if cluster["type"] != e["actor_type"]:
            continue
        for other in cluster["names"]:
            if e["actor_type"] == "person":
                if _person_names_match(name, other):
                    return cluster
            elif name_key(name) == name_key(other) or _content_key(name) == _content_key(other) is not None:
                return cluster
    return None


# words a body's name may change without naming another body ("Convention citoyenne pour / sur le climat")
_NAME_FUNCTION_WORDS = frozenset({"de", "du", "des", "d", "pour", "sur", "la", "le", "les", "l", "et", "en"})


@functools.lru_cache(maxsize=1 << 16)
def _content_key(name: str) -> str | None:
    """The name's key without its prepositions and articles, when at least two content words remain."""
    words = [w for w in re.split(r"[\s']+", name_key(name)) if w and w not in _NAME_FUNCTION_WORDS]
    return " ".join(words) if len(words) >= 2 else None


def _dates_compatible(a: dict, b: dict) -> bool:
    if a["meeting_date"] is None or b["meeting_date"] is None:
        return a["meeting_date"] is None and b["meeting_date"] is None
    da, db = a["meeting_date"], b["meeting_date"]
    if a.get("date_basis") in WEAK_BASES or b.get("date_basis") in WEAK_BASES:
        if abs(da - db) <= WEAK_DATE_TOLERANCE:
            return True
    coarse = max(PRECISION_RANK[a["date_precision"]], PRECISION_RANK[b["date_precision"]])
    if coarse == 2:
        return da.year == db.year
    if coarse == 1:
        return (da.year, da.month) == (db.year, db.month)
    return da == db


def _merge_conflicting_reports(clusters: list[list[dict]]) -> list[list[dict]]:
    """Articles that disagree by a month (or two days) about the same participants' meeting report
    one meeting; the date most reports give wins (see _representative), the rest stays as evidence."""
    merged: list[list[dict]] = []
    by_participants: dict[frozenset, list[list[dict]]] = defaultdict(list)
    for cluster in clusters:
        key = frozenset(_actors(cluster))
        home = next((m for m in by_participants[key] if _near_dates(m, cluster)
                     and not {x["article_id"] for x in m} & {x["article_id"] for x in cluster}), None)
        if home is None:
            merged.append(cluster)
            by_participants[key].append(cluster)
        else:
            home.extend(cluster)
    return merged


def _index_by_actor(clusters: list[list[dict]]) -> dict[str, list[list[dict]]]:
    index: dict[str, list[list[dict]]] = defaultdict(list)
    for cluster in clusters:
        for a in _actors(cluster):
            index[a].append(cluster)
    return index


def _near_dates(a: list[dict], b: list[dict]) -> bool:
    da = [x for x in a if x["meeting_date"] is not None and x.get("date_basis") == "text" and x["status"] == "occurred"]
    db = [x for x in b if x["meeting_date"] is not None and x.get("date_basis") == "text" and x["status"] == "occurred"]
    for x in da:
        for y in db:
            if x["date_precision"] == y["date_precision"] == "month":
                months = abs((x["meeting_date"].year - y["meeting_date"].year) * 12
                             + x["meeting_date"].month - y["meeting_date"].month)
                if months == 1:
                    return True
            elif x["date_precision"] == y["date_precision"] == "day" and 0 < abs((x["meeting_date"] - y["meeting_date"]).days) <= 2:
                return True
    return False


def _nearest_cluster(item: dict, clusters: list[list[dict]], published: date | None) -> list[dict] | None:
    candidates = []
    for cluster in clusters:
        dated = [x["meeting_date"] for x in cluster if x["meeting_date"] is not None]
        if not dated or not _participants_compatible(item["actors"], _actors(cluster)):
            continue
        planned_cluster = all(x["status"] == "planned" for x in cluster)
        if planned_cluster != (item["status"] == "planned"):
            continue  # a plan joins plans; a report of a past meeting joins past meetings
        if item.get("date_basis") == "context" and item["meeting_date"] is not None and not any(
                abs(d - item["meeting_date"]) <= WEAK_DATE_TOLERANCE for d in dated):
            continue  # a date the story gives, if not the meeting's own, still rules out another month
        gap = min(abs((d - (published or d)).days) for d in dated)
        if item["actors"] != _actors(cluster) and gap > WEAK_DATE_TOLERANCE.days:
            continue  # an older meeting is taken up again by the same people, not by a subset or superset
        after = min(dated) > (published or date.min) + WEAK_DATE_TOLERANCE
        own_article = any(x["article_id"] == item["article_id"] for x in cluster)
        candidates.append((after, item["actors"] != _actors(cluster), not own_article, gap, cluster[0]["article_id"],
                           cluster))
    return min(candidates, key=lambda c: c[:5])[5] if candidates else None


def _actors(cluster: list[dict]) -> set:
    return set().union(*[x["actors"] for x in cluster])


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _fits(item: dict, cluster: list[dict]) -> bool:
    """Date-compatible with every text-dated report of the cluster and with at least one report."""
    return (all(_dates_compatible(item, x) for x in cluster if x.get("date_basis") not in WEAK_BASES)
            and any(_dates_compatible(item, x) for x in cluster))


def _participants_compatible(a: set, b: set) -> bool:
    return bool(a and b) and (a <= b or b <= a or len(a & b) / len(a | b) >= 0.5)


def resolve_meetings(mentions: list[dict], entity_actor: dict[tuple[str, int], str],
                     published: dict[str, date | None],
                     actor_info: dict[str, dict] | None = None) -> tuple[list[dict], list[dict]]:
    """Cluster meeting mentions across articles; finer dates first so that coarse reports join them."""
    items = []
    for m in mentions:
        parts = {entity_actor.get((m["article_id"], i)) for i in m["participant_entity_idxs"]} - {None}
        # two sides, or one body in session ("le sommet du G20"), which the extractor emits alone
        if len(parts) >= 2 or len(parts) == 1 == len(m["participant_entity_idxs"]):
            items.append({**m, "actors": parts})
    items.sort(key=lambda m: (m["meeting_date"] is None, m.get("date_basis") in WEAK_BASES,
                              PRECISION_RANK.get(m["date_precision"], 3), m["article_id"], m["meeting_idx"]))
    clusters: list[list[dict]] = []
    exact: dict[tuple, list[list[dict]]] = defaultdict(list)  # participant set -> clusters
    weak = [x for x in items if x.get("date_basis") in WEAK_BASES]
    for item in (x for x in items if x.get("date_basis") not in WEAK_BASES):
        # first pass: the same participants on a compatible date
        key = tuple(sorted(item["actors"]))
        home = next((c for c in exact[key] if _fits(item, c)), None)
        if home is None:
            clusters.append([item])
            exact[key].append(clusters[-1])
        else:
            home.append(item)
    by_actor = _index_by_actor(clusters)
    for item in weak:
        # a report dated only by its article ('la rencontre entre X et Y') is the reported meeting
        # of those participants nearest before the article's date, if there is one
        candidates = list({id(c): c for a in sorted(item["actors"]) for c in by_actor[a]}.values())
        home = _nearest_cluster(item, candidates, published.get(item["article_id"]))
        if home is None:
            clusters.append([item])
            for a in item["actors"]:
                by_actor[a].append(clusters[-1])
        else:
            home.append(item)
    clusters = _merge_conflicting_reports(clusters)
    clusters = _named_hosts(clusters, actor_info or {})
    # second pass: a report from one article naming a subset or superset of a meeting's
    # participants joins it (one report often omits someone); well-attested meetings stay apart
    merged: list[list[dict]] = []
    merged_by_actor: dict[str, list[list[dict]]] = defaultdict(list)
    for cluster in sorted(clusters, key=lambda c: (-len({x["article_id"] for x in c}), -len(c))):
        articles = {x["article_id"] for x in cluster}
        home = None
        if len(articles) == 1:
            # an article that reports two meetings separately means two meetings
            candidates = list({id(m): m for a in sorted(_actors(cluster)) for m in merged_by_actor[a]}.values())
            home = max((m for m in candidates if _participants_compatible(_actors(cluster), _actors(m))
                        and all(_fits(x, m) for x in cluster)
                        and not articles & {x["article_id"] for x in m}),
                       key=lambda m: (_jaccard(_actors(cluster), _actors(m)), len(m)), default=None)
        if home is None:
            merged.append(list(cluster))
            home = merged[-1]
        else:
            home.extend(cluster)
        for a in _actors(cluster):
            if home not in merged_by_actor[a]:
                merged_by_actor[a].append(home)
    clusters = merged
    meetings, mapping = [], []
    for cluster in clusters:
        meeting_id = stable_id("mtg", *min((x["article_id"], x["char_start"], x["meeting_idx"]) for x in cluster))
        meetings.append({"meeting_id": meeting_id, **_representative(cluster, published),
                         "participants": _consensus_participants(cluster)})
        mapping += [{"article_id": x["article_id"], "meeting_idx": x["meeting_idx"], "meeting_id": meeting_id}
                    for x in cluster]
    return sorted(meetings, key=lambda r: r["meeting_id"]), sorted(mapping, key=lambda r: (r["article_id"], r["meeting_idx"]))


def _named_hosts(clusters: list[list[dict]], info: dict[str, dict]) -> list[list[dict]]:
    """A visit reported with the country visited ('la visite de X à Pyongyang') is the meeting another
    report gives with a person of that country ('X et Kim se sont rencontrés à Pyongyang'): the
    person stands in for the country."""
    def kind(actor):
        return info.get(actor, {}).get("actor_type")

    # a cluster that can take c names all of c's persons: look only among those naming its first person
    # (in list order, as a scan of every cluster would meet them)
    position = {id(c): i for i, c in enumerate(clusters)}
    by_actor = _index_by_actor(clusters)
    absorbed: set[int] = set()
    for c in clusters:
        actors = _actors(c)
        countries = [a for a in actors if kind(a) == "country"]
        persons = [a for a in actors if kind(a) == "person"]
        if len(countries) != 1 or not persons:
            continue
        code = info[countries[0]].get("country_code")
        for other in by_actor[min(persons)]:
            if other is c or id(other) in absorbed:
                continue
            # the host its reports name most (then by id): never the order of a set, which changes between runs
            named = Counter(a for x in other for a in x["actors"])
            hosts = sorted((q for q in named if kind(q) == "person" and q not in persons
                            and info[q].get("country_code") == code), key=lambda q: (-named[q], q))
            if hosts and set(persons) <= _actors(other) and all(_fits(x, other) for x in c):
                for x in c:
                    x["actors"] = (x["actors"] - {countries[0]}) | {hosts[0]}
                other.extend(c)
                for a in _actors(c):  # the actors c brings now name other too
                    if not any(o is other for o in by_actor[a]):
                        at = next((k for k, o in enumerate(by_actor[a]) if position[id(o)] > position[id(other)]),
                                  len(by_actor[a]))
                        by_actor[a].insert(at, other)
                absorbed.add(id(c))
                break
    return [c for c in clusters if id(c) not in absorbed]


def _consensus_participants(cluster: list[dict]) -> list[str]:
    """Participants named by at least a third of the reports, a report dated only by its article
    counting half: one sloppy mention among several does not add a stranger to a meeting."""
    weights = {id(x): 0.5 if x.get("date_basis") in WEAK_BASES else 1.0 for x in cluster}
    total = sum(weights.values())
    score = Counter()
    for x in cluster:
        score.update({a: weights[id(x)] for a in x["actors"]})
    return sorted(a for a, w in score.items() if w >= total / 3)


def _representative(cluster: list[dict], published: dict[str, date | None]) -> dict:
    dated = [x for x in cluster if x["meeting_date"] is not None]
    stated = [x for x in dated if x.get("date_basis") not in WEAK_BASES] or dated
    chosen_date, precision = None, None
    if stated:
        best = min(PRECISION_RANK[x["date_precision"]] for x in stated)
        finest = [x for x in stated if PRECISION_RANK[x["date_precision"]] == best]
        votes = Counter(x["meeting_date"] for x in finest)
        for x in cluster:  # reports without a date of their own back the date of the reports they joined
            if x.get("date_basis") != "text":
                nearest = min(finest, key=lambda f: (f["article_id"] != x["article_id"],
                                                     abs((f["meeting_date"] - (x["meeting_date"] or f["meeting_date"])).days)))
                votes[nearest["meeting_date"]] += 1
        first_seen = {}
        for x in sorted(finest, key=lambda x: (published.get(x["article_id"]) or date.max, x["meeting_date"])):
            first_seen.setdefault(x["meeting_date"], len(first_seen))
        # most reports win; a tie goes to the earliest-published report, then to the earlier date
        chosen_date = max(votes, key=lambda d: (votes[d], -first_seen[d]))
        precision = finest[0]["date_precision"]
    locations = Counter(x["location"] for x in cluster if x.get("location"))
    modes = Counter(x["mode"] for x in cluster if x.get("mode"))
    return {"meeting_date": chosen_date, "date_precision": precision,
            "location": max(locations, key=lambda k: (locations[k], k)) if locations else None,
            "status": "occurred" if any(x["status"] == "occurred" for x in cluster) else "planned",
            "mode": max(modes, key=lambda k: (modes[k], k)) if modes else None}


def resolve_meeting_tables(meeting_mentions: list[dict], entity_actor: dict[tuple[str, int], str],
                           published_dates: dict[str, date | None],
                           actor_info: dict[str, dict]) -> dict[str, list[dict]]:
    """The meeting rows: meetings, meeting_mention_map, meeting_participants. ``entity_actor`` and
    ``actor_info`` need only cover the mentions' participants, ``published_dates`` their articles."""
    meetings, mapping = resolve_meetings(meeting_mentions, entity_actor, published_dates, actor_info)
    participants = [{"meeting_id": m["meeting_id"], "actor_id": a} for m in meetings for a in m.pop("participants")]
    return {"meetings": meetings, "meeting_mention_map": mapping, "meeting_participants": participants}


def resolve_corpus(entities: list[dict], meeting_mentions: list[dict],
                   published_dates: dict[str, date | None]) -> dict[str, list[dict]]:
    actors, entity_actors = resolve_actors(entities)
    lookup = {(r["article_id"], r["entity_idx"]): r["actor_id"] for r in entity_actors}
    return {"actors": actors, "entity_actors": entity_actors,
            **resolve_meeting_tables(meeting_mentions, lookup, published_dates, {a["actor_id"]: a for a in actors})}
