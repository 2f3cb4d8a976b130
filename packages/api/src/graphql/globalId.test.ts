import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromGlobalId, localIdOf, toGlobalId } from "./globalId.js";

describe("global IDs", () => {
  it("encode the type and id as base64url of Type:id, and decode back", () => {
    expect(toGlobalId("ServiceUser", "abc")).toBe(Buffer.from("ServiceUser:abc").toString("base64url"));
    expect(fromGlobalId(toGlobalId("Team", "t-1"))).toEqual({ type: "Team", id: "t-1" });
    expect(localIdOf(toGlobalId("Team", "t-1"), "StaffMember")).toBeNull();
  });

  it("give one id under two types two IDs, and a number the same ID as its digits", () => {
    expect(toGlobalId("Episode", "x")).not.toBe(toGlobalId("Review", "x"));
    expect(toGlobalId("Contact", 42)).toBe(toGlobalId("Contact", "42"));
  });

  it("stay right for IDs made again and again, past the number kept of a type", () => {
    const ids = Array.from({ length: 4500 }, () => randomUUID());
    for (const round of [1, 2]) {
      for (const id of ids) expect(fromGlobalId(toGlobalId("Intervention", id)), `round ${round}`).toEqual({ type: "Intervention", id });
    }
    for (const id of ids.slice(0, 10)) expect(toGlobalId("Intervention", id)).toBe(Buffer.from(`Intervention:${id}`).toString("base64url"));
  });
});
