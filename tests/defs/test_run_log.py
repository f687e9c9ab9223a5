"""dbt's own output goes to the run's event log at DEBUG, not to a console at INFO, also on the scripts' instance
(python_log_level INFO, which makes ``context.log.debug`` drop a message before any handler sees it)."""
import logging
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# one job, run here and in a fresh interpreter (whose console no earlier test has rebound)
JOB = textwrap.dedent('''
    import contextlib

    import dagster as dg

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

    def run():
        with dg.instance_for_test(overrides={"python_logs": {"python_log_level": "INFO"}}) as instance:
            result = job.execute_in_process(instance=instance)
            return {e.user_message: e for e in instance.all_logs(result.run_id) if e.user_message}

    if __name__ == "__main__":
        run()
''')


def test_dbt_output_is_kept_in_the_run_log_at_debug(dbt_manifest):
    namespace: dict = {"__name__": "run_log_job"}
    exec(compile(JOB, "run_log_job", "exec"), namespace)
    records = namespace["run"]()
    assert "a plain debug message" not in records  # what the instance's level does to context.log.debug
    for line in ("1 of 2 START sql table model marts.example ... [RUN]", "2 of 2 PASS unique_example_id ... [PASS in 0.01s]"):
        assert records[line].level == logging.DEBUG and records[line].step_key == "talk"


def test_the_console_at_info_prints_the_run_but_not_dbt_lines(dbt_manifest):
    done = subprocess.run([sys.executable, "-c", JOB], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    printed = done.stdout + done.stderr
    assert "done" in printed  # the console at INFO
    assert "START sql table model" not in printed and "PASS unique_example_id" not in printed
