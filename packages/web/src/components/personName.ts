/** The parts of a person's name that lists select. */
export interface PersonNameParts {
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName?: string | null;
}

/**
 * How a person is named in working lists: the name they like to be called, then their last name, so a
 * keyworker reads the name they use with the person. The legal first name follows when it differs.
 */
export function personName({ firstName, lastName, preferredName }: PersonNameParts): string {
  const preferred = preferredName?.trim();
  if (!preferred || preferred === firstName) return `${firstName} ${lastName}`;
  return `${preferred} ${lastName} (${firstName})`;
}
