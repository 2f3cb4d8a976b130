import { Tag } from "../../../components/Tag.js";
import { suicideRiskReasons, type SuicideRiskFlagResult } from "./suicideRiskFlag.js";

/**
 * The suicide-risk flag (R-RISK-2) after a save, as a tag that says what it is, with its reasons. When this
 * record answered no to every circumstance yet the flag stands, it says why: another risk assessment made the
 * same day recorded one, and only a later day's assessment can clear it.
 */
export function SuicideRiskFlagSummary({ flag, recordedNone = false }: { flag: SuicideRiskFlagResult; recordedNone?: boolean }) {
  if (!flag.flagged) return <>Not raised</>;
  return (
    <>
      <Tag tone="red">Suicide risk</Tag> {suicideRiskReasons(flag)}
      {recordedNone && (
        <p className="hint">
          This record found none of these circumstances, but another risk assessment made the same day did, so the flag stays until a risk assessment on a later day records none.
        </p>
      )}
    </>
  );
}
