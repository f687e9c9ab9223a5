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

{#- The tests of a refresh follow the changed articles too: on an incremental run, a generic test of a
    model whose yml sets `config.meta.refresh_scope` (the column naming each row's article) reads the
    rows of the changed articles only; the others were tested when they were built and did not change.
    Every row of an article is in or out, so a uniqueness test over a key that holds the article (an
    `article_id:idx` key, an md5 of the article id and offsets) still sees every row a new one could
    clash with. This is dbt's `where` config (get_where_subquery), which it still honours. -#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set column = refresh_scope_column() -%}
    {%- if column -%}
        {%- set changed = column ~ ' in (select article_id from ' ~ changed_articles_relation() ~ ')' -%}
        {%- set where = '(' ~ where ~ ') and ' ~ changed if where else changed -%}
    {%- endif -%}
    {%- if where -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ where }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{#- The article column of the model the current test is attached to, on an incremental run; none otherwise. -#}
{% macro refresh_scope_column() -%}
    {%- if not (execute and var('incremental_refresh', false)) -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set attached = model.get('attached_node') if model is mapping else none -%}
    {%- set node = graph.nodes.get(attached) if attached else none -%}
    {%- if node is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(((node.get('config') or {}).get('meta') or {}).get('refresh_scope')) }}
{%- endmacro %}
