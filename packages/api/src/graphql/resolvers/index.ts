import type { ClassType, NonEmptyArray } from "type-graphql";
import { ApiTokenResolver } from "./apiTokens.resolver.js";
import { AuditEventResolver } from "./auditEvents.resolver.js";
import { AuthResolver } from "./auth.resolver.js";
import { ServiceSettingsResolver } from "./settings.resolver.js";
import { NodeResolver } from "./node.resolver.js";
import { StaffResolver, TeamResolver } from "./organisation.resolver.js";
import { CatalogueResolver } from "./catalogue.resolver.js";
import { ContactResolver, HarmReductionRecordResolver } from "./contact.resolver.js";
import { DischargeResolver } from "./discharge.resolver.js";
import { EnteredInErrorResolver } from "./enteredInError.resolver.js";
import { EpisodeRecordsResolver } from "./episodeRecords.resolver.js";
import { InterventionResolver } from "./intervention.resolver.js";
import { OutcomeResolver } from "./outcome.resolver.js";
import { CaseloadResolver } from "./caseload.resolver.js";
import { REVIEW_SCHEDULE_RESOLVERS } from "./reviewSchedule.resolver.js";
import { ExceptionsResolver } from "./exceptions.resolver.js";
import { ServiceUserResolver } from "./serviceUser.resolver.js";
import { AgeBandOverrideResolver, EpisodeResolver } from "./episode.resolver.js";
import { AssessmentResolver, GoalProgressResolver, RecoveryPlanResolver, ReviewResolver } from "./clinicalRecords.resolver.js";
import { ReferralResolver } from "./referral.resolver.js";
import { JourneyResolver } from "./journey.resolver.js";
import { BreakGlassResolver } from "./breakGlass.resolver.js";
import { ExportJobResolver } from "./exportJobs.resolver.js";
import { ANALYSIS_RESOLVERS } from "./analysisRecords.resolver.js";
import { KpiResolver } from "./kpis.resolver.js";

/** Every resolver class of the schema. */
export const RESOLVERS: NonEmptyArray<ClassType> = [
  NodeResolver,
  AuthResolver,
  TeamResolver,
  StaffResolver,
  CatalogueResolver,
  InterventionResolver,
  OutcomeResolver,
  ContactResolver,
  HarmReductionRecordResolver,
  DischargeResolver,
  EnteredInErrorResolver,
  EpisodeRecordsResolver,
  CaseloadResolver,
  ...REVIEW_SCHEDULE_RESOLVERS,
  ExceptionsResolver,
  ApiTokenResolver,
  ServiceSettingsResolver,
  AuditEventResolver,
  ServiceUserResolver,
  EpisodeResolver,
  AgeBandOverrideResolver,
  AssessmentResolver,
  RecoveryPlanResolver,
  ReviewResolver,
  GoalProgressResolver,
  ReferralResolver,
  JourneyResolver,
  BreakGlassResolver,
  ...ANALYSIS_RESOLVERS,
  KpiResolver,
  ExportJobResolver,
];
