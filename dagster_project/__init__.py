"""News-to-warehouse pipeline: French diplomacy articles to a DuckDB warehouse."""
