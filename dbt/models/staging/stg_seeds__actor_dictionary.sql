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
        list_filter(list_transform(string_split(coalesce(aliases, ''), '|'), lambda x: trim(x)), lambda x: x <> '') as aliases,
        list_filter(list_transform(string_split(coalesce(metonyms, ''), '|'), lambda x: trim(x)), lambda x: x <> '') as metonyms,
        list_filter(list_transform(string_split(coalesce(demonyms, ''), '|'), lambda x: trim(x)), lambda x: x <> '') as demonyms

    from source

)

select * from renamed
