"""Pictures of the warehouse: a timeline of meetings and the actor network (matplotlib, PNG), and a
self-contained HTML overview. Pure functions over plain rows, so they are testable without Dagster."""
from __future__ import annotations

import base64
import datetime as dt
import html
import io
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

MAX_TIMELINE_ROWS = 25
MAX_NETWORK_NODES = 40

MEETINGS_SQL = """
select m.meeting_id, m.meeting_date, m.date_precision, m.location, m.status, m.mode, m.n_articles,
       list(a.canonical_name order by a.canonical_name) as participants,
       list(a.actor_id order by a.canonical_name) as participant_ids
from marts.fct_meetings m
left join marts.bridge_meeting_participants p using (meeting_id)
left join marts.dim_actors a using (actor_id)
group by all
order by m.meeting_date nulls last, m.meeting_id
"""

ACTORS_SQL = """
select a.actor_id, a.canonical_name, a.actor_type, a.country_code
from marts.dim_actors a
where a.actor_id in (select actor_id from marts.bridge_meeting_participants)
order by a.actor_id
"""


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _period_end(start: dt.date, precision: str | None) -> dt.date:
    if precision == "year":
        return dt.date(start.year, 12, 31)
    if precision == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return start


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return buffer.getvalue()


def _placeholder(plt, title: str, text: str) -> bytes:
    fig, ax = plt.subplots(figsize=(8, 2))
    ax.axis("off")
    ax.set_title(title)
    ax.text(0.5, 0.5, text, ha="center", va="center")
    data = _png(fig)
    plt.close(fig)
    return data


def pair_label(names: Sequence[str] | None) -> str:
    names = [n for n in (names or []) if n]
    return " – ".join(names) if names else "(no participant)"


def timeline_rows(meetings: Sequence[Mapping[str, Any]], max_rows: int = MAX_TIMELINE_ROWS) -> list[str]:
    """The participant sets shown as rows: the most frequent ones, ordered by their first meeting."""
    counts = Counter(pair_label(m["participants"]) for m in meetings if m.get("meeting_date"))
    first: dict[str, dt.date] = {}
    for m in meetings:
        if m.get("meeting_date"):
            label = pair_label(m["participants"])
            first[label] = min(first.get(label, m["meeting_date"]), m["meeting_date"])
    kept = sorted(counts, key=lambda k: (-counts[k], first[k], k))[:max_rows]
    return sorted(kept, key=lambda k: (first[k], k))


def draw_timeline(meetings: Sequence[Mapping[str, Any]], max_rows: int = MAX_TIMELINE_ROWS) -> bytes:
    """PNG: one row per group of participants, one mark per meeting at its date (a bar over the month
    or year when only that is known), filled when it took place, hollow when planned, labelled with the place."""
    plt = _plt()
    import matplotlib.dates as mdates

    dated = [m for m in meetings if m.get("meeting_date")]
    if not dated:
        return _placeholder(plt, "Meetings", "no dated meeting in the warehouse")
    rows = timeline_rows(dated, max_rows)
    y_of = {label: i for i, label in enumerate(rows)}
    shown = [m for m in dated if pair_label(m["participants"]) in y_of]
    fig, ax = plt.subplots(figsize=(12, max(2.8, 0.55 * len(rows) + 1.6)))
    colours = {"occurred": "#1f77b4", "planned": "#ff7f0e"}
    for m in shown:
        y = y_of[pair_label(m["participants"])]
        start = m["meeting_date"]
        colour = colours.get(m.get("status"), "#7f7f7f")
        end = _period_end(start, m.get("date_precision"))
        if end > start:
            ax.plot([start, end], [y, y], color=colour, linewidth=6, alpha=0.35, solid_capstyle="butt")
        size = 60 + 30 * min(int(m.get("n_articles") or 1), 6)
        filled = m.get("status") != "planned"
        ax.scatter([start], [y], s=size, zorder=3, color=colour if filled else "white", edgecolors=colour, linewidths=2)
        if m.get("location"):
            ax.annotate(m["location"], (start, y), xytext=(6, 7), textcoords="offset points", fontsize=8, color="#333333")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(rows, fontsize=9)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(mdates.AutoDateLocator()))
    lo = min(m["meeting_date"] for m in shown)
    hi = max(_period_end(m["meeting_date"], m.get("date_precision")) for m in shown)
    pad = max((hi - lo).days * 0.06, 15)
    ax.set_xlim(lo - dt.timedelta(days=pad), hi + dt.timedelta(days=2 * pad))
    ax.grid(axis="x", alpha=0.3)
    held = sum(1 for m in shown if m.get("status") != PLANNED)
    title = f"Meetings over time ({held} held, {len(shown) - held} planned"
    if len(shown) < len(meetings):
        title += f"; {len(meetings) - len(shown)} more without a date or outside the rows shown"
    if len(rows) < len({pair_label(m['participants']) for m in dated}):
        title += f"; the {len(rows)} most frequent groups of participants"
    ax.set_title(title + ")")
    from matplotlib.lines import Line2D

    ax.legend(
        handles=[
            Line2D([], [], marker="o", linestyle="", color=colours["occurred"], label="held (met)"),
            Line2D([], [], marker="o", linestyle="", markerfacecolor="white", color=colours["planned"], label="planned"),
            Line2D([], [], color="#7f7f7f", linewidth=6, alpha=0.35, label="date known to the month/year"),
        ],
        loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False,
    )
    data = _png(fig)
    plt.close(fig)
    return data


PLANNED = "planned"


def pair_meetings(meetings: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], dict[str, int]]:
    """(actor, actor) -> {"met": meetings held together, "planned": meetings planned together}.

    One meaning of "meeting" everywhere: a pair *met* when a meeting of both took place; a planned
    meeting is counted apart, never added to the meetings held."""
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: {"met": 0, "planned": 0})
    for m in meetings:
        kind = "planned" if m.get("status") == PLANNED else "met"
        ids = sorted(set(m.get("participant_ids") or []))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pairs[(a, b)][kind] += 1
    return {pair: dict(counts) for pair, counts in pairs.items()}


def met_label(met: int, planned: int) -> str:
    """An edge's label: '2', '2 + 1 planned', '1 planned'."""
    if not planned:
        return str(met)
    return f"{met} + {planned} planned" if met else f"{planned} planned"


PAIR_COLUMNS = ["actor", "actor", "met", "planned", "first met", "last met"]


def top_pairs(meetings, names, limit=None):
    """(actor, actor, met, planned, first met, last met): pairs by meetings held, then planned."""
    counts = pair_meetings(meetings)
    dates: dict[tuple[str, str], list] = {}
    for m in meetings:
        if m.get("status") == PLANNED or not m.get("meeting_date"):
            continue
        ids = sorted(set(m.get("participant_ids") or []))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                dates.setdefault((a, b), []).append(m["meeting_date"])
    rows = [
        (names.get(a, a), names.get(b, b), c["met"], c["planned"],
         min(dates[(a, b)]) if (a, b) in dates else None, max(dates[(a, b)]) if (a, b) in dates else None)
        for (a, b), c in counts.items()
    ]
    rows.sort(key=lambda r: (-r[2], -r[3], r[0], r[1]))
    return rows[:limit] if limit else rows


def _layout(nodes: list[str], edges: Mapping[tuple[str, str], int]) -> dict[str, tuple[float, float]]:
    """Spring layout of each connected component, the components packed left to right, biggest first
    (one spring layout of a graph in pieces pushes the pieces to the corners)."""
    import math

    try:
        import networkx as nx
    except ImportError:  # no networkx: a circle
        return {n: (math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes)))
                for i, n in enumerate(nodes)}
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in edges.items())
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    positions: dict[str, tuple[float, float]] = {}
    x_offset = 0.0
    for component in components:
        size = math.sqrt(len(component))  # width given to this component
        if len(component) == 1:
            local = {component[0]: (0.0, 0.0)}
        else:
            sub = graph.subgraph(component)
            local = nx.spring_layout(sub, seed=7, weight="weight", k=1.6 / math.sqrt(len(component)), iterations=200)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        for n, (x, y) in local.items():
            positions[n] = (x_offset + size / 2 + (x - cx) / span * size * 0.8, (y - cy) / span * size * 0.8)
        x_offset += size + 0.4
    return positions


def draw_network(meetings: Sequence[Mapping[str, Any]], actors: Sequence[Mapping[str, Any]],
                 max_nodes: int = MAX_NETWORK_NODES) -> bytes:
    """PNG: who met whom. A node per actor (size = meetings held that they attended, colour = country);
    a solid edge per pair that met (width = meetings held), a dashed one for a pair that only has a
    meeting planned; the label says both apart ('2 + 1 planned')."""
    plt = _plt()
    pairs = pair_meetings(meetings)
    if not pairs:
        return _placeholder(plt, "Actor network", "no meeting with two known participants")
    attended = Counter(a for m in meetings if m.get("status") != PLANNED for a in set(m.get("participant_ids") or []))
    strength = Counter()
    for (a, b), c in pairs.items():
        weight = c["met"] + c["planned"]
        strength[a] += weight
        strength[b] += weight
    nodes = sorted(strength, key=lambda n: (-strength[n], n))[:max_nodes]
    keep = set(nodes)
    pairs = {e: c for e, c in pairs.items() if e[0] in keep and e[1] in keep}
    info = {a["actor_id"]: a for a in actors}
    pos = _layout(nodes, {e: c["met"] + c["planned"] for e, c in pairs.items()})

    countries = sorted({(info.get(n) or {}).get("country_code") or "?" for n in nodes})
    cmap = plt.get_cmap("tab10" if len(countries) <= 10 else "tab20")
    colour_of = {c: cmap(i % cmap.N) for i, c in enumerate(countries)}

    fig, ax = plt.subplots(figsize=(10, 8))
    top = max([c["met"] for c in pairs.values()] + [1])
    for (a, b), c in sorted(pairs.items()):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        if c["met"]:
            ax.plot([xa, xb], [ya, yb], color="#555555", alpha=0.55, linewidth=1 + 5 * c["met"] / top, zorder=1)
        else:  # only planned: a thin dashed line, never mistaken for a meeting held
            ax.plot([xa, xb], [ya, yb], color="#ff7f0e", alpha=0.8, linewidth=1.2, linestyle="--", zorder=1)
        ax.text((xa + xb) / 2, (ya + yb) / 2, met_label(c["met"], c["planned"]), fontsize=8, ha="center",
                va="center", zorder=2, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    for n in nodes:
        x, y = pos[n]
        country = (info.get(n) or {}).get("country_code") or "?"
        size = 250 + 180 * min(attended[n], 20)
        ax.scatter([x], [y], s=size, color=colour_of[country], edgecolors="white", linewidths=1.5, zorder=3)
        ax.annotate((info.get(n) or {}).get("canonical_name") or n, (x, y), xytext=(0, size ** 0.5 / 2 + 3),
                    textcoords="offset points",
                    ha="center", fontsize=9, zorder=4)
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", linestyle="", color=colour_of[c], label=c) for c in countries]
    handles += [Line2D([], [], color="#555555", linewidth=3, label="met (label: meetings held)"),
                Line2D([], [], color="#ff7f0e", linewidth=1.2, linestyle="--", label="only planned")]
    ax.legend(handles=handles, title="country", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
              frameon=False)
    met_pairs = sum(1 for c in pairs.values() if c["met"])
    ax.set_title(f"Who met whom ({len(nodes)} actors; {met_pairs} pairs met, "
                 f"{len(pairs) - met_pairs} with a planned meeting only)")
    ax.axis("off")
    ax.margins(0.15)
    data = _png(fig)
    plt.close(fig)
    return data


def png_markdown(data: bytes, alt: str) -> str:
    """A PNG as a markdown image with the picture inline (a data URI): the Dagster UI shows it on the asset page."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(data).decode()})"


def _table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else ', '.join(map(str, v)) if isinstance(v, list) else str(v))}</td>"
                         for v in row) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def render_overview(
    *,
    timeline_png: bytes,
    network_png: bytes,
    meetings: Sequence[Mapping[str, Any]],
    pairs: Sequence[Sequence[Any]],
    counts: Mapping[str, int],
    accuracy: Sequence[Sequence[Any]] | None,  # (metric, value) rows of the build's evaluation
    warehouse: str,
    generated: str,
) -> str:
    """One self-contained HTML page: counts, both pictures (embedded), the meetings, the most active pairs, accuracy."""
    def img(data: bytes, alt: str) -> str:
        return f"<img alt='{alt}' src='data:image/png;base64,{base64.b64encode(data).decode()}'>"

    count_items = "".join(f"<li><b>{html.escape(str(v))}</b> {html.escape(k)}</li>" for k, v in counts.items())
    meeting_rows = [
        (m["meeting_date"], m["date_precision"], m["status"], m["location"], pair_label(m["participants"]), m["n_articles"])
        for m in meetings
    ]
    accuracy_html = (
        _table(["metric", "value"], accuracy) if accuracy
        else "<p>No evaluation in this build (the evaluation/accuracy asset did not run).</p>"
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Warehouse overview</title>"
        "<style>body{font-family:sans-serif;margin:2em;max-width:1300px}"
        "td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
        "img{max-width:100%;border:1px solid #eee}</style></head><body>"
        "<h1>Warehouse overview</h1>"
        f"<p>{html.escape(warehouse)} — generated {html.escape(generated)}</p>"
        f"<ul>{count_items}</ul>"
        f"<h2>Meetings over time</h2>{img(timeline_png, 'timeline of meetings')}"
        f"<h2>Who met whom</h2>{img(network_png, 'actor network')}"
        "<h2>Most active pairs</h2>"
        + _table(PAIR_COLUMNS, pairs)
        + "<h2>Meetings</h2>"
        + _table(["date", "precision", "status", "location", "participants", "articles"], meeting_rows)
        + f"<h2>Accuracy on the gold file</h2>{accuracy_html}"
        "<p>Every check's result: <a href='quality_report.html'>quality_report.html</a></p>"
        "</body></html>"
    )
