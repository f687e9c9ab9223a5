"""One room per concern: Dagster definitions live in dagster_project/defs/, and the plain packages
beside it (the code the definitions call) import no Dagster, directly or through another module."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "dagster_project"
LIBRARIES = ["ingest", "storage", "incremental", "extraction", "reports", "quality", "evaluation"]
PLAIN_MODULES = ["query", "settings"]  # top-level modules the CLI and the libraries share
FORBIDDEN = ("dagster", "dagster_dbt", "dagster_project.defs", "dagster_project.cli", "dagster_project.definitions")


def _library_files() -> list[Path]:
    files = [p for name in LIBRARIES for p in sorted((PACKAGE / name).rglob("*.py"))]
    return files + [PACKAGE / f"{name}.py" for name in PLAIN_MODULES]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_every_library_package_exists_and_has_code():
    for name in LIBRARIES:
        modules = [p for p in (PACKAGE / name).glob("*.py") if p.name != "__init__.py"]
        assert modules, f"dagster_project/{name}/ holds no module"


@pytest.mark.parametrize("path", _library_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_library_module_imports_no_dagster(path):
    bad = sorted(m for m in _imported_modules(path) if m.startswith(FORBIDDEN) and
                 any(m == f or m.startswith(f + ".") for f in FORBIDDEN))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}: move that code to dagster_project/defs/"


def test_importing_every_library_loads_no_dagster():
    """The same, transitively: importing all the libraries must not bring Dagster in through a side door."""
    modules = sorted({
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in _library_files()
    })
    code = (f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dagster', 'dagster_dbt'))\n"
            "print('\\n'.join(loaded[:20]))\nsys.exit(1 if loaded else 0)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"Dagster modules loaded by the libraries:\n{done.stdout}{done.stderr[-2000:]}"


def test_definitions_folder_holds_definitions_only():
    """Every module under defs/ is Dagster code (imports dagster); the libraries it calls are beside it."""
    for path in sorted((PACKAGE / "defs").rglob("*.py")):
        if path.name == "__init__.py":
            continue
        imported = _imported_modules(path)
        assert any(m == "dagster" or m.startswith(("dagster.", "dagster_dbt")) for m in imported), \
            f"{path.relative_to(PACKAGE)} defines nothing for Dagster: move it beside defs/"


def _environment_uses(path: Path) -> tuple[list[int], list[int]]:
    """(lines that read os.environ / os.getenv, lines that write them) in one module."""
    reads, writes = [], []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv", "unsetenv") \
                and isinstance(node.value, ast.Name) and node.value.id == "os":
            reads.append(node.lineno)
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                if isinstance(target, ast.Subscript) and "os.environ" in ast.unparse(target.value):
                    writes.append(node.lineno)
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name in ("os.putenv", "os.unsetenv") or (name.startswith("os.environ.") and name.split(".")[-1] in (
                    "setdefault", "update", "pop", "popitem", "clear")):
                writes.append(node.lineno)
    return reads, writes


ENTRY_POINTS = {"settings.py", "cli.py"}  # the only modules that read the environment themselves
SETTING_READERS = {"defs/resources.py", "defs/automation/sensors.py", "cli.py"}  # definitions loading, the CLI


def test_settings_flow_one_way():
    """Nothing writes os.environ; only settings.py and the CLI read it; only definitions loading and the
    CLI ask settings.py for a value read from the environment. Everything else receives values."""
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = str(path.relative_to(PACKAGE))
        reads, writes = _environment_uses(path)
        assert not writes, f"{relative}:{writes} writes the environment"
        if relative not in ENTRY_POINTS:
            assert not reads, f"{relative}:{reads} reads the environment: take the value from a resource"
        source = path.read_text(encoding="utf-8")
        if relative not in SETTING_READERS and relative != "settings.py":
            assert "settings.value(" not in source and "settings.is_set(" not in source, \
                f"{relative} reads a setting from the environment: take it from a resource"
