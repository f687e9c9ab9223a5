-- The most active pairs of actors: who met whom most often.
-- Every two participants of a meeting form a pair. n_met counts the meetings they held (status
-- 'occurred'), n_planned the planned ones, apart: a planned meeting is never counted as met.
-- n_articles is how many distinct articles report their meetings, n_statements how many statements
-- either of them made at (in the same sentence as) one of those meetings. Ordered by n_met, then
-- n_articles.
-- @param actor_type ''  only pairs of this type of actor (person, country...); empty = all
-- @param top 20  how many pairs
with pairs as (
    select p1.meeting_id, p1.actor_id as actor_a, p2.actor_id as actor_b
    from marts.bridge_meeting_participants p1
    join marts.bridge_meeting_participants p2 on p1.meeting_id = p2.meeting_id and p1.actor_id < p2.actor_id
),
typed as (
    select pairs.*
    from pairs
    join marts.dim_actors a on a.actor_id = pairs.actor_a
    join marts.dim_actors b on b.actor_id = pairs.actor_b
    where nullif(getvariable('actor_type'), '') is null
       or (a.actor_type = getvariable('actor_type') and b.actor_type = getvariable('actor_type'))
)
select
    a.canonical_name as actor_a,
    b.canonical_name as actor_b,
    count(distinct t.meeting_id) filter (where m.status = 'occurred') as n_met,
    count(distinct t.meeting_id) filter (where m.status = 'planned') as n_planned,
    (select count(distinct e.article_id) from marts.fct_meeting_evidence e
      where e.meeting_id in (select t2.meeting_id from typed t2
                             where t2.actor_a = t.actor_a and t2.actor_b = t.actor_b)) as n_articles,
    (select count(*) from marts.fct_statements s
      where s.speaker_actor_id in (t.actor_a, t.actor_b)
        and s.meeting_id in (select t2.meeting_id from typed t2
                             where t2.actor_a = t.actor_a and t2.actor_b = t.actor_b)) as n_statements,
    min(m.meeting_date) filter (where m.status = 'occurred') as first_met,
    max(m.meeting_date) filter (where m.status = 'occurred') as last_met,
    t.actor_a as actor_a_id,
    t.actor_b as actor_b_id
from typed t
join marts.fct_meetings m using (meeting_id)
join marts.dim_actors a on a.actor_id = t.actor_a
join marts.dim_actors b on b.actor_id = t.actor_b
group by all
order by n_met desc, n_articles desc, n_planned desc, actor_a, actor_b
limit cast(getvariable('top') as integer);
