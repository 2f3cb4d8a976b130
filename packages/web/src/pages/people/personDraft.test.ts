import { checkNhsNumber, violationsOf } from "@waymark/core";
import { describe, expect, it } from "vitest";
import { checkPersonDraft, EMPTY_PERSON, inputOf, personErrorsOf, type PersonDraft } from "./personDraft.js";

const complete: PersonDraft = {
  ...EMPTY_PERSON,
  localReference: "SRS-09999",
  firstName: "Robin",
  lastName: "Ashdown",
  dateOfBirth: "1988-02-14",
  sex: "FEMALE",
  ethnicity: "WHITE_IRISH",
  pregnant: false,
  childUnder5InHousehold: false,
  isCarer: false,
};

describe("the person form's own checks", () => {
  it("lets a complete draft through", () => {
    expect(checkPersonDraft(complete, "2026-11-23")).toEqual({});
  });

  it("uses core's rule and words for an NHS number with a wrong check digit, as the server does", () => {
    const [expected] = violationsOf(checkNhsNumber("943 476 5918"));
    expect(checkPersonDraft({ ...complete, nhsNumber: "943 476 5918" }, "2026-11-23")).toEqual({ nhsNumber: expected?.message });
    expect(checkPersonDraft({ ...complete, nhsNumber: "943 476 5919" }, "2026-11-23")).toEqual({});
  });

  it("R-SAFE-1, R-RISK-2: asks for the pregnancy, child-under-5 and carer answers rather than taking silence as no", () => {
    const errors = checkPersonDraft({ ...complete, pregnant: null, childUnder5InHousehold: null, isCarer: null }, "2026-11-23");
    expect(Object.keys(errors)).toEqual(["pregnant", "childUnder5InHousehold", "isCarer"]);
  });

  it("lists problems in the order the form asks the questions", () => {
    expect(Object.keys(checkPersonDraft({ ...EMPTY_PERSON }, "2026-11-23"))).toEqual([
      "localReference",
      "firstName",
      "lastName",
      "dateOfBirth",
      "sex",
      "ethnicity",
      "pregnant",
      "childUnder5InHousehold",
      "isCarer",
    ]);
  });

  it("refuses a number of children that is not a whole number", () => {
    expect(checkPersonDraft({ ...complete, childrenLivingWith: "two" }, "2026-11-23")).toHaveProperty("childrenLivingWith");
    expect(inputOf({ ...complete, childrenLivingWith: " 2 " }).childrenLivingWith).toBe(2);
  });
});

describe("the person form's input for the API", () => {
  it("sends blanks as null and keeps an expected date only with a pregnancy", () => {
    const input = inputOf({ ...complete, phone: "  ", expectedDeliveryDate: "2027-01-10" });
    expect(input.phone).toBeNull();
    expect(input.expectedDeliveryDate).toBeNull();
    expect(inputOf({ ...complete, pregnant: true, expectedDeliveryDate: "2027-01-10" }).expectedDeliveryDate).toBe("2027-01-10");
  });

  it("keeps not known apart from no", () => {
    expect(inputOf({ ...complete, veteran: "unknown", parentalResponsibility: "no" })).toMatchObject({ veteran: null, parentalResponsibility: false });
  });

  it("puts a server error on its field, and one about a field the form lacks at the top", () => {
    expect(personErrorsOf([{ field: "localReference", message: "In use" }, { field: "version", message: "Stale" }])).toEqual({ localReference: "In use", "": "Stale" });
  });
});
