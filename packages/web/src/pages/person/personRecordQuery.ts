import type { DischargeReason, EpisodeStatus, IsoDate, ReferralSource } from "@waymark/core";
import { gql } from "urql";
import type { CaseloadFlag } from "../caseload/caseloadFlags.js";
import { PERSON_DETAIL_FIELDS, type PersonDetails } from "../people/personDraft.js";

export interface PersonEpisode {
  readonly id: string;
  readonly status: EpisodeStatus;
  readonly referral: { readonly receivedDate: IsoDate; readonly source: ReferralSource };
  readonly team: { readonly id: string; readonly name: string };
  readonly keyworker: { readonly id: string; readonly name: string } | null;
  readonly dischargeDate: IsoDate | null;
  readonly dischargeReason: DischargeReason | null;
  readonly enteredInError: { readonly reason: string } | null;
}

export interface PersonRecord extends PersonDetails {
  readonly id: string;
  readonly version: number;
  readonly enteredInError: { readonly reason: string } | null;
  readonly flags: {
    readonly suicideRisk: { readonly flagged: boolean };
    readonly safeguarding: { readonly flagged: boolean; readonly homeVisitDue: boolean };
  };
  readonly episodes: readonly PersonEpisode[];
}

export interface PersonRecordResult {
  readonly serviceUser: PersonRecord | null;
}

/** A person's details, flags and the list of their episodes (oldest referral first). */
export const PERSON_RECORD_QUERY = gql<PersonRecordResult, { id: string }>(`
  query PersonRecord($id: ID!) {
    serviceUser(id: $id) {
      id
      version
      ${PERSON_DETAIL_FIELDS}
      enteredInError { reason }
      flags {
        suicideRisk { flagged }
        safeguarding { flagged homeVisitDue }
      }
      episodes {
        id
        status
        referral { receivedDate source }
        team { id name }
        keyworker { id name }
        dischargeDate
        dischargeReason
        enteredInError { reason }
      }
    }
  }
`);

export interface EpisodeCaseloadFlagsResult {
  readonly caseload: {
    readonly edges: readonly {
      readonly node: {
        readonly episode: { readonly id: string };
        readonly flags: readonly CaseloadFlag[];
        readonly flagDetails: readonly { readonly flag: CaseloadFlag; readonly label: string }[];
      };
    }[];
  };
}

/**
 * The caseload's flags for one open episode (disengaging, DNA follow-up, OST, review overdue…). The Episode
 * type does not carry them, so they are read from the caseload, found by the person's local reference; an
 * episode outside the viewer's caseload (for example one opened by break-glass) shows only the flags the
 * episode itself carries.
 */
export const EPISODE_CASELOAD_FLAGS_QUERY = gql<EpisodeCaseloadFlagsResult, { search: string }>(`
  query EpisodeCaseloadFlags($search: String!) {
    caseload(scope: TEAM, search: $search, first: 10) {
      edges {
        node {
          episode { id }
          flags
          flagDetails { flag label }
        }
      }
    }
  }
`);
