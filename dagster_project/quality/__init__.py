"""Data quality: Great Expectations suites run on DataFrames, and the HTML/JSON quality report. No Dagster here."""
