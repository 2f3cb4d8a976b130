import { describe, expect, it } from "vitest";
import { EPISODE_STATUSES } from "../codes/clinical.js";
import { allowedActions, transition } from "./journey.js";

describe("the journey as a state machine (DOMAIN §2)", () => {
  it("triage moves a referral to TRIAGED", () => {
    expect(transition("REFERRED", { kind: "TRIAGE" })).toEqual({ ok: true, from: "REFERRED", to: "TRIAGED" });
  });

  it("a signed-off full plan moves a triaged episode to ASSESSED", () => {
    expect(transition("TRIAGED", { kind: "SIGN_OFF_FULL_PLAN" })).toMatchObject({ ok: true, to: "ASSESSED" });
  });

  it("the first structured intervention starts treatment from TRIAGED or ASSESSED", () => {
    expect(transition("TRIAGED", { kind: "START_STRUCTURED_INTERVENTION" })).toMatchObject({ ok: true, to: "IN_TREATMENT" });
    expect(transition("ASSESSED", { kind: "START_STRUCTURED_INTERVENTION" })).toMatchObject({ ok: true, to: "IN_TREATMENT" });
  });

  it("a successful completion ends treatment as COMPLETED and any other reason as CLOSED", () => {
    expect(transition("IN_TREATMENT", { kind: "DISCHARGE", reason: "COMPLETED_DRUG_FREE" })).toMatchObject({ ok: true, to: "COMPLETED" });
    expect(transition("IN_TREATMENT", { kind: "DISCHARGE", reason: "TRANSFERRED_IN_CUSTODY" })).toMatchObject({ ok: true, to: "CLOSED" });
    expect(transition("IN_TREATMENT", { kind: "DISCHARGE", reason: "DROPPED_OUT" })).toMatchObject({ ok: true, to: "CLOSED" });
  });

  it("an episode that never started treatment closes as not started, and cannot be 'completed'", () => {
    expect(transition("REFERRED", { kind: "DISCHARGE", reason: "INAPPROPRIATE_REFERRAL" })).toMatchObject({ ok: true, to: "CLOSED" });
    expect(transition("TRIAGED", { kind: "DISCHARGE", reason: "COMMENCEMENT_DECLINED" })).toMatchObject({ ok: true, to: "CLOSED" });
    const refused = transition("ASSESSED", { kind: "DISCHARGE", reason: "COMPLETED_ALCOHOL_FREE" });
    expect(refused).toMatchObject({ ok: false, from: "ASSESSED", action: "DISCHARGE", violation: { code: "TRANSITION_NOT_ALLOWED", field: "reason" } });
  });

  it("refuses with a typed refusal any action in a state that does not allow it", () => {
    expect(transition("TRIAGED", { kind: "TRIAGE" })).toMatchObject({ ok: false, action: "TRIAGE", violation: { code: "TRANSITION_NOT_ALLOWED" } });
    expect(transition("REFERRED", { kind: "START_STRUCTURED_INTERVENTION" })).toMatchObject({ ok: false });
    expect(transition("REFERRED", { kind: "SIGN_OFF_FULL_PLAN" })).toMatchObject({ ok: false });
    for (const closed of ["COMPLETED", "CLOSED"] as const) {
      expect(transition(closed, { kind: "DISCHARGE", reason: "DROPPED_OUT" })).toMatchObject({ ok: false });
      expect(transition(closed, { kind: "START_STRUCTURED_INTERVENTION" })).toMatchObject({ ok: false });
    }
  });

  it("closed states allow no action at all", () => {
    expect(allowedActions("COMPLETED")).toEqual([]);
    expect(allowedActions("CLOSED")).toEqual([]);
    expect(allowedActions("REFERRED")).toEqual(["TRIAGE", "DISCHARGE"]);
  });

  it("every open state can be discharged, so no one is stuck on a caseload", () => {
    for (const status of EPISODE_STATUSES.codes.filter((code) => code !== "COMPLETED" && code !== "CLOSED")) {
      expect(allowedActions(status)).toContain("DISCHARGE");
    }
  });
});
