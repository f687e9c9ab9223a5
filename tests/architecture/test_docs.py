"""docs/architecture.md and the README's layout name rooms that exist."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _named_paths(text: str) -> set[str]:
    return set(re.findall(r"`((?:dagster_project|dbt|expectations|tests)/[\w./*-]*)`", text))


def test_the_architecture_doc_names_real_paths_and_draws_the_rooms():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert text.count("```mermaid") == 1  # one picture
    named = _named_paths(text)
    assert len(named) > 15
    for path in named:
        assert list(ROOT.glob(path.rstrip("/"))), f"docs/architecture.md names {path}, which does not exist"
    for room in ["defs", "ingest", "extraction", "incremental", "storage", "quality", "evaluation", "reports"]:
        assert f"dagster_project/{room}/" in text
        assert (ROOT / "dagster_project" / room).is_dir()
    assert "fct_statements" in text and "input/000_x.txt" in text


def test_the_readme_layout_lists_every_package_and_definitions_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout"):readme.index("## Accuracy")]
    packages = {p.name for p in (ROOT / "dagster_project").iterdir() if (p / "__init__.py").exists()}
    folders = {p.name for p in (ROOT / "dagster_project" / "defs").iterdir() if (p / "__init__.py").exists()}
    for name in packages | folders:
        assert f"  {name}/" in layout, f"the README's layout does not list {name}/"
