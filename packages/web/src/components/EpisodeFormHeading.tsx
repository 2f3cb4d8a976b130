import { EPISODE_STATUSES, type EpisodeStatus, type IsoDate } from "@waymark/core";
import { Link } from "react-router";
import { personName } from "./personName.js";
import "./recordForms.css";

/** The fields every episode form selects to say whose record it is; interpolate into the episode selection. */
export const EPISODE_HEADING_FIELDS = `
  id
  status
  version
  referral { receivedDate }
  team { id name }
  serviceUser { id firstName lastName preferredName localReference dateOfBirth }
`;

export interface PersonHeadingData {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName: string | null;
  readonly localReference: string;
  readonly dateOfBirth: IsoDate;
}

export interface EpisodeHeadingData {
  readonly id: string;
  readonly status: EpisodeStatus;
  readonly version: number;
  readonly referral: { readonly receivedDate: IsoDate };
  readonly team: { readonly id: string; readonly name: string };
  readonly serviceUser: PersonHeadingData;
}

/** Where a form about this person goes back to, and where it leaves for once saved. */
export function personRecordPath(person: Pick<PersonHeadingData, "id">): string {
  return `/people/${person.id}`;
}

/**
 * The top of every form about one episode: a way back to the person's record, and whose record this is, so a
 * keyworker with several records open in tabs never writes to the wrong person.
 */
export function EpisodeFormHeading({ episode, title }: { episode: EpisodeHeadingData; title: string }) {
  const person = episode.serviceUser;
  return (
    <>
      <Link className="record-back-link" to={personRecordPath(person)}>
        Back to {personName(person)}
      </Link>
      <p className="record-caption">
        {personName(person)} · {person.localReference} · {episode.team.name} · {EPISODE_STATUSES.labelOf(episode.status)}
      </p>
      <h1>{title}</h1>
    </>
  );
}
