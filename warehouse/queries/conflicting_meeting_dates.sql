-- Articles that disagree about a meeting's date.
-- Each evidence row carries the date that one article gives for the meeting. Two dates disagree
-- when they differ at the coarser of their two precisions (2023 and September 2023 agree;
-- 16 and 21 January 2024 do not). For every meeting with such a disagreement between two
-- different articles, one row per (article, reported date) with how many evidence rows say it and
-- where the date comes from (reported_date_basis: 'text', or 'article_date' when only the
-- article's publication date dates the passage). agrees_with_meeting tells whether the date is
-- compatible with the meeting's resolved date.
with ev as (
    select e.*, d.source_name
    from marts.fct_meeting_evidence e
    join marts.dim_articles d using (article_id)
    where e.reported_date is not null
),
disagreements as (
    select distinct e1.meeting_id
    from ev e1
    join ev e2 on e1.meeting_id = e2.meeting_id and e1.article_id < e2.article_id
    where date_trunc(
              case when 'year' in (e1.reported_precision, e2.reported_precision) then 'year'
                   when 'month' in (e1.reported_precision, e2.reported_precision) then 'month'
                   else 'day' end,
              e1.reported_date)
       <> date_trunc(
              case when 'year' in (e1.reported_precision, e2.reported_precision) then 'year'
                   when 'month' in (e1.reported_precision, e2.reported_precision) then 'month'
                   else 'day' end,
              e2.reported_date)
)
select
    m.meeting_id,
    m.meeting_date,
    m.date_precision,
    (select string_agg(a.canonical_name, ', ' order by a.canonical_name)
       from marts.bridge_meeting_participants p join marts.dim_actors a using (actor_id)
      where p.meeting_id = m.meeting_id) as participants,
    ev.source_name as article,
    ev.reported_date,
    ev.reported_precision,
    string_agg(distinct ev.reported_date_basis, ', ') as reported_date_basis,
    count(*) as n_evidence,
    date_trunc(
        case when 'year' in (ev.reported_precision, m.date_precision) then 'year'
             when 'month' in (ev.reported_precision, m.date_precision) then 'month'
             else 'day' end, ev.reported_date)
      = date_trunc(
        case when 'year' in (ev.reported_precision, m.date_precision) then 'year'
             when 'month' in (ev.reported_precision, m.date_precision) then 'month'
             else 'day' end, m.meeting_date) as agrees_with_meeting
from disagreements
join marts.fct_meetings m using (meeting_id)
join ev using (meeting_id)
group by all
order by m.meeting_date, m.meeting_id, ev.reported_date, article;
