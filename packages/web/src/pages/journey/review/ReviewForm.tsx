import { checkReview, PLAN_KINDS, violationsOf, type IsoDate, type RiskAssessment } from "@waymark/core";
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { Button } from "../../../components/Button.js";
import { DateInput } from "../../../components/DateInput.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { displayDate } from "../../../components/formatting.js";
import { SummaryList } from "../../../components/SummaryList.js";
import { useUnsavedChangesGuard } from "../../../components/useUnsavedChangesGuard.js";
import type { FieldErrors } from "../../../graphql/userErrors.js";
import { personName } from "../../../components/personName.js";
import { serviceToday } from "../../../components/serviceToday.js";
import { latestRisk } from "../risk/latestRisk.js";
import { RiskAssessmentFieldset } from "../risk/RiskAssessmentFieldset.js";
import { riskInput, UNANSWERED_RISK } from "../risk/riskDraft.js";
import { placeErrors } from "../shared/placeErrors.js";
import { saveFailureMessage } from "../shared/saveFailure.js";
import { useDraft } from "../shared/useDraft.js";
import { GoalProgressFieldset, type GoalProgressDraft } from "./GoalProgressFieldset.js";
import { COMPLETE_REVIEW, type CompletedReview, type CompleteReviewInput, type CompleteReviewResult, type ReviewablePlan, type ReviewedEpisode } from "./reviewDocuments.js";
import { ReviewTiming } from "./ReviewTiming.js";

const FORM_ID = "review";

interface ReviewDraft {
  readonly completedDate: IsoDate | null;
  readonly goalProgress: readonly GoalProgressDraft[];
  readonly risk: RiskAssessment;
}

/**
 * Completes a review of the current signed-off plan (completeReview): when it was done, judged against its
 * due date (R-REV-2), progress on every goal, and a full risk re-assessment (R-RISK-3). Core's checkReview
 * runs first, so unanswered risk questions are named before saving.
 */
export function ReviewForm({ episode, plan, onSaved }: { episode: ReviewedEpisode; plan: ReviewablePlan; onSaved: (review: CompletedReview) => void }) {
  const person = episode.serviceUser;
  const { draft, update, dirty } = useDraft<ReviewDraft>(() => ({
    completedDate: serviceToday(),
    goalProgress: plan.goals.map((goal) => ({ goalId: goal.id, status: goal.status, note: "" })),
    risk: UNANSWERED_RISK,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [{ fetching }, completeReview] = useMutation<CompleteReviewResult, { input: CompleteReviewInput }>(COMPLETE_REVIEW);
  useUnsavedChangesGuard(dirty);
  const previous = latestRisk([
    ...episode.assessments.edges.map((edge) => edge.node),
    ...episode.reviews.edges.map((edge) => ({ date: edge.node.completedDate, risk: edge.node.risk })),
  ]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: CompleteReviewInput = {
      planId: plan.id,
      completedDate: draft.completedDate ?? "",
      goalProgress: draft.goalProgress.map((entry) => ({ goalId: entry.goalId, status: entry.status, note: entry.note.trim() || null })),
      risk: riskInput(draft.risk),
    };
    const found = violationsOf(
      checkReview(
        { completedDate: input.completedDate, goalProgress: input.goalProgress, risk: input.risk },
        { plan: { signedOffDate: plan.signedOffDate, goals: plan.goals }, episode, dateOfBirth: person.dateOfBirth, today: serviceToday() },
      ),
    );
    if (found.length > 0) {
      setErrors(placeErrors(FORM_ID, found));
      return;
    }
    const result = await completeReview({ input });
    const payload = result.data?.completeReview;
    if (result.error || !payload) {
      setErrors({ "": result.error ? saveFailureMessage(result.error) : "Nothing was saved. Try again." });
      return;
    }
    if (payload.userErrors.length > 0 || !payload.review) {
      setErrors(placeErrors(FORM_ID, payload.userErrors));
      return;
    }
    onSaved(payload.review);
  };

  return (
    <>
      <ErrorSummary errors={errors} formId={FORM_ID} />
      <SummaryList
        rows={[
          { key: "Plan under review", value: `${PLAN_KINDS.labelOf(plan.kind)}, signed off on ${displayDate(plan.signedOffDate)}${plan.signedOffBy ? ` by ${plan.signedOffBy.name}` : ""}` },
          { key: "Review due by", value: displayDate(plan.nextReviewDue) },
          { key: "Reviews", value: `Every ${plan.reviewIntervalWeeks} weeks` },
        ]}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DateInput
          formId={FORM_ID}
          name="completedDate"
          label="Date the review was done"
          error={errors.completedDate}
          value={draft.completedDate}
          onChange={(completedDate) => update((current) => ({ ...current, completedDate }))}
        />
        {plan.nextReviewDue && <ReviewTiming dueDate={plan.nextReviewDue} completedDate={draft.completedDate} />}
        <GoalProgressFieldset formId={FORM_ID} goals={plan.goals} value={draft.goalProgress} onChange={(goalProgress) => update((current) => ({ ...current, goalProgress }))} errors={errors} />
        <RiskAssessmentFieldset
          formId={FORM_ID}
          name="risk"
          value={draft.risk}
          onChange={(risk) => update((current) => ({ ...current, risk }))}
          errors={errors}
          personName={personName(person)}
          previous={previous}
          introduction="Every review re-assesses risk with the full set of questions."
        />
        <div className="form-actions">
          <Button type="submit" busy={fetching}>
            Complete the review
          </Button>
        </div>
      </form>
    </>
  );
}
