"""Pure extraction code: text in, rows out. No Dagster imports here, so it is testable alone."""
import hashlib
from pathlib import Path

_RELEASE = "0.2.0"


def rule_files() -> list[Path]:
    """The extraction code and its rule data (lexicon, actor dictionaries), all package data beside us."""
    here = Path(__file__).parent
    return sorted([*here.glob("*.py"), *(here / "rules").glob("*.yaml"), *(here / "dictionaries").glob("*.csv")])


def fingerprint(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# Any change to a rule re-parses every article: the parse log is keyed by content and this version.
EXTRACTOR_VERSION = f"{_RELEASE}+{fingerprint(rule_files())}"
