import { cohortOf, firstInterventionDate, type EnteredInError, type ProviderData } from "@waymark/core";
import type { Database, Db, Tables } from "../src/db/database.js";
import { catalogueColumnsOf, outcomeColumnsOf } from "../src/db/mappers.js";

/**
 * Writes core's in-memory provider records straight into the tables, as the API would have stored them, so an
 * indicator computed in SQL can be compared with core's reference over the very same records. Test data only.
 */

const NOW = new Date("2026-01-01T00:00:00Z");
const STAMPS = { createdAt: NOW, updatedAt: NOW, createdById: null };

function errorMark(mark: EnteredInError | null | undefined) {
  return {
    enteredInErrorReason: mark?.reason ?? null,
    enteredInErrorById: mark?.markedById ?? null,
    enteredInErrorOn: mark?.markedOn ?? null,
  };
}

/** Inserts rows in slices small enough for both databases' limits on bound parameters. */
async function insertAll<Row>(rows: readonly Row[], insert: (slice: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += 100) await insert(rows.slice(start, start + 100));
}

/** Writes the organisation (teams, staff and their teams, the catalogue), which every run of a suite shares. */
export async function writeOrganisation(database: Database, data: Pick<ProviderData, "teams" | "staff" | "catalogue">): Promise<void> {
  const t = database.tables;
  await database.write(async (tx) => {
    await tx.insert(t.teams).values(
      data.teams.map((team) => ({
        id: team.id,
        name: team.name,
        minAge: team.minAge,
        maxAge: team.maxAge,
        reviewIntervalWeeks: team.reviewIntervalWeeks,
        waitingTimeTargetDays: team.waitingTimeTargetDays,
        createdAt: NOW,
        updatedAt: NOW,
      })),
    );
    await tx.insert(t.staff).values(
      data.staff.map((member) => ({ id: member.id, name: member.name, email: member.email, roles: [...member.roles], active: member.active, createdAt: NOW, updatedAt: NOW })),
    );
    const staffTeams = data.staff.flatMap((member) => member.teamIds.map((teamId) => ({ staffId: member.id, teamId })));
    if (staffTeams.length > 0) await tx.insert(t.staffTeams).values(staffTeams);
  });
  await replaceCatalogue(database, data.catalogue);
}

/** Replaces the intervention catalogue with `catalogue`, on a database with no interventions yet. */
export async function replaceCatalogue(database: Database, catalogue: ProviderData["catalogue"]): Promise<void> {
  const t = database.tables;
  await database.write(async (tx) => {
    await tx.delete(t.catalogueItems);
    await tx.insert(t.catalogueItems).values(catalogue.items.map((item, position) => ({ ...catalogueColumnsOf(item), position, createdAt: NOW, updatedAt: NOW })));
  });
}

/** Removes every clinical record, leaving the organisation in place for the next run. */
async function clearClinicalRecords(tx: Db, t: Tables): Promise<void> {
  for (const table of [t.goalProgress, t.reviews, t.planGoals, t.budgetLines, t.recoveryPlans, t.harmReductionRecords, t.contacts, t.outcomeRecords, t.interventions, t.assessments, t.problemSubstances, t.episodes, t.serviceUsers]) {
    await tx.delete(table);
  }
}

/**
 * Replaces the clinical records with `data`'s: people, episodes (with their problem substances and the derived
 * cohort and first-intervention date the API keeps), plans, reviews, interventions, TOPs, contacts and
 * harm-reduction records, each with its entered-in-error mark.
 */
export async function writeClinicalRecords(database: Database, data: ProviderData): Promise<void> {
  const t = database.tables;
  const planEpisode = new Map(data.plans.map((plan) => [plan.id, plan.episodeId]));
  await database.write(async (tx) => {
    await clearClinicalRecords(tx, t);
    await insertAll(data.serviceUsers, (slice) =>
      tx.insert(t.serviceUsers).values(
        slice.map(({ enteredInError, ...person }) => ({ ...person, pseudonym: `P-${person.id}`, registeredTeamId: null, ...STAMPS, ...errorMark(enteredInError) })),
      ),
    );
    await insertAll(data.episodes, (slice) =>
      tx.insert(t.episodes).values(
        slice.map((episode) => ({
          id: episode.id,
          serviceUserId: episode.serviceUserId,
          teamId: episode.teamId,
          keyworkerId: episode.keyworkerId,
          status: episode.status,
          referralDate: episode.referral.receivedDate,
          referralSource: episode.referral.source,
          referrer: episode.referral.referrer,
          referralReason: episode.referral.reason,
          referralUrgency: episode.referral.urgency,
          triageDate: episode.triageDate,
          injectingStatus: episode.injectingStatus,
          dischargeDate: episode.dischargeDate,
          dischargeReason: episode.dischargeReason,
          cohort: cohortOf(episode.problemSubstances),
          firstInterventionDate: firstInterventionDate(
            data.interventions.filter((intervention) => intervention.episodeId === episode.id && !intervention.enteredInError),
            data.catalogue,
          ),
          ...STAMPS,
          ...errorMark(episode.enteredInError),
        })),
      ),
    );
    await insertAll(
      data.episodes.flatMap((episode) => episode.problemSubstances.map((problem) => ({ episodeId: episode.id, ...problem }))),
      (slice) => tx.insert(t.problemSubstances).values(slice),
    );
    await insertAll(data.plans, (slice) =>
      tx.insert(t.recoveryPlans).values(
        slice.map((plan) => ({
          id: plan.id,
          episodeId: plan.episodeId,
          kind: plan.kind,
          startDate: plan.startDate,
          agreedWithServiceUser: plan.agreedWithServiceUser,
          signedOffById: plan.signedOffById,
          signedOffDate: plan.signedOffDate,
          reviewIntervalWeeks: plan.reviewIntervalWeeks,
          budgetAllocatedPence: plan.personalBudget?.allocatedPence ?? null,
          ...STAMPS,
          ...errorMark(plan.enteredInError),
        })),
      ),
    );
    await insertAll(data.reviews, (slice) =>
      tx.insert(t.reviews).values(
        slice.map((review) => ({
          id: review.id,
          planId: review.planId,
          episodeId: planEpisode.get(review.planId) ?? "",
          dueDate: review.dueDate,
          completedDate: review.completedDate,
          completedById: review.completedById,
          risk: review.risk,
          ...STAMPS,
          ...errorMark(review.enteredInError),
        })),
      ),
    );
    await insertAll(data.interventions, (slice) =>
      tx.insert(t.interventions).values(
        slice.map(({ enteredInError, firstContactActions, ...intervention }) => ({
          ...intervention,
          subTypes: [...intervention.subTypes],
          firstContactActions: [...firstContactActions],
          contactSchedule: [...intervention.contactSchedule],
          ...STAMPS,
          ...errorMark(enteredInError),
        })),
      ),
    );
    await insertAll(data.outcomes, (slice) =>
      tx.insert(t.outcomeRecords).values(slice.map((top) => ({ id: top.id, ...outcomeColumnsOf(top), ...STAMPS, ...errorMark(top.enteredInError) }))),
    );
    await insertAll(data.contacts, (slice) =>
      tx.insert(t.contacts).values(slice.map(({ enteredInError, ...contact }) => ({ ...contact, ...STAMPS, ...errorMark(enteredInError) }))),
    );
    await insertAll(data.harmReduction, (slice) =>
      tx.insert(t.harmReductionRecords).values(slice.map(({ enteredInError, ...record }) => ({ ...record, ...STAMPS, ...errorMark(enteredInError) }))),
    );
  });
}
