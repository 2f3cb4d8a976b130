import { describe, expect, it } from "vitest";
import { valueDomain } from "./chartAxis.js";

const rows = (...values: (number | null)[]) => values.map((value, index) => ({ key: String(index), label: String(index), value, shown: String(value), more: [] }));

describe("the value axis of an indicator's chart", () => {
  it("starts counts at zero and ends on a round number above the largest", () => {
    expect(valueDomain({ kind: "COUNT", rows: rows(6, 14, null) })).toEqual([0, 20]);
    expect(valueDomain({ kind: "COUNT", rows: rows(31) })).toEqual([0, 50]);
    expect(valueDomain({ kind: "NUMBER", rows: rows(4.545, 4.1) })).toEqual([0, 5]);
  });

  it("keeps zero in view for falling scores, and draws shares from 0% to 100%", () => {
    expect(valueDomain({ kind: "NUMBER", rows: rows(-1.5, 3) })).toEqual([-2, 5]);
    expect(valueDomain({ kind: "SHARE", rows: rows(12.5) })).toEqual([0, 100]);
  });

  it("still has an axis when every figure is hidden or zero", () => {
    expect(valueDomain({ kind: "COUNT", rows: rows(null, 0) })).toEqual([0, 1]);
  });
});
