/**
 * What a response must never show a caller (ENGINEERING's error handling; issue 7's "no stack traces or SQL
 * in error responses"): a stack frame, SQL or the database's own words, or a path on the server's disk.
 */
const LEAKS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: "a stack trace", pattern: / {4}at / },
  { what: "SQL", pattern: /SELECT |INSERT INTO|UPDATE "|DELETE FROM/ },
  { what: "the database's name", pattern: /sqlite/i },
  { what: "a SQLite error code", pattern: /SQLITE_/ },
  { what: "a Postgres error", pattern: /relation "|violates .* constraint|syntax error at or near/ },
  { what: "a file path", pattern: /(?:\/[\w.@-]+){2,}\.(?:[cm]?[jt]s|json|sqlite)\b|node_modules|file:\/\/|\/tmp\/|\/home\/|\/work\// },
];

/**
 * The caller's own text, as a response may quote it back (in a validation message, possibly JSON-escaped or
 * trimmed): a quote of what was sent is not a leak. Short strings are kept, since cutting them out everywhere
 * would blind the check.
 */
function quotedForms(sent: readonly string[]): string[] {
  const forms = sent.flatMap((text) => [text, text.trim(), JSON.stringify(text).slice(1, -1)]);
  return [...new Set(forms.filter((form) => form.length >= 4))].sort((a, b) => b.length - a.length);
}

/** Every string in a JSON value: object keys as well as values. */
export function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) for (const inner of value) stringsIn(inner, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      into.push(key);
      stringsIn(inner, into);
    }
  }
  return into;
}

/** The leaks in a response body, once the text the request itself sent is taken out of it. */
export function leaksIn(body: string, sent: readonly string[]): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = body;
  }
  const forms = quotedForms(sent);
  const found: string[] = [];
  for (const text of stringsIn(parsed)) {
    const own = forms.reduce((rest, form) => rest.split(form).join(" "), text);
    for (const leak of LEAKS) if (leak.pattern.test(own)) found.push(`${leak.what} in ${JSON.stringify(text.slice(0, 300))}`);
  }
  return found;
}
