"""reports/*: pictures of the marts for people: a meeting timeline, the actor network, an HTML overview.

Files go to ``reports/`` beside the warehouse (``warehouse/reports/`` by default); the
materialisations link them (paths), show the pictures inline (``picture``, a markdown image) and
their content as markdown tables. Meetings held ("met") and planned are counted apart everywhere.
"""
import datetime as dt
import json

import dagster as dg

from dagster_project.defs.resources import DuckDBWarehouse
from dagster_project.defs.warehouse.project import mart_keys
from dagster_project.evaluation.scoring import headline, markdown
from dagster_project.query import format_markdown
from dagster_project.reports.charts import (
    ACTORS_SQL,
    MEETINGS_SQL,
    PAIR_COLUMNS,
    PLANNED,
    draw_network,
    draw_timeline,
    pair_label,
    pair_meetings,
    png_markdown,
    render_overview,
    top_pairs,
)
from dagster_project.storage.tables import fetch_dicts

DEPS = mart_keys()
ACCURACY = dg.AssetKey(["evaluation", "accuracy"])
PREVIEW_ROWS = 20

TIMELINE = dg.AssetKey(["reports", "meeting_timeline"])
NETWORK = dg.AssetKey(["reports", "actor_network"])
OVERVIEW = dg.AssetKey(["reports", "overview"])


def _evaluation_result(folder) -> dict | None:
    """The result evaluation/accuracy wrote beside the reports in this build, if any."""
    path = folder / "evaluation.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@dg.multi_asset(
    name="reports",
    group_name="reports",
    can_subset=False,
    specs=[
        dg.AssetSpec(
            TIMELINE, deps=DEPS, kinds={"python", "matplotlib"},
            description="PNG timeline of the meetings: who met (one row per group of participants), when "
                        "(a bar when only the month or year is known), where (label), took place or planned.",
        ),
        dg.AssetSpec(
            NETWORK, deps=DEPS, kinds={"python", "matplotlib"},
            description="PNG network of actors: a solid edge between two actors who met (width and label = "
                        "meetings held, '+ N planned' beside), a dashed one when a meeting is only planned; "
                        "node size = meetings held attended, colour = country.",
        ),
        dg.AssetSpec(
            OVERVIEW, deps=[*DEPS, ACCURACY], kinds={"python", "html"},
            description="Self-contained HTML page: counts (meetings held and planned apart), the timeline and the "
                        "network, the most active pairs (met, planned), every meeting, and the build's accuracy on "
                        "the gold file (evaluation/accuracy).",
        ),
    ],
)
def reports(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse):
    """Draw reports/meeting_timeline.png and reports/actor_network.png, write reports/overview.html."""
    with warehouse.connect(read_only=True) as con:
        meetings = fetch_dicts(con, MEETINGS_SQL)
        actors = fetch_dicts(con, ACTORS_SQL)
        counts = {
            name: con.execute(f"select count(*) from marts.{name}").fetchall()[0][0]
            for name in ["dim_articles", "dim_actors", "fct_statements"]
        }
    for m in meetings:  # list(...) of a left join gives [None] for a meeting without participants
        m["participants"] = [p for p in (m["participants"] or []) if p]
        m["participant_ids"] = [p for p in (m["participant_ids"] or []) if p]
    names = {a["actor_id"]: a["canonical_name"] for a in actors}
    folder = warehouse.reports_dir()
    folder.mkdir(parents=True, exist_ok=True)

    timeline_png = draw_timeline(meetings)
    timeline_path = folder / "meeting_timeline.png"
    timeline_path.write_bytes(timeline_png)
    network_png = draw_network(meetings, actors)
    network_path = folder / "actor_network.png"
    network_path.write_bytes(network_png)
    pairs = top_pairs(meetings, names)
    context.log.info(f"drew {len(meetings)} meetings and {len(pairs)} pairs of actors into {folder}")

    planned = sum(1 for m in meetings if m["status"] == PLANNED)
    meeting_counts = {"meetings_held": len(meetings) - planned, "meetings_planned": planned}
    evaluation = _evaluation_result(folder)
    accuracy_rows = list(headline(evaluation).items()) if evaluation else None
    overview_path = folder / "overview.html"
    overview_path.write_text(
        render_overview(
            timeline_png=timeline_png, network_png=network_png, meetings=meetings, pairs=pairs,
            counts={"articles": counts["dim_articles"], "actors": counts["dim_actors"],
                    "meetings held": meeting_counts["meetings_held"],
                    "meetings planned": meeting_counts["meetings_planned"],
                    "statements": counts["fct_statements"]},
            accuracy=accuracy_rows, warehouse=str(warehouse.db_path()),
            generated=dt.datetime.now().isoformat(timespec="seconds"),
        ),
        encoding="utf-8",
    )

    meeting_rows = [
        (m["meeting_date"], m["date_precision"], m["status"], m["location"], pair_label(m["participants"]), m["n_articles"])
        for m in meetings[:PREVIEW_ROWS]
    ]
    yield dg.MaterializeResult(
        asset_key=TIMELINE,
        metadata={
            "path": dg.MetadataValue.path(str(timeline_path)),
            "picture": dg.MetadataValue.md(png_markdown(timeline_png, "meeting timeline")),
            "meetings": len(meetings),
            **meeting_counts,
            "undated_meetings": sum(1 for m in meetings if not m.get("meeting_date")),
            "preview": dg.MetadataValue.md(
                format_markdown(["date", "precision", "status", "location", "participants", "articles"], meeting_rows)
                + (f"\n\n_first {PREVIEW_ROWS} of {len(meetings)} meetings_" if len(meetings) > PREVIEW_ROWS else "")
            ),
        },
    )
    yield dg.MaterializeResult(
        asset_key=NETWORK,
        metadata={
            "path": dg.MetadataValue.path(str(network_path)),
            "picture": dg.MetadataValue.md(png_markdown(network_png, "actor network")),
            "actors": len({a for pair in pair_meetings(meetings) for a in pair}),
            "pairs": len(pairs),
            "pairs_met": sum(1 for p in pairs if p[2]),
            "preview": dg.MetadataValue.md(format_markdown(PAIR_COLUMNS, pairs[:PREVIEW_ROWS])),
        },
    )
    yield dg.MaterializeResult(
        asset_key=OVERVIEW,
        metadata={
            "path": dg.MetadataValue.path(str(overview_path)),
            "quality_report": dg.MetadataValue.path(str(folder / "quality_report.html")),
            **{name: value for name, value in counts.items()},
            **meeting_counts,
            "accuracy": dg.MetadataValue.md(markdown(evaluation) if evaluation else "_no evaluation in this build_"),
        },
    )
