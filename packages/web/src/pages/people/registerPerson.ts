import { gql } from "urql";
import type { UserError } from "../../graphql/userErrors.js";

/** Registers a person; the answer carries the new record's ID to go to. */
export const REGISTER_PERSON = gql`
  mutation RegisterServiceUser($input: RegisterServiceUserInput!) {
    registerServiceUser(input: $input) {
      serviceUser {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`;

export interface RegisterPersonResult {
  readonly registerServiceUser: {
    readonly serviceUser: { readonly id: string } | null;
    readonly userErrors: readonly UserError[];
  };
}
