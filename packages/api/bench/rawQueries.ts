/**
 * The raw-SQL baseline: the best hand-written SQL for each benchmarked request, on the same tables through the
 * same driver (better-sqlite3) as Waymark. Each request is as few statements as the answer allows, reading the
 * derived columns Waymark keeps on `episodes` (next_review_due, last_attended_contact_date, dna_follow_up_due_by,
 * consecutive_dnas, suicide_risk, safeguarding, home_visit_recorded, ost_since, first_intervention_date, cohort),
 * as any hand-written query against this schema would.
 *
 * What the baseline leaves out, on purpose, because it is the floor rather than a second product: access
 * checks beyond taking the staff member's id, the read audit trail Waymark writes for every record shown,
 * suppression of small counts for analysts, the KPI breakdowns and definitions' texts, and global IDs.
 */
import { APPOINTMENT_CONTACT_KINDS, DISCHARGE_REASONS, isSuccessfulCompletion } from "@waymark/core";

/** Journey states of an open episode (core's isOpen: everything but COMPLETED and CLOSED). */
export const OPEN_STATUSES = "('REFERRED', 'TRIAGED', 'ASSESSED', 'IN_TREATMENT')";

const quoted = (values: readonly string[]) => `(${values.map((value) => `'${value}'`).join(", ")})`;
const SUCCESSFUL_REASONS = quoted(DISCHARGE_REASONS.codes.filter(isSuccessfulCompletion));
const APPOINTMENT_KINDS = quoted(APPOINTMENT_CONTACT_KINDS);

/** An open episode of the given keyworker is on their caseload; entered-in-error ones never are. */
const openCaseloadEpisode = "e.keyworker_id = :staffId and e.status in " + OPEN_STATUSES + " and e.entered_in_error_reason is null";

/**
 * R-OST-1 as the caseload shows it: the spell recorded in ost_since is long enough, and one of its
 * prescriptions is still running today (the EXISTS runs only for the few rows whose spell is long enough).
 */
const ostSpellRunning = `exists (select 1 from interventions i
    join episodes oe on oe.id = i.episode_id
    join catalogue_items ci on ci.code = i.catalogue_item_code
    where oe.service_user_id = e.service_user_id and ci.opioid_substitution = 1 and i.entered_in_error_reason is null
      and i.start_date >= e.ost_since and i.start_date <= :today and (i.end_date is null or i.end_date >= :today))`;

export const SQL = {
  /**
   * (a) One page of a keyworker's caseload, soonest review first, with every flag, the review status, the
   * days since the last attended contact and the whole list's size, in one statement. The page's 50 ids are
   * read in order straight off the (keyworker_id, coalesce(next_review_due), id) index, so only those rows are
   * joined and flagged; the count is an uncorrelated subquery SQLite runs once, from the (keyworker_id,
   * status) index.
   */
  caseload: `
    with page as (
      select e.id from episodes e
      where ${openCaseloadEpisode}
      order by coalesce(e.next_review_due, '9999-12-31'), e.id
      limit :limit)
    select e.id, e.status, e.next_review_due, e.last_attended_contact_date, e.referral_date,
      su.id as person_id, su.first_name, su.last_name, su.preferred_name, su.local_reference,
      k.id as keyworker_id, k.name as keyworker_name, tm.id as team_id, tm.name as team_name,
      case when e.next_review_due is null then null
        when e.next_review_due < :today then 'OVERDUE'
        when e.next_review_due <= :dueBy then 'DUE'
        when e.next_review_due <= :upcomingBy then 'UPCOMING'
        else 'LATER' end as review_status,
      cast(julianday(:today) - julianday(e.last_attended_contact_date) as integer) as days_since_attended,
      e.suicide_risk as flag_suicide_risk,
      e.safeguarding as flag_safeguarding,
      (e.safeguarding = 1 and e.home_visit_recorded = 0) as flag_home_visit_due,
      (e.consecutive_dnas >= :disengagingDnas or coalesce(e.last_attended_contact_date, e.referral_date) <= :quietSince) as flag_disengaging,
      coalesce(e.dna_follow_up_due_by < :today, 0) as flag_dna_follow_up_overdue,
      coalesce(e.dna_follow_up_due_by >= :today, 0) as flag_dna_follow_up_due,
      coalesce(e.next_review_due < :today, 0) as flag_review_overdue,
      (e.keyworker_id is null) as flag_no_keyworker,
      coalesce(e.ost_since <= :ostSixYearsStart and ${ostSpellRunning}, 0) as flag_ost_6_years,
      coalesce(e.ost_since <= :ostTwoYearsStart and e.ost_since > :ostSixYearsStart and ${ostSpellRunning}, 0) as flag_ost_2_years,
      (select count(*) from episodes e where ${openCaseloadEpisode}) as total_count
    from page
    join episodes e on e.id = page.id
    join service_users su on su.id = e.service_user_id
    join teams tm on tm.id = e.team_id
    left join staff k on k.id = e.keyworker_id
    order by coalesce(e.next_review_due, '9999-12-31'), e.id`,

  /**
   * (b) The review schedule's counts: a team's open reviews due in the window or already overdue, grouped by
   * keyworker and due day (everything due before the window folded into one group), so the totals, the
   * per-keyworker table and the weeks are summed from a few dozen rows.
   */
  reviewScheduleCounts: `
    select e.keyworker_id, k.name as keyworker_name,
      case when e.next_review_due < :from then '0001-01-01' else e.next_review_due end as due_day,
      min(e.next_review_due) as first_due, count(*) as reviews
    from episodes e
    left join staff k on k.id = e.keyworker_id
    where e.team_id = :teamId and e.status in ${OPEN_STATUSES} and e.entered_in_error_reason is null
      and e.next_review_due <= :to and (e.next_review_due >= :from or e.next_review_due < :today)
    group by e.keyworker_id, due_day`,

  /** (b) The schedule's first page of reviews, earliest due first, with the person and keyworker. */
  reviewScheduleEntries: `
    select e.id, e.next_review_due as due_date, e.keyworker_id, k.name as keyworker_name,
      su.id as person_id, su.first_name, su.last_name, su.preferred_name, su.local_reference
    from episodes e
    join service_users su on su.id = e.service_user_id
    left join staff k on k.id = e.keyworker_id
    where e.team_id = :teamId and e.status in ${OPEN_STATUSES} and e.entered_in_error_reason is null
      and e.next_review_due <= :to and (e.next_review_due >= :from or e.next_review_due < :today)
    order by e.next_review_due, e.id
    limit :limit`,

  /** (c) The person-record screen: the person, their episodes, and the shown episode with each of its lists. */
  person: `select * from service_users where id = :personId`,
  personEpisodes: `
    select e.id, e.status, e.referral_date, e.referral_source, e.discharge_date, e.discharge_reason, e.entered_in_error_reason,
      e.suicide_risk, e.safeguarding, e.home_visit_recorded, tm.id as team_id, tm.name as team_name, k.id as keyworker_id, k.name as keyworker_name
    from episodes e join teams tm on tm.id = e.team_id left join staff k on k.id = e.keyworker_id
    where e.service_user_id = :personId
    order by e.referral_date, e.id`,
  episode: `
    select e.*, tm.name as team_name, k.name as keyworker_name, ob.name as age_band_override_by_name
    from episodes e join teams tm on tm.id = e.team_id
    left join staff k on k.id = e.keyworker_id left join staff ob on ob.id = e.age_band_override_by_id
    where e.id = :episodeId`,
  problemSubstances: `select rank, substance, route, age_of_first_use from problem_substances where episode_id = :episodeId order by rank`,
  assessments: `
    select a.id, a.kind, a.date, a.needs, a.risk, a.recovery_capital_items, s.name as assessor_name, count(*) over () as total_count
    from assessments a left join staff s on s.id = a.assessor_id
    where a.episode_id = :episodeId and a.entered_in_error_reason is null
    order by a.date desc, a.id limit 21`,
  recoveryPlans: `
    select p.id, p.kind, p.start_date, p.signed_off_date, p.agreed_with_service_user, p.review_interval_weeks, p.budget_allocated_pence,
      s.name as signed_off_by_name, (select sum(cost_pence) from budget_lines b where b.plan_id = p.id) as spent_pence,
      count(*) over () as total_count
    from recovery_plans p left join staff s on s.id = p.signed_off_by_id
    where p.episode_id = :episodeId and p.entered_in_error_reason is null
    order by p.start_date desc, p.id limit 21`,
  planGoals: `
    select g.id, g.plan_id, g.domain, g.description, g.status, g.target_date
    from plan_goals g join recovery_plans p on p.id = g.plan_id
    where p.episode_id = :episodeId order by g.plan_id, g.position`,
  reviews: `
    select r.id, r.due_date, r.completed_date, r.risk, s.name as completed_by_name, count(*) over () as total_count
    from reviews r left join staff s on s.id = r.completed_by_id
    where r.episode_id = :episodeId and r.entered_in_error_reason is null
    order by r.completed_date desc, r.id limit 31`,
  goalProgress: `
    select gp.review_id, gp.goal_id, gp.status, gp.note, g.description
    from goal_progress gp join reviews r on r.id = gp.review_id join plan_goals g on g.id = gp.goal_id
    where r.episode_id = :episodeId`,
  interventions: `
    select i.id, i.sub_types, i.start_date, i.end_date, i.planned_end_date, i.planned_sessions, i.setting, i.notes,
      ci.label, ci.modality, ci.sub_types as item_sub_types, s.name as delivered_by_name, count(*) over () as total_count
    from interventions i join catalogue_items ci on ci.code = i.catalogue_item_code left join staff s on s.id = i.delivered_by_id
    where i.episode_id = :episodeId and i.entered_in_error_reason is null
    order by i.start_date desc, i.id limit 41`,
  outcomes: `
    select id, stage, date, psychological_health, physical_health, quality_of_life, count(*) over () as total_count
    from outcome_records where episode_id = :episodeId and entered_in_error_reason is null
    order by date desc, id limit 31`,
  contacts: `
    select c.id, c.date, c.time, c.kind, c.outcome, c.notes, s.name as staff_name, count(*) over () as total_count
    from contacts c left join staff s on s.id = c.staff_id
    where c.episode_id = :episodeId and c.entered_in_error_reason is null
    order by c.date desc, c.id limit 101`,
  harmReduction: `
    select id, date, naloxone_issued_to, naloxone_training_given, hepatitis_b_vaccination, hepatitis_c_test, hiv_test, count(*) over () as total_count
    from harm_reduction_records where episode_id = :episodeId and entered_in_error_reason is null
    order by date desc, id limit 31`,

  /**
   * (d) K-1 Numbers in treatment: in-force episodes of in-force people whose structured treatment began by the
   * period's end and that were not discharged before its start, by cohort, and the distinct people.
   */
  k01: `
    select count(*) as episodes, count(distinct e.service_user_id) as people,
      sum(e.cohort = 'OPIATE') as opiate, sum(e.cohort = 'NON_OPIATE_ONLY') as non_opiate_only,
      sum(e.cohort = 'NON_OPIATE_AND_ALCOHOL') as non_opiate_and_alcohol, sum(e.cohort = 'ALCOHOL_ONLY') as alcohol_only
    from episodes e join service_users su on su.id = e.service_user_id and su.entered_in_error_reason is null
    where e.entered_in_error_reason is null and e.first_intervention_date <= :to and (e.discharge_date is null or e.discharge_date >= :from)`,
  /** K-2 Waiting time: first interventions in the period started within the team's target, and the median wait. */
  k02: `
    with waits as (
      select julianday(e.first_intervention_date) - julianday(e.referral_date) as wait, tm.waiting_time_target_days as target
      from episodes e join teams tm on tm.id = e.team_id
      where e.entered_in_error_reason is null and e.first_intervention_date between :from and :to)
    select count(*) as started, sum(wait <= target) as within_target,
      (select wait from waits order by wait limit 1 offset (select (count(*) - 1) / 2 from waits)) as median_wait
    from waits`,
  /** K-3 Reviews on time: reviews due in the period completed by their due date, over those due (done or overdue). */
  k03: `
    select
      (select count(*) from reviews r where r.entered_in_error_reason is null and r.due_date between :from and :to) as completed,
      (select count(*) from reviews r where r.entered_in_error_reason is null and r.due_date between :from and :to and r.completed_date <= r.due_date) as on_time,
      (select count(*) from episodes e where e.entered_in_error_reason is null and e.status in ${OPEN_STATUSES}
        and e.next_review_due between :from and :to and e.next_review_due < :today) as overdue`,
  /** K-4 TOP compliance (START and EXIT): treatment starts and discharges from treatment in the period, and those with the TOP recorded. */
  k04: `
    select
      sum(e.first_intervention_date between :from and :to) as start_due,
      sum(e.first_intervention_date between :from and :to and exists (select 1 from outcome_records o
        where o.episode_id = e.id and o.stage = 'START' and o.entered_in_error_reason is null)) as start_recorded,
      sum(e.discharge_date between :from and :to) as exit_due,
      sum(e.discharge_date between :from and :to and exists (select 1 from outcome_records o
        where o.episode_id = e.id and o.stage = 'EXIT' and o.entered_in_error_reason is null)) as exit_recorded
    from episodes e
    where e.entered_in_error_reason is null and e.first_intervention_date is not null
      and (e.first_intervention_date between :from and :to or e.discharge_date between :from and :to)`,
  /** K-5 and K-6: successful completions in the period, and those followed by a re-presentation within 182 days (R-REP-1). */
  k05k06: `
    select count(*) as completions,
      sum(exists (select 1 from episodes later where later.service_user_id = e.service_user_id and later.id <> e.id
        and later.entered_in_error_reason is null and later.referral_date >= e.discharge_date
        and later.referral_date <= date(e.discharge_date, '+182 days') and later.referral_date <= :today)) as represented
    from episodes e
    where e.entered_in_error_reason is null and e.first_intervention_date is not null
      and e.discharge_reason in ${SUCCESSFUL_REASONS} and e.discharge_date between :from and :to`,
  /** K-7 Exits: discharges in the period by reason. */
  k07: `
    select e.discharge_reason as reason, count(*) as exits
    from episodes e
    where e.entered_in_error_reason is null and e.discharge_date between :from and :to
    group by e.discharge_reason`,
  /** K-8 Long-term OST: people in treatment on OST for 2 and for 6 continuous years by the period's end. */
  k08: `
    select sum(e.ost_since <= :ostTwoYearsStart) as two_years, sum(e.ost_since <= :ostSixYearsStart) as six_years
    from episodes e
    where e.entered_in_error_reason is null and e.status in ${OPEN_STATUSES} and e.ost_since is not null`,
  /** K-9 Shared care: pharmacological interventions under way in the period, and those in primary care. */
  k09: `
    select count(*) as pharmacological, sum(i.setting = 'PRIMARY_CARE') as primary_care
    from interventions i join catalogue_items ci on ci.code = i.catalogue_item_code
    where ci.modality = 'PHARMACOLOGICAL' and i.entered_in_error_reason is null
      and i.start_date <= :to and (i.end_date is null or i.end_date >= :from)`,
  /** K-10 Did not attend: appointments in the period attended or missed, and the missed ones. */
  k10: `
    select count(*) as appointments, sum(k.outcome = 'DID_NOT_ATTEND') as missed
    from contacts k
    where k.entered_in_error_reason is null and k.date between :from and :to
      and k.kind in ${APPOINTMENT_KINDS} and k.outcome in ('ATTENDED', 'DID_NOT_ATTEND')`,
  /** K-11 Caseload size: open episodes per keyworker today (null: unallocated). */
  k11: `
    select e.keyworker_id, count(*) as open_episodes
    from episodes e
    where e.entered_in_error_reason is null and e.status in ${OPEN_STATUSES}
    group by e.keyworker_id`,
  /** K-12 Outcomes: between each episode's START TOP and its latest REVIEW/EXIT TOP in the period, the mean change in the three scores. */
  k12: `
    with latest as (
      select o.episode_id, o.psychological_health, o.physical_health, o.quality_of_life,
        row_number() over (partition by o.episode_id order by o.date desc, o.id desc) as position
      from outcome_records o
      where o.entered_in_error_reason is null and o.stage in ('REVIEW', 'EXIT') and o.date between :from and :to)
    select count(*) as pairs,
      avg(l.psychological_health - s.psychological_health) as psychological_change,
      avg(l.physical_health - s.physical_health) as physical_change,
      avg(l.quality_of_life - s.quality_of_life) as quality_of_life_change
    from latest l
    join outcome_records s on s.episode_id = l.episode_id and s.stage = 'START' and s.entered_in_error_reason is null
    where l.position = 1`,
  /** K-13 and K-14: of the episodes in treatment in the period, those with recovery support under way, and each harm-reduction measure. */
  k13k14: `
    select count(*) as in_treatment,
      sum(exists (select 1 from interventions i join catalogue_items ci on ci.code = i.catalogue_item_code
        where i.episode_id = e.id and ci.modality = 'RECOVERY_SUPPORT' and i.entered_in_error_reason is null
          and i.start_date <= :to and (i.end_date is null or i.end_date >= :from))) as with_recovery_support,
      sum(exists (select 1 from harm_reduction_records h where h.episode_id = e.id and h.entered_in_error_reason is null
        and h.date <= :to and h.naloxone_issued_to is not null)) as naloxone_issued,
      sum(exists (select 1 from harm_reduction_records h where h.episode_id = e.id and h.entered_in_error_reason is null
        and h.date <= :to and h.hepatitis_b_vaccination in ('OFFERED', 'ACCEPTED', 'DECLINED'))) as hepatitis_b_offered,
      sum(exists (select 1 from harm_reduction_records h where h.episode_id = e.id and h.entered_in_error_reason is null
        and h.date <= :to and h.hepatitis_c_test in ('OFFERED', 'ACCEPTED', 'DECLINED'))) as hepatitis_c_offered
    from episodes e join service_users su on su.id = e.service_user_id and su.entered_in_error_reason is null
    where e.entered_in_error_reason is null and e.first_intervention_date <= :to and (e.discharge_date is null or e.discharge_date >= :from)`,

  /**
   * (e) recordContact: the contact, then the episode's derived columns brought up to date in the same
   * transaction. An attended contact resets the run of missed appointments and moves the last attended date
   * on; a follow-up attempt (phone, letter, text, home visit) clears a pending DNA follow-up; an attended
   * home visit records the visit safeguarding asks for.
   */
  insertContact: `
    insert into contacts (id, episode_id, date, time, kind, outcome, staff_id, notes, created_at, created_by_id, updated_at, version)
    values (:id, :episodeId, :date, :time, :kind, :outcome, :staffId, null, :now, :staffId, :now, 1)`,
  updateEpisodeAfterContact: `
    update episodes set
      last_attended_contact_date = case when :outcome = 'ATTENDED' and (last_attended_contact_date is null or last_attended_contact_date < :date)
        then :date else last_attended_contact_date end,
      consecutive_dnas = case when :outcome = 'ATTENDED' then 0 when :outcome = 'DID_NOT_ATTEND' then consecutive_dnas + 1 else consecutive_dnas end,
      dna_follow_up_due_by = case when :kind in ('PHONE', 'LETTER', 'TEXT', 'HOME_VISIT') then null else dna_follow_up_due_by end,
      home_visit_recorded = case when :kind = 'HOME_VISIT' and :outcome = 'ATTENDED' then 1 else home_visit_recorded end,
      updated_at = :now, version = version + 1
    where id = :episodeId and keyworker_id = :staffId and status in ${OPEN_STATUSES}`,
} as const;

export type StatementName = keyof typeof SQL;
