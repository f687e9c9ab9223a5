"""dbt's own output goes to the run's event log at DEBUG, not to a console at INFO, also on the scripts' instance
(python_log_level INFO, which makes ``context.log.debug`` drop a message before any handler sees it)."""
import contextlib
import logging

import dagster as dg


def test_dbt_output_is_kept_in_the_run_log_and_not_printed(dbt_manifest, capfd):
    from dagster_project.defs.warehouse.assets import LinesToLog, kept_at_debug

    @dg.op
    def talk(context):
        context.log.debug("a plain debug message")
        with LinesToLog(kept_at_debug(context.log)) as out, contextlib.redirect_stdout(out):
            print("1 of 2 START sql table model marts.example ... [RUN]")
            print("2 of 2 PASS unique_example_id ... [PASS in 0.01s]", end="")  # no newline: flushed on close
        context.log.info("done")

    @dg.job
    def job():
        talk()

    with dg.instance_for_test(overrides={"python_logs": {"python_log_level": "INFO"}}) as instance:
        result = job.execute_in_process(instance=instance)
        records = {e.user_message: e for e in instance.all_logs(result.run_id) if e.user_message}
    assert "a plain debug message" not in records  # what the instance's level does to context.log.debug
    for line in ("1 of 2 START sql table model marts.example ... [RUN]", "2 of 2 PASS unique_example_id ... [PASS in 0.01s]"):
        assert records[line].level == logging.DEBUG and records[line].step_key == "talk"
    printed = capfd.readouterr()
    assert "done" in printed.err + printed.out  # the console at INFO
    assert "START sql table model" not in printed.err + printed.out
