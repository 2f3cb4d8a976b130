import { and, asc, eq } from "drizzle-orm";
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { mayListTeamMembers, staffScopeCondition, staffVisibility } from "../../access/staffScope.js";
import { writeAudit } from "../../audit/auditLog.js";
import { hashPassword } from "../../auth/secrets.js";
import type { StaffRow, TeamRow } from "../../db/mappers.js";
import { listStaff } from "../../services/staffDirectory.js";
import { createStaffAccount, oneTimePassword, updateStaffAccount } from "../../services/staffAccounts.js";
import { createTeam, updateTeam } from "../../services/teams.js";
import type { RequestContext } from "../context.js";
import { forbidden, notFound } from "../errors.js";
import { localIdOf } from "../globalId.js";
import { requireViewer, runMutation } from "../mutations.js";
import { registerNodeType } from "../nodeRegistry.js";
import { mapNodes, pageSizeOf, type ConnectionShape } from "../relay.js";
import { StaffArgs, StaffConnection, StaffMember, Team } from "../types/organisation.js";
import {
  CreateStaffMemberInput,
  CreateStaffMemberPayload,
  CreateTeamInput,
  CreateTeamPayload,
  UpdateStaffMemberInput,
  UpdateStaffMemberPayload,
  UpdateTeamInput,
  UpdateTeamPayload,
} from "../types/organisationInputs.js";

registerNodeType("Team", async (localId, context) => {
  const row = await context.loaders.teamById.load(localId);
  return row ? Team.of(row) : null;
});

registerNodeType("StaffMember", async (localId, context) => {
  const viewer = requireViewer(context);
  const t = context.database.tables;
  const [row] = await context.database.read.select().from(t.staff).where(and(eq(t.staff.id, localId), staffScopeCondition(viewer, t)));
  return row ? StaffMember.of(row) : null;
});

/**
 * Team IDs from input as local ids. An ID that is not a Team's is kept in a form that names no team, so
 * the account checks report it on its own index like any unknown team.
 */
function teamLocalIds(globalIds: readonly string[]): string[] {
  return globalIds.map((globalId) => localIdOf(globalId, "Team") ?? `not-a-team:${globalId}`);
}

const auditSource = (context: RequestContext) => ({ actorId: requireViewer(context).staffId, fromAddress: context.fromAddress });

@Resolver(() => Team)
export class TeamResolver {
  @Authorized()
  @Query(() => [Team], { description: "Every team of the provider, by name. Any signed-in user may list them." })
  async teams(@Ctx() context: RequestContext): Promise<Team[]> {
    const t = context.database.tables;
    const rows = await context.database.read.select().from(t.teams).orderBy(asc(t.teams.name), asc(t.teams.id));
    return rows.map((row) => Team.of(row));
  }

  @FieldResolver(() => [StaffMember], {
    nullable: true,
    description:
      "The team's members, by name. Admins see any team's; team leads and practitioners see their own teams' (practitioners only active accounts). Null with a FORBIDDEN error for anyone else.",
  })
  async members(@Root() team: Team, @Ctx() context: RequestContext): Promise<StaffMember[]> {
    const viewer = requireViewer(context);
    if (!mayListTeamMembers(viewer, team.localId)) throw forbidden("You can see the members of your own teams only.");
    const visibility = staffVisibility(viewer);
    const links = await context.loaders.staffIdsByTeam.load(team.localId);
    const rows = await context.loaders.staffById.loadMany(links.map((link) => link.staffId));
    return rows
      .filter((row): row is StaffRow => row !== null && !(row instanceof Error))
      .filter((row) => row.active || !(visibility.kind === "TEAMS" && visibility.activeOnly))
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB"))
      .map((row) => StaffMember.of(row));
  }

  @Authorized("ADMIN")
  @Mutation(() => CreateTeamPayload, { description: "Creates a team. Admins only." })
  async createTeam(@Arg("input", () => CreateTeamInput) input: CreateTeamInput, @Ctx() context: RequestContext): Promise<CreateTeamPayload> {
    const t = context.database.tables;
    const now = context.clock.now();
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const row = await createTeam(tx, t, { name: input.name, minAge: input.minAge ?? null, maxAge: input.maxAge ?? null, reviewIntervalWeeks: input.reviewIntervalWeeks ?? null, waitingTimeTargetDays: input.waitingTimeTargetDays ?? null }, now);
      const detail = { name: row.name, minAge: row.minAge, maxAge: row.maxAge, reviewIntervalWeeks: row.reviewIntervalWeeks, waitingTimeTargetDays: row.waitingTimeTargetDays };
      await writeAudit(tx, t, auditSource(context), [{ action: "CREATE", recordType: "Team", recordId: row.id, detail }], now);
      return row;
    });
    return Object.assign(new CreateTeamPayload(), { team: result ? Team.of(result) : null, userErrors });
  }

  @Authorized("ADMIN")
  @Mutation(() => UpdateTeamPayload, { description: "Changes a team's name, age band or schedule settings. Admins only." })
  async updateTeam(@Arg("input", () => UpdateTeamInput) input: UpdateTeamInput, @Ctx() context: RequestContext): Promise<UpdateTeamPayload> {
    const t = context.database.tables;
    const now = context.clock.now();
    const teamId = localIdOf(input.id, "Team");
    if (!teamId) throw notFound("team");
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const [current] = await tx.select().from(t.teams).where(eq(t.teams.id, teamId));
      if (!current) throw notFound("team");
      const { row, changed } = await updateTeam(tx, t, current, { ...input, version: input.version ?? null }, now);
      if (changed.length > 0) {
        const changes = Object.fromEntries(changed.map((field) => [field, { from: current[field as keyof typeof current], to: row[field as keyof typeof row] }]));
        await writeAudit(tx, t, auditSource(context), [{ action: "UPDATE", recordType: "Team", recordId: row.id, detail: { changes } }], now);
      }
      return row;
    });
    return Object.assign(new UpdateTeamPayload(), { team: result ? Team.of(result) : null, userErrors });
  }
}

@Resolver(() => StaffMember)
export class StaffResolver {
  @Query(() => StaffConnection, {
    description:
      "Staff accounts. Admins see every account; team leads see the members of their teams; practitioners see the active members of their teams (for keyworker pickers). Analysts are refused with FORBIDDEN.",
  })
  async staff(@Args(() => StaffArgs) args: StaffArgs, @Ctx() context: RequestContext): Promise<ConnectionShape<StaffMember>> {
    const viewer = requireViewer(context);
    if (staffVisibility(viewer).kind === "NONE") throw forbidden("Your role does not include the staff directory.");
    const first = pageSizeOf(args.first);
    const page = await listStaff(context.database.read, context.database.tables, viewer, { first, after: args.after, filter: args.filter, orderBy: args.orderBy });
    return mapNodes(page, (row) => StaffMember.of(row));
  }

  @FieldResolver(() => [Team], { description: "The teams the staff member works in, by name." })
  async teams(@Root() member: StaffMember, @Ctx() context: RequestContext): Promise<Team[]> {
    const links = await context.loaders.teamIdsByStaff.load(member.localId);
    const rows = await context.loaders.teamById.loadMany(links.map((link) => link.teamId));
    return rows
      .filter((row): row is TeamRow => row !== null && !(row instanceof Error))
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB"))
      .map((row) => Team.of(row));
  }

  @Authorized("ADMIN")
  @Mutation(() => CreateStaffMemberPayload, { description: "Creates a staff account. Admins only. Without a password, Waymark makes one and returns it once." })
  async createStaffMember(@Arg("input", () => CreateStaffMemberInput) input: CreateStaffMemberInput, @Ctx() context: RequestContext): Promise<CreateStaffMemberPayload> {
    const t = context.database.tables;
    const now = context.clock.now();
    const generated = input.password == null ? oneTimePassword() : null;
    const teamIds = teamLocalIds(input.teamIds ?? []);
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const id = await createStaffAccount(tx, t, { name: input.name, email: input.email, roles: input.roles, teamIds, password: input.password ?? generated }, now);
      const [row] = await tx.select().from(t.staff).where(eq(t.staff.id, id));
      if (!row) throw new Error("A created staff account could not be read back");
      await writeAudit(tx, t, auditSource(context), [{ action: "CREATE", recordType: "StaffMember", recordId: id, detail: { roles: row.roles, teamIds: [...new Set(teamIds)], passwordSetBy: generated ? "WAYMARK" : "ADMIN" } }], now);
      return row;
    });
    return Object.assign(new CreateStaffMemberPayload(), { staffMember: result ? StaffMember.of(result) : null, oneTimePassword: result ? generated : null, userErrors });
  }

  @Authorized("ADMIN")
  @Mutation(() => UpdateStaffMemberPayload, {
    description: "Changes a staff account: name, email, roles, teams, disabling or re-enabling it, resetting its password. Admins only.",
  })
  async updateStaffMember(@Arg("input", () => UpdateStaffMemberInput) input: UpdateStaffMemberInput, @Ctx() context: RequestContext): Promise<UpdateStaffMemberPayload> {
    const t = context.database.tables;
    const now = context.clock.now();
    const staffId = localIdOf(input.id, "StaffMember");
    if (!staffId) throw notFound("staff member");
    const generated = input.resetPassword ? oneTimePassword() : null;
    const newPasswordHash = generated ? await hashPassword(generated) : null;
    const { result, userErrors } = await runMutation(context, async (tx) => {
      const [current] = await tx.select().from(t.staff).where(eq(t.staff.id, staffId));
      if (!current) throw notFound("staff member");
      const change = {
        version: input.version ?? null,
        name: input.name,
        email: input.email,
        roles: input.roles,
        teamIds: input.teamIds != null ? teamLocalIds(input.teamIds) : null,
        active: input.active,
        newPasswordHash,
      };
      const { row, changes, passwordReset } = await updateStaffAccount(tx, t, current, change, now);
      if (Object.keys(changes).length > 0 || passwordReset) {
        await writeAudit(tx, t, auditSource(context), [{ action: "UPDATE", recordType: "StaffMember", recordId: row.id, detail: { changes, passwordReset } }], now);
      }
      return row;
    });
    return Object.assign(new UpdateStaffMemberPayload(), { staffMember: result ? StaffMember.of(result) : null, oneTimePassword: result ? generated : null, userErrors });
  }
}
