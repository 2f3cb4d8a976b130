import { Link } from "react-router";
import { personRecordPath } from "../../../components/EpisodeFormHeading.js";
import { personName } from "../../../components/personName.js";
import "../../../components/recordForms.css";
import type { JourneyPerson } from "../shared/episodeContext.js";

/**
 * The top of the referral form, which is about a person before any episode exists: the way back to their
 * record and whose record it is, laid out as the episode forms' heading is.
 */
export function PersonFormHeading({ person, title }: { person: JourneyPerson; title: string }) {
  return (
    <>
      <Link className="record-back-link" to={personRecordPath(person)}>
        Back to {personName(person)}
      </Link>
      <p className="record-caption">
        {personName(person)} · {person.localReference}
      </p>
      <h1>{title}</h1>
    </>
  );
}
