import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };

/** Libraries core may use: pure computation that runs the same in a browser and on the server. */
const PURE_DEPENDENCIES = ["@js-joda/core"];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("core has no I/O", () => {
  it("depends only on pure libraries", () => {
    expect(Object.keys(packageJson.dependencies ?? {}).filter((name) => !PURE_DEPENDENCIES.includes(name))).toEqual([]);
  });

  it("imports only its own modules and the pure libraries, never Node built-ins, a database or a framework", () => {
    const imports = sourceFiles(join(import.meta.dirname, "..", "src")).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gm)].map((match) => match[1]!),
    );
    const foreign = imports.filter((specifier) => !specifier.startsWith(".") && !PURE_DEPENDENCIES.includes(specifier) && specifier !== "fast-check" && specifier !== "vitest");
    expect(foreign).toEqual([]);
  });

  it("has no global clock or randomness in its rules: time comes in as a parameter", () => {
    const offenders = sourceFiles(join(import.meta.dirname, "..", "src")).filter((file) => /\bDate\.now\(|new Date\(\)|Math\.random\(/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
