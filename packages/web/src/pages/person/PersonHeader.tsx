import { ageOn, formatNhsNumber } from "@waymark/core";
import { useQuery } from "urql";
import { displayDate } from "../../components/formatting.js";
import { serviceToday } from "../../components/serviceToday.js";
import { Tag } from "../../components/Tag.js";
import { FlagTags } from "../caseload/FlagTags.js";
import { EPISODE_CASELOAD_FLAGS_QUERY, type PersonEpisode, type PersonRecord } from "./personRecordQuery.js";

/**
 * Who the record is about and the flags they carry, at the top of the record: name, reference, date of birth
 * and age, NHS number, and the same flags as the caseload for the open episode.
 */
export function PersonHeader({ person, openEpisode }: { person: PersonRecord; openEpisode: PersonEpisode | null }) {
  const [caseload] = useQuery({ query: EPISODE_CASELOAD_FLAGS_QUERY, variables: { search: person.localReference }, pause: openEpisode === null });
  const entry = caseload.data?.caseload.edges.find((edge) => edge.node.episode.id === openEpisode?.id)?.node;
  // Without the caseload's view of the episode, the person's own flags still show.
  const flags = entry
    ? entry.flags
    : [
        ...(person.flags.suicideRisk.flagged ? (["SUICIDE_RISK"] as const) : []),
        ...(person.flags.safeguarding.flagged ? (["SAFEGUARDING"] as const) : []),
        ...(person.flags.safeguarding.homeVisitDue ? (["SAFEGUARDING_HOME_VISIT_DUE"] as const) : []),
      ];
  const labels = entry ? new Map(entry.flagDetails.map((detail) => [detail.flag, detail.label])) : undefined;
  return (
    <>
      <p className="caption">
        {person.localReference} · Born {displayDate(person.dateOfBirth)} (age {ageOn(person.dateOfBirth, serviceToday())})
        {person.nhsNumber && ` · NHS number ${formatNhsNumber(person.nhsNumber)}`}
      </p>
      <h1 className="person__name">
        {person.firstName} {person.lastName}
        {person.preferredName && <span className="person__known-as"> (known as {person.preferredName})</span>}
      </h1>
      {person.enteredInError && (
        <p>
          <Tag tone="grey">Entered in error</Tag> {person.enteredInError.reason}
        </p>
      )}
      <div className="person__flags">
        <h2 className="visually-hidden">Flags</h2>
        <FlagTags flags={flags} labels={labels} none="No flags" />
      </div>
    </>
  );
}
