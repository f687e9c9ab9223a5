"""The warehouse file: connections, typed tables, table contracts, the read snapshot, summaries. No Dagster here."""
