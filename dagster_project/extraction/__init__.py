"""Pure extraction code: text in, rows out. No Dagster imports here, so it is testable alone."""

EXTRACTOR_VERSION = "0.1.0"
