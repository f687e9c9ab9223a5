"""The input folder to raw rows: reading and decoding files, language detection, the raw.* tables. No Dagster here."""
