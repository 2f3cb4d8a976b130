import type { EpisodeStatus, IsoDate, Referral } from "@waymark/core";
import { gql } from "urql";

/** Whose record a journey form is about: shown above the form, and the date rules need the date of birth. */
export const JOURNEY_PERSON = gql`
  fragment JourneyPerson on ServiceUser {
    id
    firstName
    lastName
    preferredName
    dateOfBirth
    localReference
  }
`;

/**
 * What every episode form needs to know about the episode it adds to: whose it is, where it is on the
 * journey, its team and its referral.
 */
export const EPISODE_CONTEXT = gql`
  fragment JourneyEpisodeContext on Episode {
    id
    status
    version
    triageDate
    enteredInError {
      reason
    }
    referral {
      receivedDate
      source
      referrer
      reason
      urgency
    }
    team {
      id
      name
      reviewIntervalWeeks
    }
    serviceUser {
      ...JourneyPerson
    }
  }
  ${JOURNEY_PERSON}
`;

/** The person a journey form is about. */
export interface JourneyPerson {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName: string | null;
  readonly dateOfBirth: IsoDate;
  readonly localReference: string;
}

/** The episode a journey form adds to, as EPISODE_CONTEXT selects it. */
export interface JourneyEpisode {
  readonly id: string;
  readonly status: EpisodeStatus;
  readonly version: number;
  readonly triageDate: IsoDate | null;
  readonly enteredInError: { readonly reason: string } | null;
  readonly referral: Referral;
  readonly team: { readonly id: string; readonly name: string; readonly reviewIntervalWeeks: number };
  readonly serviceUser: JourneyPerson;
}

/** True while the episode can take new records: not discharged, not marked as entered in error. */
export function episodeIsOpen(episode: Pick<JourneyEpisode, "status" | "enteredInError">): boolean {
  return episode.status !== "COMPLETED" && episode.status !== "CLOSED" && !episode.enteredInError;
}
