import type { Referral } from "@waymark/core";
import { gql } from "urql";
import { EPISODE_HEADING_FIELDS, type EpisodeHeadingData } from "../../components/EpisodeFormHeading.js";

/** An episode as the contact and harm-reduction rules read it: its state, its referral and whose it is. */
export type EpisodeForContact = EpisodeHeadingData & { readonly referral: Referral };

export const EPISODE_FOR_CONTACT = gql<{ episode: EpisodeForContact | null }, { id: string }>`
  query EpisodeForContact($id: ID!) {
    episode(id: $id) {
      ${EPISODE_HEADING_FIELDS}
      referral { receivedDate source referrer reason urgency }
    }
  }
`;
