import { describe, expect, it } from "vitest";
import { postcodeDistrictOf } from "./postcodeDistrict.js";

describe("postcode district breakdown (DOMAIN §7)", () => {
  it.each([
    ["SO14 3JA", "SO14"],
    ["so14 3ja", "SO14"],
    ["SO143JA", "SO14"],
    ["  M1 1AE ", "M1"],
    ["B33 8TH", "B33"],
    ["CR2 6XH", "CR2"],
    ["DN55 1PT", "DN55"],
    ["W1A 1HQ", "W1A"],
    ["EC1A 1BB", "EC1A"],
    ["SO14", "SO14"],
  ])("gives the outward code of %s as %s", (postcode, district) => {
    expect(postcodeDistrictOf(postcode)).toBe(district);
  });

  it.each([[null], [undefined], [""], ["not a postcode"], ["SO14 3J"], ["1SO 3JA"], ["SO14 JA3"], ["SO1433JA"]])(
    "gives null for %s, which is not a UK postcode",
    (postcode) => {
      expect(postcodeDistrictOf(postcode)).toBeNull();
    },
  );
});
