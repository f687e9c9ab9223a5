"""Incremental extraction into the nlp.* tables and the cross-article resolution after it. No Dagster here."""
