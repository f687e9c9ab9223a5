"""Accuracy floors on the seed gold, measured by the project's scorer on the warehouse the whole
pipeline built: a rule change that costs accuracy fails here, not in the hidden evaluation."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.yaml"


@pytest.fixture(scope="module")
def score(seed_pipeline, tmp_path_factory):
    if not SCORER.exists():
        pytest.skip(f"the scorer is not beside the project ({SCORER})")
    out = tmp_path_factory.mktemp("score") / "score.json"
    subprocess.run([sys.executable, str(SCORER), "--warehouse", str(seed_pipeline.warehouse), "--gold", str(GOLD),
                    "--json", str(out)], check=True, capture_output=True)
    return json.loads(out.read_text())


def test_publication_dates_and_persons(score):
    assert score["articles"]["published_date_accuracy"] == 1.0
    assert score["actors"]["resolution_accuracy"] == 1.0


def test_statements(score):
    at_half = score["statements"]["at_0.5"]
    assert at_half["match"]["f1"] >= 0.92
    assert at_half["speaker_accuracy"] >= 0.90
    assert at_half["attribution"]["f1"] >= 0.87


def test_meetings(score):
    # 7 of the 8 seed meetings: the last is reported by one article only, dated a month off and with the
    # host country for its host, which no rule of the text can mend (see the README's accuracy notes)
    assert score["meetings"]["strict"]["f1"] >= 0.85
    assert score["meetings"]["participants_micro"]["f1"] >= 0.9
