import { Tag } from "../../components/Tag.js";
import { caseloadFlagInfo } from "./caseloadFlags.js";

/**
 * An episode's flags as text tags, most pressing first. `labels` are the API's words for each flag when it
 * sent them; otherwise the screen's own list supplies them.
 */
export function FlagTags({ flags, labels, none = "None" }: { flags: readonly string[]; labels?: ReadonlyMap<string, string>; none?: string }) {
  if (flags.length === 0) return <span className="secondary">{none}</span>;
  return (
    <ul className="tag-list">
      {flags.map((flag) => {
        const info = caseloadFlagInfo(flag);
        return (
          <li key={flag}>
            <Tag tone={info.tone}>{labels?.get(flag) ?? info.label}</Tag>
          </li>
        );
      })}
    </ul>
  );
}
