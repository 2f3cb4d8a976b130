/** A refusal from a mutation's payload, as the API returns it. */
export interface UserError {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

/** Field errors keyed by input path, for showing each message beside its field and in the error summary. */
export type FieldErrors = Record<string, string>;

/** The first message per field; errors about the whole input are kept under "". */
export function fieldErrorsOf(errors: readonly { field: string; message: string }[]): FieldErrors {
  const byField: FieldErrors = {};
  for (const error of errors) byField[error.field] ??= error.message;
  return byField;
}

/** The GraphQL fragment every mutation payload selects. */
export const USER_ERRORS = "userErrors { code field message }";
