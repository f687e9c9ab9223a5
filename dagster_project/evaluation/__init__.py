"""The project's own evaluation against a gold file (format and metrics: README.md here). No Dagster here."""
