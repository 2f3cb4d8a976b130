import type { IsoDate, NeedDomain, NeedLevel } from "@waymark/core";
import type { Random } from "../random.js";
import type { ClinicalProfile, ProfileDetails } from "./clinicalProfiles.js";
import type { EpisodeBuilder } from "./episodeBuilder.js";
import type { DemoPerson, DemoRisk } from "./story.js";

/** A structured intervention's span, so recovery support can be placed alongside it (R-ROSC-1). */
export interface StructuredSpan {
  readonly ref: string;
  readonly start: IsoDate;
  end: IsoDate | null;
  readonly opioidSubstitution: boolean;
}

/** What the parts of one episode's story share while it is written. */
export interface EpisodeContext {
  readonly random: Random;
  readonly today: IsoDate;
  readonly person: DemoPerson;
  readonly profile: ClinicalProfile;
  readonly details: ProfileDetails;
  readonly builder: EpisodeBuilder;
  readonly referralDate: IsoDate;
  readonly ageOnReferral: number;
  readonly youngPerson: boolean;
  /** Suicide-risk factors present at the start (R-RISK-2); cleared later for some. */
  readonly suicideFactors: readonly (keyof DemoRisk["suicideFactors"])[];
  readonly criminalJustice: boolean;
  /** Needs found by the comprehensive assessment, once it is written. */
  needs: Partial<Record<NeedDomain, NeedLevel>> | null;
  comprehensiveDate: IsoDate | null;
  signOffDate: IsoDate | null;
  firstInterventionDate: IsoDate | null;
  readonly structured: StructuredSpan[];
}

export const isOpiateProfile = (profile: ClinicalProfile) => profile === "OPIATE" || profile === "OPIATE_AND_CRACK";
