import { gql } from "urql";
import type { UserError } from "../../graphql/userErrors.js";
import { PERSON_DETAIL_FIELDS, type PersonDetails } from "./personDraft.js";

export interface PersonForEdit extends PersonDetails {
  readonly id: string;
  readonly version: number;
}

/** The person's details as they stand, with the version an edit must be based on. */
export const PERSON_FOR_EDIT_QUERY = gql<{ serviceUser: PersonForEdit | null }, { id: string }>(`
  query PersonForEdit($id: ID!) {
    serviceUser(id: $id) {
      id
      version
      ${PERSON_DETAIL_FIELDS}
    }
  }
`);

/** Saves every detail of the person against the version read; a change saved by someone else since is refused. */
export const UPDATE_PERSON = gql<
  { updateServiceUser: { serviceUser: PersonForEdit | null; userErrors: readonly UserError[] } },
  { input: Record<string, unknown> }
>(`
  mutation UpdateServiceUser($input: UpdateServiceUserInput!) {
    updateServiceUser(input: $input) {
      serviceUser {
        id
        version
        ${PERSON_DETAIL_FIELDS}
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
