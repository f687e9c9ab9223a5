with

actors as (

    select * from {{ ref('int_actors_enriched') }}

),

final as (

    select
        actor_id,
        canonical_name,
        actor_type,
        aliases,
        country_code,
        wikidata_id,
        n_mentions,
        n_articles,
        gender,
        dict_key

    from actors

)

select * from final
