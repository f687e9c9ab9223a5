"""Pictures and pages of the marts for people: timeline, actor network, HTML overview. No Dagster here."""
