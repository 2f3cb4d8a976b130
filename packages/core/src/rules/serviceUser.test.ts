import { describe, expect, it } from "vitest";
import { aServiceUser } from "../testing/builders.js";
import { checkServiceUser, isUkPostcode, normalisePostcode } from "./serviceUser.js";

const today = "2024-05-01";

describe("a person's details", () => {
  it("accepts a complete, plausible record", () => {
    expect(checkServiceUser(aServiceUser(), today).ok).toBe(true);
  });

  it("names every missing or invalid field at once", () => {
    const result = checkServiceUser(aServiceUser({ firstName: " ", nhsNumber: "1234567890", postcode: "NOT A POSTCODE", email: "sam@" }), today);
    expect(result).toMatchObject({
      ok: false,
      violations: [
        { code: "REQUIRED", field: "firstName" },
        { code: "INVALID_NHS_NUMBER", field: "nhsNumber" },
        { code: "INVALID_VALUE", field: "postcode" },
        { code: "INVALID_VALUE", field: "email" },
      ],
    });
  });

  it("R-DATE-1: a date of birth in the future or over 120 years ago is refused", () => {
    expect(checkServiceUser(aServiceUser({ dateOfBirth: "2024-05-02" }), today)).toMatchObject({ ok: false, violations: [{ code: "INVALID_DATE", field: "dateOfBirth" }] });
    expect(checkServiceUser(aServiceUser({ dateOfBirth: "1900-01-01" }), today)).toMatchObject({ ok: false, violations: [{ code: "INVALID_DATE", field: "dateOfBirth" }] });
  });

  it("refuses a code outside its list", () => {
    expect(checkServiceUser(aServiceUser({ ethnicity: "MARTIAN" as never }), today)).toMatchObject({ ok: false, violations: [{ code: "INVALID_VALUE", field: "ethnicity" }] });
  });

  it("an expected date of delivery goes with a pregnancy", () => {
    expect(checkServiceUser(aServiceUser({ sex: "FEMALE", pregnant: true, expectedDeliveryDate: "2024-09-01" }), today).ok).toBe(true);
    expect(checkServiceUser(aServiceUser({ pregnant: false, expectedDeliveryDate: "2024-09-01" }), today)).toMatchObject({ ok: false, violations: [{ field: "expectedDeliveryDate" }] });
  });

  it("reads UK postcodes in their usual forms", () => {
    for (const postcode of ["SO14 7LP", "so147lp", "W1A 1AA", "EC1A1BB", "M1 1AE"]) expect(isUkPostcode(postcode)).toBe(true);
    expect(isUkPostcode("12345")).toBe(false);
    expect(normalisePostcode("so147lp")).toBe("SO14 7LP");
  });
});
