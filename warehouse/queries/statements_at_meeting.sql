-- Statements made at a given meeting.
-- The meeting is chosen by its date and one participant (or directly by meeting_id). A statement
-- counts as made at the meeting when its speaker is a participant, its article reports the meeting,
-- and either it sits in a sentence reporting the meeting (`link` = 'same sentence') or, for a
-- meeting dated to the day, it is dated that same day (`link` = 'same day').
-- One row per statement, by article then position in the article.
-- @param meeting_date 2024-11-01  day (or first day of the month/year) of the meeting
-- @param participant lavrov  one participant (actor id or part of a name)
-- @param meeting_id ''  a meeting id (mtg_...); when given, meeting_date and participant are ignored
with meeting as (
    select m.*
    from marts.fct_meetings m
    where (nullif(getvariable('meeting_id'), '') is not null and m.meeting_id = getvariable('meeting_id'))
       or (nullif(getvariable('meeting_id'), '') is null
           and m.meeting_date = cast(getvariable('meeting_date') as date)
           and exists (
               select 1
               from marts.bridge_meeting_participants p
               join marts.dim_actors a using (actor_id)
               where p.meeting_id = m.meeting_id
                 and (a.actor_id = getvariable('participant')
                      or len(list_filter(list_prepend(a.canonical_name, a.aliases),
                             lambda n: strip_accents(lower(n)) like '%' || strip_accents(lower(getvariable('participant'))) || '%')) > 0)))
),
candidates as (
    select m.meeting_id, m.meeting_date, m.date_precision, m.location, s.*,
           case when s.meeting_id = m.meeting_id then 'same sentence' else 'same day' end as link
    from meeting m
    join marts.fct_statements s
      on s.speaker_actor_id in (select actor_id from marts.bridge_meeting_participants p where p.meeting_id = m.meeting_id)
     and s.article_id in (select article_id from marts.fct_meeting_evidence e where e.meeting_id = m.meeting_id)
    where s.meeting_id = m.meeting_id
       or (m.date_precision = 'day' and s.statement_date = m.meeting_date)
)
select
    c.meeting_date,
    c.location,
    a.canonical_name as speaker,
    c.statement_type,
    c.text,
    c.link,
    d.source_name as article,
    c.meeting_id,
    c.statement_id
from candidates c
join marts.dim_actors a on a.actor_id = c.speaker_actor_id
join marts.dim_articles d on d.article_id = c.article_id
order by c.meeting_id, d.source_name, c.char_start;
