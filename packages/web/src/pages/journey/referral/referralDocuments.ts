import type { EpisodeStatus, IsoDate, ReferralSource, ReferralUrgency } from "@waymark/core";
import { gql } from "urql";
import type { UserError } from "../../../graphql/userErrors.js";
import { JOURNEY_PERSON, type JourneyPerson } from "../shared/episodeContext.js";

export const REFERRAL_FORM_CONTEXT = gql`
  query ReferralFormContext($serviceUserId: ID!) {
    serviceUser(id: $serviceUserId) {
      ...JourneyPerson
      episodes {
        id
        status
        enteredInError {
          reason
        }
        referral {
          receivedDate
        }
        team {
          name
        }
      }
    }
    teams {
      id
      name
      minAge
      maxAge
    }
  }
  ${JOURNEY_PERSON}
`;

/** A team a referral can be made to, with the age band it serves (R-ELIG-1). */
export interface ReferralTeam {
  readonly id: string;
  readonly name: string;
  readonly minAge: number | null;
  readonly maxAge: number | null;
}

export interface ReferralFormContextResult {
  readonly serviceUser:
    | (JourneyPerson & {
        readonly episodes: readonly {
          readonly id: string;
          readonly status: EpisodeStatus;
          readonly enteredInError: { readonly reason: string } | null;
          readonly referral: { readonly receivedDate: IsoDate };
          readonly team: { readonly name: string };
        }[];
      })
    | null;
  readonly teams: readonly ReferralTeam[];
}

export const RECEIVE_REFERRAL = gql`
  mutation ReceiveReferral($input: ReceiveReferralInput!) {
    receiveReferral(input: $input) {
      episode {
        id
        status
        team {
          name
        }
        keyworker {
          name
        }
        referral {
          receivedDate
          source
          referrer
          reason
          urgency
        }
        ageBandOverride {
          reason
          approvedBy {
            name
          }
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

/** The referral as the server saved it; the episode is null when it went to another keyworker's caseload. */
export interface ReceivedReferral {
  readonly id: string;
  readonly status: EpisodeStatus;
  readonly team: { readonly name: string };
  readonly keyworker: { readonly name: string } | null;
  readonly referral: { readonly receivedDate: IsoDate; readonly source: ReferralSource; readonly referrer: string | null; readonly reason: string; readonly urgency: ReferralUrgency };
  readonly ageBandOverride: { readonly reason: string; readonly approvedBy: { readonly name: string } | null } | null;
}

export interface ReceiveReferralResult {
  readonly receiveReferral: {
    readonly episode: ReceivedReferral | null;
    readonly userErrors: readonly UserError[];
  };
}

export interface ReceiveReferralInput {
  readonly serviceUserId: string;
  readonly teamId: string;
  readonly keyworkerId: string | null;
  readonly referral: { readonly receivedDate: string; readonly source: ReferralSource; readonly referrer: string | null; readonly reason: string; readonly urgency: ReferralUrgency };
  readonly ageBandOverride: { readonly reason: string } | null;
}
