import { useEffect, useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { IsoDate } from "@waymark/core";
import { Button } from "../../components/Button.js";
import { DateInput } from "../../components/DateInput.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { Select } from "../../components/Field.js";
import { BREAKDOWNS, paramsOf, periodProblems, quickPeriodOf, quickPeriods, type Breakdown, type IndicatorView } from "./indicatorView.js";

export const FILTERS_FORM_ID = "indicator-filters";

interface Draft {
  readonly from: string | null;
  readonly to: string | null;
  readonly teamId: string;
  readonly breakdown: string;
}

const draftOf = (view: IndicatorView): Draft => ({ from: view.from, to: view.to, teamId: view.teamId ?? "", breakdown: view.breakdown ?? "" });

/**
 * Chooses the period, team and breakdown. The quick periods are links (they keep the team and breakdown); typed
 * dates, team and breakdown apply only on "Show indicators", so the page does not reload under someone moving
 * through the boxes. Problems are named beside their field, whether found here or by the server.
 */
export function IndicatorFilters(props: {
  view: IndicatorView;
  today: IsoDate;
  teams: readonly { readonly id: string; readonly name: string }[];
  allTeamsLabel: string;
  serverErrors: Record<string, string>;
  onApply: (view: IndicatorView) => void;
}) {
  const { view, today, teams, allTeamsLabel, serverErrors, onApply } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [problems, setProblems] = useState<Record<string, string>>({});
  useEffect(() => {
    setDraft(draftOf(view));
    setProblems({});
  }, [view]);
  const errors = Object.keys(problems).length > 0 ? problems : serverErrors;
  const current = quickPeriodOf(view, today);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = periodProblems(draft.from, draft.to);
    setProblems(found);
    if (Object.keys(found).length > 0 || !draft.from || !draft.to) return;
    const breakdown = BREAKDOWNS.find((choice) => choice.value === draft.breakdown)?.value ?? null;
    onApply({ from: draft.from, to: draft.to, teamId: draft.teamId || null, breakdown: breakdown as Breakdown | null });
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FILTERS_FORM_ID} />
      <nav className="indicator-quick-periods" aria-label="Quick periods">
        <ul>
          {quickPeriods(today).map((period) => (
            <li key={period.key}>
              <Link to={{ search: paramsOf({ ...view, from: period.from, to: period.to }).toString() }} aria-current={current?.key === period.key ? "true" : undefined}>
                {period.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form className="filters" onSubmit={submit} aria-label="Choose the period, team and breakdown" noValidate>
        <div className="toolbar">
          <DateInput
            formId={FILTERS_FORM_ID}
            name="period.from"
            label="From"
            hint="The first day counted, for example 1 4 2025"
            value={draft.from}
            error={errors["period.from"]}
            onChange={(from) => setDraft({ ...draft, from })}
          />
          <DateInput
            formId={FILTERS_FORM_ID}
            name="period.to"
            label="To"
            hint="The last day counted, for example 30 6 2025"
            value={draft.to}
            error={errors["period.to"] ?? errors.asOf}
            onChange={(to) => setDraft({ ...draft, to })}
          />
        </div>
        <div className="toolbar">
          <Select
            formId={FILTERS_FORM_ID}
            name="filter.teamIds"
            label="Team"
            value={draft.teamId}
            placeholder={allTeamsLabel}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            error={errors["filter.teamIds"]}
            onChange={(teamId) => setDraft({ ...draft, teamId })}
          />
          <Select
            formId={FILTERS_FORM_ID}
            name="breakdown"
            label="Break down by"
            value={draft.breakdown}
            placeholder="No breakdown"
            options={BREAKDOWNS}
            error={errors.breakdown}
            onChange={(breakdown) => setDraft({ ...draft, breakdown })}
          />
          <Button type="submit" variant="secondary">
            Show indicators
          </Button>
        </div>
      </form>
    </>
  );
}
