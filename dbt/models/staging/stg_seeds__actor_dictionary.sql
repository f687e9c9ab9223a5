with

source as (

    select * from {{ ref('actor_dictionary') }}

),

{#- List cells are pipe-separated in the CSV: turn them into arrays without empty items. -#}
renamed as (

    select
        actor_key,
        canonical_name,
        actor_type,
        upper(nullif(trim(country_code), '')) as country_code,
        nullif(trim(wikidata_id), '') as wikidata_id,
        nullif(trim(gender), '') as gender,
        {{ split_to_array('aliases', '|') }} as aliases,
        {{ split_to_array('metonyms', '|') }} as metonyms,
        {{ split_to_array('demonyms', '|') }} as demonyms

    from source

)

select * from renamed
