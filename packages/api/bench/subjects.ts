/**
 * What the benchmark asks about, chosen from the benchmark database so both servers get realistic, identical
 * inputs: the busiest keyworker among the profile's accounts, their team and its lead, the person with the
 * longest record in that team, and the keyworker's open episodes for the write to rotate over.
 */
import BetterSqlite3 from "better-sqlite3";
import { ACCOUNT_PROFILES, type AccountProfile } from "./accounts.js";
import { addDays, addYears } from "@waymark/core";
import { OPEN_STATUSES } from "./rawQueries.js";
import type { Subjects } from "./workloads.js";

const placeholders = (count: number) => Array.from({ length: count }, () => "?").join(", ");

export function chooseSubjects(file: string, today: string): { profile: AccountProfile; subjects: Subjects } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const staffByEmail = (email: string) => db.prepare("select id, email from staff where email = ?").get(email) as { id: string; email: string } | undefined;
    const profile = ACCOUNT_PROFILES.find((candidate) => staffByEmail(candidate.analyst));
    if (!profile) throw new Error(`The database has none of the benchmark's accounts (${ACCOUNT_PROFILES.map((p) => p.analyst).join(", ")}): seed it with --synthetic or --demo`);
    const analyst = staffByEmail(profile.analyst) as { id: string; email: string };

    const keyworker = db
      .prepare(
        `select s.id, s.email, count(e.id) as open_episodes from staff s
         join episodes e on e.keyworker_id = s.id and e.status in ${OPEN_STATUSES} and e.entered_in_error_reason is null
         where s.email in (${placeholders(profile.keyworkers.length)})
         group by s.id order by open_episodes desc, s.email limit 1`,
      )
      .get(...profile.keyworkers) as { id: string; email: string; open_episodes: number } | undefined;
    if (!keyworker) throw new Error("None of the benchmark's keyworkers holds an open episode");

    const team = db
      .prepare(
        `select tm.id, tm.name from episodes e join teams tm on tm.id = e.team_id
         where e.keyworker_id = ? and e.status in ${OPEN_STATUSES} group by tm.id order by count(*) desc limit 1`,
      )
      .get(keyworker.id) as { id: string; name: string };
    const teamLead = db
      .prepare(`select s.id, s.email from staff s join staff_teams st on st.staff_id = s.id where st.team_id = ? and s.email in (${placeholders(profile.teamLeads.length)}) limit 1`)
      .get(team.id, ...profile.teamLeads) as { id: string; email: string } | undefined;
    if (!teamLead) throw new Error(`No team lead of ${team.name} among ${profile.teamLeads.join(", ")}`);

    // The write workload adds contacts to these episodes, in turn, on every run.
    const writeEpisodeIds = (
      db
        .prepare(`select id from episodes e where e.keyworker_id = ? and e.status in ${OPEN_STATUSES} and e.entered_in_error_reason is null and e.referral_date <= ? order by id limit 200`)
        .all(keyworker.id, today) as { id: string }[]
    ).map((row) => row.id);

    // The longest record: the team's episode with the most contacts (the list that grows fastest), as the
    // generator wrote it. Not one the write workload adds to, so every run on the same database reads the same
    // record: chosen among those, it would be whichever the last runs had grown most.
    const person = db
      .prepare(
        `select e.service_user_id as id, e.id as episode_id, count(*) as contacts
         from contacts c join episodes e on e.id = c.episode_id
         where e.team_id = ? and e.entered_in_error_reason is null
           and e.id not in (select value from json_each(?))
         group by e.id order by contacts desc, e.id limit 1`,
      )
      .get(team.id, JSON.stringify(writeEpisodeIds)) as { id: string; episode_id: string; contacts: number } | undefined;
    if (!person) throw new Error(`No episode of ${team.name} has a contact`);

    return {
      profile,
      subjects: {
        today,
        keyworker: { id: keyworker.id, email: keyworker.email, openEpisodes: keyworker.open_episodes },
        teamLead,
        analyst,
        team,
        person: { id: person.id, episodeId: person.episode_id, contacts: person.contacts },
        writeEpisodeIds,
        period: { from: addDays(addYears(today, -1), 1), to: today },
        scheduleTo: addDays(today, 27),
      },
    };
  } finally {
    db.close();
  }
}

/** Rows per table of the benchmark database, largest first, for the report. */
export function rowCounts(file: string): { table: string; rows: number }[] {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as { name: string }[];
    return tables
      .map(({ name }) => ({ table: name, rows: (db.prepare(`select count(*) as rows from "${name}"`).get() as { rows: number }).rows }))
      .sort((a, b) => b.rows - a.rows);
  } finally {
    db.close();
  }
}
