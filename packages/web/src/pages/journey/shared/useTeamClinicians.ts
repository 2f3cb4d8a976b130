import type { Role } from "@waymark/core";
import { gql, useQuery } from "urql";

const TEAM_CLINICIANS = gql`
  query TeamClinicians($teamId: ID!) {
    staff(first: 100, filter: { teamId: { eq: $teamId }, active: true, role: { in: [PRACTITIONER, TEAM_LEAD] } }) {
      edges {
        node {
          id
          name
          roles
        }
      }
    }
  }
`;

/** A practitioner or team lead of a team: who can hold a caseload and sign a plan off. */
export interface Clinician {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

interface TeamCliniciansResult {
  readonly staff: { readonly edges: readonly { readonly node: Clinician }[] };
}

/**
 * The active practitioners and team leads of a team, by name, for keyworker and sign-off pickers. The
 * server shows a practitioner only their own teams' members, so another team's list is empty.
 */
export function useTeamClinicians(teamId: string | null): { clinicians: readonly Clinician[]; fetching: boolean } {
  const [result] = useQuery<TeamCliniciansResult, { teamId: string }>({ query: TEAM_CLINICIANS, variables: { teamId: teamId ?? "" }, pause: !teamId });
  return { clinicians: teamId ? (result.data?.staff.edges.map((edge) => edge.node) ?? []) : [], fetching: result.fetching };
}
