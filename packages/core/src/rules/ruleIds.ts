/**
 * Every rule ID of DOMAIN §4 and indicator ID of §7. Each is cited by the name of at least one test in this
 * package (test/ruleCoverage.test.ts checks), so a reader can go from the specification to its proof.
 */
export const DOMAIN_RULE_IDS = [
  "R-ELIG-1", "R-ELIG-2", "R-DATE-1", "R-RISK-1", "R-RISK-2", "R-RISK-3", "R-SAFE-1", "R-PLAN-1", "R-PLAN-2",
  "R-REV-1", "R-REV-2", "R-REV-3", "R-TOP-1", "R-TOP-2", "R-INT-1", "R-ROSC-1", "R-ROSC-2", "R-ROSC-3", "R-ROSC-4",
  "R-ROSC-5", "R-ROSC-6", "R-CAT-1", "R-DIS-1", "R-DIS-2", "R-DNA-1", "R-DNA-2", "R-COH-1", "R-OST-1", "R-REP-1",
  "R-EXC-1",
] as const;
export type DomainRuleId = (typeof DOMAIN_RULE_IDS)[number];

export const KPI_IDS = ["K-1", "K-2", "K-3", "K-4", "K-5", "K-6", "K-7", "K-8", "K-9", "K-10", "K-11", "K-12", "K-13", "K-14"] as const;
export type KpiId = (typeof KPI_IDS)[number];
