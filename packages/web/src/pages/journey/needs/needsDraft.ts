import { NEED_DOMAINS, type NeedDomain, type NeedLevel } from "@waymark/core";

/** Needs by life domain as core holds them; a domain left out was not assessed. */
export type NeedsDraft = Partial<Record<NeedDomain, NeedLevel>>;

/** The NeedInput list the API takes, in the domains' usual order. */
export function needsInput(needs: NeedsDraft): { domain: NeedDomain; level: NeedLevel }[] {
  return NEED_DOMAINS.codes.flatMap((domain) => {
    const level = needs[domain];
    return level ? [{ domain, level }] : [];
  });
}
