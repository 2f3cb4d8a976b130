/** The file a SQLite DATABASE_URL names: a plain path, or one after `sqlite:` or `file:`. */
export function sqliteFileOf(databaseUrl: string): string {
  return databaseUrl.replace(/^(sqlite|file):(\/\/)?/, "");
}
