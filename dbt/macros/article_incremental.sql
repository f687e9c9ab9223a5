{#- The configuration every article-keyed model shares: incremental by article (macros/changed_articles.sql),
    rebuilt in full unless the run sets var incremental_refresh (a refresh of changed articles). dbt reads
    config() calls made inside a macro the model calls at parse time, as it reads the model's own. -#}
{% macro article_incremental() %}
{{ config(
    materialized='incremental',
    incremental_strategy='replace_articles',
    on_schema_change='fail',
    full_refresh=not var('incremental_refresh', false)
) }}
{% endmacro %}
