with

source as (

    select * from {{ source('nlp', 'meeting_mentions') }}

),

renamed as (

    select
        article_id || ':' || meeting_idx as meeting_mention_key,
        article_id,
        meeting_idx,
        char_start,
        char_end,
        sentence_text,
        "trigger" as meeting_trigger,
        mode as meeting_mode,
        location,
        cast(meeting_date as date) as reported_date,
        date_precision as reported_precision,
        status as reported_status,
        coalesce(participant_entity_idxs, {{ dbt.array_construct([], 'integer') }}) as participant_entity_idxs,
        date_basis as reported_date_basis

    from source

)

select * from renamed
