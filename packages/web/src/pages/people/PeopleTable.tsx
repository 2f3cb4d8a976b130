import { Link } from "react-router";
import { SortableHeader } from "../../components/SortableHeader.js";
import { EpisodeStatusTag } from "../person/EpisodeStatusTag.js";
import { isOpenStatus } from "../person/episodeActions.js";
import { tableDate } from "../caseload/tableDate.js";
import type { PeopleOrderField, PersonListEntry } from "./peopleQuery.js";

export interface PeopleSort {
  readonly field: PeopleOrderField;
  readonly direction: "ASC" | "DESC";
}

/** The open episode a person has, if any, or else their latest one; those entered in error do not count. */
function currentEpisodeOf(person: PersonListEntry) {
  const episodes = person.episodes.filter((episode) => !episode.enteredInError);
  return episodes.find((episode) => isOpenStatus(episode.status)) ?? episodes[episodes.length - 1] ?? null;
}

/** People found by a search, with the state of their current episode; sorting is the server's. */
export function PeopleTable({ people, sort, onSort, busy }: { people: readonly PersonListEntry[]; sort: PeopleSort; onSort: (sort: PeopleSort) => void; busy: boolean }) {
  const header = (label: string, field: PeopleOrderField) => (
    <SortableHeader
      label={label}
      direction={sort.field === field ? (sort.direction === "ASC" ? "ascending" : "descending") : "none"}
      onSort={() => onSort({ field, direction: sort.field === field && sort.direction === "ASC" ? "DESC" : "ASC" })}
    />
  );
  return (
    <div className="caseload__scroll">
      <table className="table caseload__table" aria-busy={busy || undefined}>
        <caption className="visually-hidden">People found</caption>
        <thead>
          <tr>
            {header("Name", "LAST_NAME")}
            {header("Local reference", "LOCAL_REFERENCE")}
            {header("Date of birth", "DATE_OF_BIRTH")}
            <th scope="col">Episode</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const episode = currentEpisodeOf(person);
            return (
              <tr key={person.id}>
                <th scope="row">
                  <Link to={`/people/${person.id}`} className="caseload__person">
                    {person.firstName} {person.lastName}
                  </Link>
                  {person.preferredName && <span className="caseload__note">Known as {person.preferredName}</span>}
                </th>
                <td>{person.localReference}</td>
                <td className="nowrap">{tableDate(person.dateOfBirth)}</td>
                <td>
                  {episode ? (
                    <>
                      <EpisodeStatusTag status={episode.status} />
                      <span className="caseload__note">{episode.team.name}</span>
                    </>
                  ) : (
                    <span className="secondary">Not referred yet</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
