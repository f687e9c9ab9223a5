{#-
    Models keyed by article that a refresh rebuilds for the changed articles only.

    The pipeline records in `_refresh.changed_articles` every article whose extraction or resolution
    rows changed since the last dbt build (dagster_project/incremental/changes.py), and runs
    `dbt build --vars '{"incremental_refresh": true}'` when that set is all that changed. Such a model
    is `materialized='incremental'` with `full_refresh=not var('incremental_refresh', false)`: without
    the var (a plain `dbt build`, the PostgreSQL publish, the first build, a rule change) it is rebuilt
    whole, as a table would be; with it, `where_changed_articles()` keeps the changed articles' rows
    and the `replace_articles` strategy swaps them in.
-#}

{% macro changed_articles_relation() -%}
    {{ return('_refresh.changed_articles') }}
{%- endmacro %}

{#- On an incremental run, the where clause keeping the rows of the changed articles; nothing otherwise. -#}
{% macro where_changed_articles(column='article_id') -%}
    {%- if is_incremental() -%}
        where {{ column }} in (select article_id from {{ changed_articles_relation() }})
    {%- endif -%}
{%- endmacro %}

{#- Incremental strategy `replace_articles`: every row of a changed article goes, including those of
    articles removed or left without rows, then the new rows of the changed articles come in. -#}
{% macro get_incremental_replace_articles_sql(arg_dict) -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ arg_dict['target_relation'] }}
    where article_id in (select article_id from {{ changed_articles_relation() }});

    insert into {{ arg_dict['target_relation'] }} ({{ columns }})
    select {{ columns }}
    from {{ arg_dict['temp_relation'] }}
{%- endmacro %}
