import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOMAIN_RULE_IDS, KPI_IDS } from "../src/rules/ruleIds.js";

const sourceRoot = join(import.meta.dirname, "..", "src");

function testFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The names given to `it`, `test` and `describe` in every test file of core. */
function testNames(): string[] {
  const pattern = /\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*(["'`])((?:(?!\1).)*)\1/g;
  return testFiles(sourceRoot).flatMap((file) => [...readFileSync(file, "utf8").matchAll(pattern)].map((match) => match[2] ?? ""));
}

function citedIds(names: readonly string[]): Set<string> {
  const cited = new Set<string>();
  for (const name of names) for (const match of name.matchAll(/\b(R-[A-Z]+-\d+|K-\d+)\b/g)) cited.add(match[1]!);
  return cited;
}

describe("every rule and indicator of the domain is proved by a named test", () => {
  const cited = citedIds(testNames());

  it("cites every DOMAIN §4 rule ID in a test name", () => {
    expect(DOMAIN_RULE_IDS.filter((id) => !cited.has(id))).toEqual([]);
  });

  it("cites every DOMAIN §7 indicator ID in a test name", () => {
    expect(KPI_IDS.filter((id) => !cited.has(id))).toEqual([]);
  });

  it("cites no rule ID that the domain does not have", () => {
    const known = new Set<string>([...DOMAIN_RULE_IDS, ...KPI_IDS]);
    expect([...cited].filter((id) => !known.has(id))).toEqual([]);
  });
});
