# The Dagster instance of the scripts (sourced, not run; ROOT is the project root): DAGSTER_HOME,
# default .dagster_home/, with the dagster.yaml of scripts/dagster.yaml. An instance made before
# that file existed gets its `nux` and `python_logs` settings added.
export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster_home}"
mkdir -p "$DAGSTER_HOME"
[ -f "$DAGSTER_HOME/dagster.yaml" ] || cp "$ROOT/scripts/dagster.yaml" "$DAGSTER_HOME/dagster.yaml"
grep -q '^nux:' "$DAGSTER_HOME/dagster.yaml" || printf 'nux:\n  enabled: false\n' >> "$DAGSTER_HOME/dagster.yaml"
grep -q '^python_logs:' "$DAGSTER_HOME/dagster.yaml" \
    || printf 'python_logs:\n  python_log_level: INFO\n' >> "$DAGSTER_HOME/dagster.yaml"
export DO_NOT_TRACK=1 DBT_SEND_ANONYMOUS_USAGE_STATS=false GX_ANALYTICS_ENABLED=False
