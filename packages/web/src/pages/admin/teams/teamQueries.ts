import { gql } from "urql";
import type { UserError } from "../../../graphql/userErrors.js";

export interface TeamRecord {
  readonly id: string;
  readonly name: string;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly reviewIntervalWeeks: number;
  readonly waitingTimeTargetDays: number;
  readonly version: number;
}

const TEAM_FIELDS = "id name minAge maxAge reviewIntervalWeeks waitingTimeTargetDays version";

export const TEAMS = gql<{ teams: readonly TeamRecord[] }, Record<string, never>>`
  query AdminTeams {
    teams { ${TEAM_FIELDS} }
  }
`;

export const TEAM = gql<{ node: (TeamRecord & { __typename: string }) | { __typename: string } | null }, { id: string }>`
  query AdminTeam($id: ID!) {
    node(id: $id) {
      __typename
      ... on Team { ${TEAM_FIELDS} }
    }
  }
`;

/** A team's settings as the create and update inputs take them. */
export interface TeamInput {
  readonly name: string;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly reviewIntervalWeeks: number;
  readonly waitingTimeTargetDays: number;
}

interface TeamPayload {
  readonly team: TeamRecord | null;
  readonly userErrors: readonly UserError[];
}

export const CREATE_TEAM = gql<{ createTeam: TeamPayload }, { input: TeamInput }>`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      team { ${TEAM_FIELDS} }
      userErrors { code field message }
    }
  }
`;

export const UPDATE_TEAM = gql<{ updateTeam: TeamPayload }, { input: TeamInput & { id: string; version: number } }>`
  mutation UpdateTeam($input: UpdateTeamInput!) {
    updateTeam(input: $input) {
      team { ${TEAM_FIELDS} }
      userErrors { code field message }
    }
  }
`;

/** "25 and over", "11 to 24", "Any age": the age band in words for the teams table. */
export function ageBandWords(team: Pick<TeamRecord, "minAge" | "maxAge">): string {
  if (team.minAge === null && team.maxAge === null) return "Any age";
  if (team.maxAge === null) return `${team.minAge} and over`;
  if (team.minAge === null) return `Up to ${team.maxAge}`;
  return `${team.minAge} to ${team.maxAge}`;
}
