{#-
    Portable SQL: the places where DuckDB and PostgreSQL spell the same thing differently.
    Each macro goes through adapter.dispatch, so another adapter only needs a `<adapter>__<macro>`
    implementation for the models to build on it unchanged. Empty arrays use dbt's own cross-database
    macro, `dbt.array_construct([], 'varchar')`.
-#}

{#- A delimited string as an array of its trimmed, non-empty items, in order ('a| b||c' -> [a, b, c]);
    null gives an empty array. -#}
{% macro split_to_array(column, delimiter) -%}
    {{ return(adapter.dispatch('split_to_array', 'news_warehouse')(column, delimiter)) }}
{%- endmacro %}

{% macro default__split_to_array(column, delimiter) -%}
    {{ exceptions.raise_compiler_error("split_to_array has no implementation for the " ~ adapter.type() ~ " adapter; add " ~ adapter.type() ~ "__split_to_array to dbt/macros/portable.sql") }}
{%- endmacro %}

{% macro duckdb__split_to_array(column, delimiter) -%}
    list_filter(list_transform(string_split(coalesce({{ column }}, ''), '{{ delimiter }}'), lambda x: trim(x)), lambda x: x <> '')
{%- endmacro %}

{% macro postgres__split_to_array(column, delimiter) -%}
    array(
        select trim(_item.part)
        from unnest(string_to_array(coalesce({{ column }}, ''), '{{ delimiter }}')) with ordinality as _item(part, position)
        where trim(_item.part) <> ''
        order by _item.position
    )
{%- endmacro %}


{#- The rows of `relation` (a CTE or relation name), one per `partition_by` value: the first in
    `order_by`. partition_by and order_by are SQL expression lists, as strings. -#}
{% macro first_row_per(relation, partition_by, order_by) -%}
    {{ return(adapter.dispatch('first_row_per', 'news_warehouse')(relation, partition_by, order_by)) }}
{%- endmacro %}

{#- QUALIFY: DuckDB, Snowflake, BigQuery, Databricks. -#}
{% macro default__first_row_per(relation, partition_by, order_by) -%}
    select *
    from {{ relation }}
    qualify row_number() over (partition by {{ partition_by }} order by {{ order_by }}) = 1
{%- endmacro %}

{#- PostgreSQL has no QUALIFY; DISTINCT ON keeps the first row of each group in the ORDER BY. -#}
{% macro postgres__first_row_per(relation, partition_by, order_by) -%}
    select distinct on ({{ partition_by }}) *
    from {{ relation }}
    order by {{ partition_by }}, {{ order_by }}
{%- endmacro %}
