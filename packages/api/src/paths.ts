import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The api package's folder, found from this module whether it runs from source or from the built bundle. */
function findPackageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "@waymark/api") return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error("Cannot find the @waymark/api package folder");
    folder = parent;
  }
}

export const apiPackageRoot = findPackageRoot();
export const migrationsFolder = (dialect: "sqlite" | "postgres") => join(apiPackageRoot, "migrations", dialect === "sqlite" ? "sqlite" : "pg");
export const defaultWebRoot = join(apiPackageRoot, "..", "web", "dist");
export const defaultDataFile = join(apiPackageRoot, "..", "..", "data", "waymark.sqlite");
