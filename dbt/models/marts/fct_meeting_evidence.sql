with

evidence as (

    select * from {{ ref('int_meeting_evidence') }}

),

final as (

    select
        evidence_id,
        meeting_id,
        article_id,
        char_start,
        char_end,
        sentence_text,
        meeting_trigger as "trigger",
        reported_date,
        reported_precision,
        reported_status,
        meeting_idx,
        reported_date_basis

    from evidence

)

select * from final
