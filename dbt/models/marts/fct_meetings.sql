with

meetings as (

    select * from {{ ref('stg_nlp__meetings') }}

),

evidence as (

    select * from {{ ref('int_meeting_evidence') }}

),

evidence_counts as (

    select
        meeting_id,
        count(distinct article_id) as n_articles,
        count(*) as n_mentions

    from evidence
    group by meeting_id

),

final as (

    select
        meetings.meeting_id,
        meetings.meeting_date,
        meetings.date_precision,
        meetings.location,
        meetings.status,
        meetings.meeting_mode as mode,
        coalesce(evidence_counts.n_articles, 0) as n_articles,
        coalesce(evidence_counts.n_mentions, 0) as n_mentions

    from meetings
    left join evidence_counts
        on meetings.meeting_id = evidence_counts.meeting_id

)

select * from final
