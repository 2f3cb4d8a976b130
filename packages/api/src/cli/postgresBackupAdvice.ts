/** What `waymark backup` and `restore` say on Postgres, where the database server's own tools do the job. */
export const POSTGRES_BACKUP_ADVICE = `DATABASE_URL names a Postgres server. Waymark does not copy Postgres databases itself:
use Postgres's own tools, which take a consistent copy while Waymark keeps serving.

  Back up:   pg_dump --format=custom --file=waymark-$(date +%F).dump "$DATABASE_URL"
  Restore:   stop Waymark, then
             pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" waymark-YYYY-MM-DD.dump
             and start Waymark again (it applies any newer migrations at start).

See docs/deployment.md ("Backups") for a scheduled job and a restore drill.`;
