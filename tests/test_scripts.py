"""The Dagster instance the scripts create (scripts/dagster.yaml through scripts/_instance.sh): no pop-up, no
telemetry, a console at INFO; an instance made by an older version gets the same settings."""
import os
import subprocess
from pathlib import Path

import dagster as dg
from dagster._loggers import default_system_loggers

ROOT = Path(__file__).resolve().parents[1]


def _make_instance(home: Path, existing: str | None = None) -> str:
    home.mkdir(parents=True, exist_ok=True)
    if existing is not None:
        (home / "dagster.yaml").write_text(existing, encoding="utf-8")
    env = {**os.environ, "DAGSTER_HOME": str(home), "ROOT": str(ROOT)}
    subprocess.run(["bash", "-c", 'set -euo pipefail; source "$ROOT/scripts/_instance.sh"'], env=env, check=True)
    return (home / "dagster.yaml").read_text(encoding="utf-8")


def test_the_scripts_instance_has_no_popup_and_a_console_at_info(tmp_path):
    yaml_text = _make_instance(tmp_path / "home")
    assert yaml_text == (ROOT / "scripts" / "dagster.yaml").read_text(encoding="utf-8")
    instance = dg.DagsterInstance.from_config(str(tmp_path / "home"))
    try:
        assert instance.nux_enabled is False and instance.telemetry_enabled is False
        [(_, config)] = default_system_loggers(instance)  # a run's console when its config names no logger
        assert config["log_level"] == "INFO"
    finally:
        instance.dispose()


def test_an_older_instance_gets_the_settings_added_once(tmp_path):
    home = tmp_path / "old_home"
    yaml_text = _make_instance(home, existing="telemetry:\n  enabled: false\n")
    assert "nux:\n  enabled: false" in yaml_text and "python_log_level: INFO" in yaml_text
    assert _make_instance(home) == yaml_text  # sourced again: nothing added twice
