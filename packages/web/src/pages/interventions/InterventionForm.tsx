import { INTERVENTION_SETTINGS, type CatalogueItem, type InterventionSetting } from "@waymark/core";
import { useMemo, useState, type FormEvent } from "react";
import { gql, useMutation } from "urql";
import { Button } from "../../components/Button.js";
import { optionsOf } from "../../components/codeListOptions.js";
import { DateInput } from "../../components/DateInput.js";
import { personRecordPath } from "../../components/EpisodeFormHeading.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { ChoiceGroup, Select, TextArea, type Option } from "../../components/Field.js";
import { serviceToday } from "../../components/serviceToday.js";
import { useLeaveAfterSave } from "../../components/useLeaveAfterSave.js";
import { displayDate } from "../../components/formatting.js";
import { savedBannerState } from "../person/savedBanner.js";
import type { KnownServiceSettings } from "../../components/useServiceSettings.js";
import type { FieldErrors, UserError } from "../../graphql/userErrors.js";
import { ContactScheduleField } from "./ContactScheduleField.js";
import { ItemChoice } from "./ItemChoice.js";
import { ItemDetailsFields } from "./ItemDetailsFields.js";
import {
  defaultContactSchedule,
  draftOf,
  emptyInterventionForm,
  formErrorsOf,
  itemWarnings,
  recordInterventionInput,
  submitErrors,
  type InterventionFormState,
} from "./interventionForm.js";
import type { EpisodeForRules } from "./loadEpisodeForRules.js";
import { notYetAvailable, offeredItems } from "./offeredItems.js";

const RECORD_INTERVENTION = gql<{ recordIntervention: { intervention: { id: string } | null; userErrors: UserError[] } }, { input: object }>`
  mutation RecordIntervention($input: RecordInterventionInput!) {
    recordIntervention(input: $input) {
      intervention { id }
      userErrors { code field message }
    }
  }
`;

const FORM_ID = "intervention";

interface InterventionFormProps {
  readonly records: EpisodeForRules;
  readonly serviceSettings: KnownServiceSettings;
  /** Who may be named as delivering it: the team's active staff. */
  readonly staffOptions: readonly Option[];
  readonly signedInStaffId: string;
}

function scheduleHint(records: EpisodeForRules, serviceSettings: KnownServiceSettings): string {
  const discharged = records.episode.dischargeDate;
  const from = discharged === null ? "after discharge" : `after the discharge on ${displayDate(discharged)}`;
  const months = serviceSettings.known
    ? `${serviceSettings.settings.aftercareMonths} months`
    : `${serviceSettings.settings.aftercareMonths} months (the usual aftercare window; your service may have set a shorter one)`;
  return `The service contacts the person on each date. The dates filled in are one every 4 weeks ${from}, for ${months}, from the start date on.`;
}

/**
 * Recording an intervention, driven by the catalogue: the items this episode's phase allows, the questions each
 * item's switches ask, and core's checkNewIntervention run on the episode's records as the form is filled in,
 * so a refusal is explained beside the item before anything is sent. The server judges again on save and its
 * answer is the one that stands.
 */
export function InterventionForm({ records, serviceSettings, staffOptions, signedInStaffId }: InterventionFormProps) {
  const today = serviceToday();
  const settings = serviceSettings.settings;
  // The keyworker recording it usually delivers it; anyone else is a choice away.
  const [initial] = useState(() => emptyInterventionForm(today, staffOptions.some((option) => option.value === signedInStaffId) ? signedInStaffId : ""));
  const [state, setState] = useState<InterventionFormState>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, record] = useMutation(RECORD_INTERVENTION);
  const dirty = JSON.stringify(state) !== JSON.stringify(initial);
  const leave = useLeaveAfterSave(dirty);

  const groups = useMemo(() => offeredItems(records.catalogue, records.episode), [records]);
  const unavailable = useMemo(() => notYetAvailable(records.catalogue, records.episode, today), [records, today]);
  const item: CatalogueItem | undefined = records.catalogue.find(state.catalogueItemCode);
  const dischargeDate = records.episode.dischargeDate;
  const warnings = itemWarnings(records, state, item, settings, today);

  const update = (change: Partial<InterventionFormState>) =>
    setState((current) => {
      const next = { ...current, ...change };
      // Until edited by hand, aftercare check-ups follow the start date, as the server's default would.
      if (change.startDate !== undefined && !next.contactScheduleEdited) {
        return { ...next, contactSchedule: defaultContactSchedule(records.catalogue.find(next.catalogueItemCode), dischargeDate, next.startDate, settings) };
      }
      return next;
    });

  const chooseItem = (chosen: CatalogueItem) =>
    setState((current) => ({
      ...current,
      catalogueItemCode: chosen.code,
      subTypes: [],
      contactSchedule: defaultContactSchedule(chosen, dischargeDate, current.startDate, settings),
      contactScheduleEdited: false,
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = submitErrors(records, state, item, settings, today);
    setErrors(found);
    if (Object.keys(found).length > 0 || !item) return;
    const result = await record({ input: recordInterventionInput(records.episode.id, state, draftOf(state, item), item) });
    const payload = result.data?.recordIntervention;
    if (!payload) {
      setErrors({ "": "The intervention could not be saved. Check your connection and try again." });
      return;
    }
    if (payload.userErrors.length > 0) {
      setErrors(formErrorsOf(payload.userErrors));
      return;
    }
    leave(personRecordPath(records.source.serviceUser), savedBannerState("Intervention recorded", `${item.label}, from ${displayDate(state.startDate ?? "")}.`));
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ItemChoice formId={FORM_ID} groups={groups} selected={state.catalogueItemCode} onSelect={chooseItem} error={errors.catalogueItemCode} warnings={warnings} unavailable={unavailable} />
        <DateInput
          formId={FORM_ID}
          name="startDate"
          label="Start date"
          hint="Today's date is filled in. For example, 27 3 2025"
          value={state.startDate}
          error={errors.startDate}
          onChange={(startDate) => update({ startDate })}
        />
        {item && <ItemDetailsFields formId={FORM_ID} item={item} state={state} errors={errors} update={update} />}
        {item?.switches.needsContactSchedule && (
          <ContactScheduleField
            formId={FORM_ID}
            checkUps={state.contactSchedule}
            errors={errors}
            hint={scheduleHint(records, serviceSettings)}
            onChange={(contactSchedule) => update({ contactSchedule, contactScheduleEdited: true })}
            onReset={() => update({ contactSchedule: defaultContactSchedule(item, dischargeDate, state.startDate, settings), contactScheduleEdited: false })}
          />
        )}
        <DateInput
          formId={FORM_ID}
          name="endDate"
          label="End date (if it has already ended)"
          hint="Leave blank while it is still running. For example, 27 3 2025"
          value={state.endDate}
          error={errors.endDate}
          onChange={(endDate) => update({ endDate })}
        />
        <ChoiceGroup
          formId={FORM_ID}
          name="setting"
          type="radio"
          label="Where is it delivered?"
          options={optionsOf(INTERVENTION_SETTINGS)}
          selected={state.setting === "" ? [] : [state.setting]}
          error={errors.setting}
          onChange={([setting]) => update({ setting: (setting ?? "") as InterventionSetting })}
        />
        <Select
          formId={FORM_ID}
          name="deliveredById"
          label="Who delivers it?"
          hint="Choose 'Another agency' when it is delivered outside this service."
          placeholder="Another agency"
          options={staffOptions}
          value={state.deliveredById}
          error={errors.deliveredById}
          onChange={(deliveredById) => update({ deliveredById })}
        />
        <TextArea formId={FORM_ID} name="notes" label="Notes (optional)" value={state.notes} error={errors.notes} onChange={(notes) => update({ notes })} />
        <Button type="submit" busy={fetching}>
          Save intervention
        </Button>
      </form>
    </>
  );
}
