with

actors as (

    select * from {{ ref('stg_nlp__actors') }}

),

entities as (

    select * from {{ ref('int_entities_resolved') }}

),

mentions as (

    select * from {{ ref('int_entity_mentions_resolved') }}

),

dictionary as (

    select * from {{ ref('stg_seeds__actor_dictionary') }}

),

dictionary_keys as (

    select
        actor_id,
        min(dict_key) as dict_key

    from entities
    where actor_id is not null and dict_key is not null
    group by actor_id

),

mention_counts as (

    select
        actor_id,
        count(*) as n_mentions,
        count(distinct article_id) as n_articles

    from mentions
    where actor_id is not null
    group by actor_id

),

enriched as (

    select
        actors.actor_id,
        coalesce(actors.canonical_name, dictionary.canonical_name) as canonical_name,
        coalesce(actors.actor_type, dictionary.actor_type) as actor_type,
        actors.aliases,
        coalesce(actors.country_code, dictionary.country_code) as country_code,
        coalesce(actors.wikidata_id, dictionary.wikidata_id) as wikidata_id,
        coalesce(mention_counts.n_mentions, 0) as n_mentions,
        coalesce(mention_counts.n_articles, 0) as n_articles,
        dictionary_keys.dict_key,
        dictionary.gender

    from actors
    left join dictionary_keys
        on actors.actor_id = dictionary_keys.actor_id
    left join dictionary
        on dictionary_keys.dict_key = dictionary.actor_key
    left join mention_counts
        on actors.actor_id = mention_counts.actor_id

)

select * from enriched
