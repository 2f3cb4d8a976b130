import { DEFAULT_REVIEW_INTERVAL_WEEKS, DEFAULT_WAITING_TIME_TARGET_DAYS } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { Button } from "../../../components/Button.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { TextInput } from "../../../components/Field.js";
import { useUnsavedChangesGuard } from "../../../components/useUnsavedChangesGuard.js";
import { fieldErrorsOf, type FieldErrors, type UserError } from "../../../graphql/userErrors.js";
import type { TeamInput, TeamRecord } from "./teamQueries.js";

const FORM_ID = "team";

/** The form's text, one string per box, so a half-typed number stays as typed. */
interface TeamDraft {
  readonly name: string;
  readonly minAge: string;
  readonly maxAge: string;
  readonly reviewIntervalWeeks: string;
  readonly waitingTimeTargetDays: string;
}

const text = (value: number | null) => (value === null ? "" : String(value));

function draftOf(team: TeamRecord | undefined): TeamDraft {
  return {
    name: team?.name ?? "",
    minAge: text(team?.minAge ?? null),
    maxAge: text(team?.maxAge ?? null),
    reviewIntervalWeeks: text(team?.reviewIntervalWeeks ?? DEFAULT_REVIEW_INTERVAL_WEEKS),
    waitingTimeTargetDays: text(team?.waitingTimeTargetDays ?? DEFAULT_WAITING_TIME_TARGET_DAYS),
  };
}

/**
 * Reads the boxes into the API's input, or says which box is not a whole number. The ranges (ages 0 to 120,
 * 1 to 52 weeks, 1 to 365 days) are the server's to check, so there is one source of those limits.
 */
function inputOf(draft: TeamDraft): { input: TeamInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const whole = (field: keyof TeamDraft, what: string, optional: boolean): number | null => {
    const value = draft[field].trim();
    if (value === "") {
      if (!optional) errors[field] = `Enter ${what}.`;
      return null;
    }
    if (!/^\d+$/.test(value)) {
      errors[field] = `Enter ${what} as a whole number, like 12.`;
      return null;
    }
    return Number(value);
  };
  if (!draft.name.trim()) errors.name = "Enter the team's name.";
  const minAge = whole("minAge", "the youngest age served", true);
  const maxAge = whole("maxAge", "the oldest age served", true);
  const reviewIntervalWeeks = whole("reviewIntervalWeeks", "the weeks between reviews", false);
  const waitingTimeTargetDays = whole("waitingTimeTargetDays", "the waiting-time target in days", false);
  if (Object.keys(errors).length > 0 || reviewIntervalWeeks === null || waitingTimeTargetDays === null) return { input: null, errors };
  return { input: { name: draft.name.trim(), minAge, maxAge, reviewIntervalWeeks, waitingTimeTargetDays }, errors };
}

/** Adds or changes a team: its name, the ages it serves (R-ELIG-1) and the settings its schedules run on. */
export function TeamForm({ team, submitLabel, onSave }: { team?: TeamRecord; submitLabel: string; onSave: (input: TeamInput) => Promise<readonly UserError[] | null> }) {
  const [draft, setDraft] = useState(() => draftOf(team));
  const [saved, setSaved] = useState(draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  useUnsavedChangesGuard(!saving && JSON.stringify(draft) !== JSON.stringify(saved));
  const set = (field: keyof TeamDraft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, errors: found } = inputOf(draft);
    setErrors(found);
    if (!input) return;
    setSaving(true);
    const refused = await onSave(input);
    setSaving(false);
    if (refused) setErrors(fieldErrorsOf(refused.length > 0 ? refused : [{ field: "", message: "The team could not be saved. Try again." }]));
    else setSaved(draft);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <TextInput formId={FORM_ID} name="name" label="Team name" value={draft.name} error={errors.name} onChange={set("name")} />
      <fieldset className="fieldset form-group" aria-describedby={`${FORM_ID}-ages-hint`}>
        <legend className="fieldset__legend fieldset__legend--m">Ages the team serves</legend>
        <div className="hint" id={`${FORM_ID}-ages-hint`}>A referral must fall within these ages on the day it is received; a team lead can override with a reason. Leave a box empty for no limit.</div>
        <TextInput formId={FORM_ID} name="minAge" label="Youngest age" width="short" value={draft.minAge} error={errors.minAge} onChange={set("minAge")} />
        <TextInput formId={FORM_ID} name="maxAge" label="Oldest age" width="short" value={draft.maxAge} error={errors.maxAge} onChange={set("maxAge")} />
      </fieldset>
      <TextInput
        formId={FORM_ID}
        name="reviewIntervalWeeks"
        label="Weeks between recovery plan reviews"
        hint="From 1 to 52. Plans already agreed keep the interval they were made with."
        width="short"
        value={draft.reviewIntervalWeeks}
        error={errors.reviewIntervalWeeks}
        onChange={set("reviewIntervalWeeks")}
      />
      <TextInput
        formId={FORM_ID}
        name="waitingTimeTargetDays"
        label="Waiting-time target in days"
        hint="From 1 to 365: the days from referral within which the first intervention should start."
        width="short"
        value={draft.waitingTimeTargetDays}
        error={errors.waitingTimeTargetDays}
        onChange={set("waitingTimeTargetDays")}
      />
      <Button type="submit" busy={saving}>
        {submitLabel}
      </Button>
    </form>
  );
}
