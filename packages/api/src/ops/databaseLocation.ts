/**
 * The SQLite file named by a DATABASE_URL, read the way openDatabase reads it (a path, or sqlite:/file: URL),
 * or null when the URL names a Postgres server.
 */
export function sqliteFileOf(databaseUrl: string): string | null {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return null;
  return databaseUrl.replace(/^(sqlite|file):(\/\/)?/, "");
}
