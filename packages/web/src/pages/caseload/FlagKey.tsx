import { Details } from "../../components/Details.js";
import { Tag } from "../../components/Tag.js";
import { CASELOAD_FLAGS } from "./caseloadFlags.js";

/** What each flag means, under the table for whoever needs reminding. */
export function FlagKey() {
  return (
    <Details summary="What the flags mean">
      <dl className="flag-key">
        {CASELOAD_FLAGS.map((info) => (
          <div className="flag-key__row" key={info.flag}>
            <dt>
              <Tag tone={info.tone}>{info.label}</Tag>
            </dt>
            <dd>{info.meaning}</dd>
          </div>
        ))}
      </dl>
    </Details>
  );
}
