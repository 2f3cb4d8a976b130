import { describe, expect, it } from "vitest";
import { countTokens } from "./tokens.js";

describe("counting a document's tokens", () => {
  it("counts names, punctuation and values", () => {
    // {  me  (  id  :  "x"  )  {  name  }  }
    expect(countTokens(`{ me(id: "x") { name } }`)).toBe(11);
  });

  it("does not count comments or commas", () => {
    expect(countTokens(`# a note\n{ a, b, c }`)).toBe(5);
  });

  it("counts a spread as one token", () => {
    expect(countTokens(`{ ...F }`)).toBe(4);
  });

  it("stops at a character that cannot start a token, keeping the count so far", () => {
    expect(countTokens(`{ a b ~ c }`)).toBe(3);
  });
});
