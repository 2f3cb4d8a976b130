/**
 * Statements SQLite plans without looking at their bound values.
 *
 * better-sqlite3's SQLite is built with STAT4, and ANALYZE (and `PRAGMA optimize`) keep samples of each index.
 * When a statement's plan could depend on a bound value (an indexed column compared with it, a LIMIT), SQLite
 * reads the value while planning and marks the compiled statement to expire whenever that parameter is bound
 * again, even to the same value: every run then parses and plans the statement anew. A caseload page's
 * statement, run with its values bound, took 0.49 ms where the same text with `+?` in place of each `?` took
 * 0.32 ms, the same plan and the same rows (timed alone on the benchmark's 100,000 people).
 *
 * `+?` is the same value to SQLite (unary plus changes no value and gives it no affinity) but is not a bare
 * parameter, so the planner plans as if it did not know it. That suits a statement whose best plan is the
 * same for every value, such as a list read through an index on its owner; a statement whose plan should
 * follow the value (a range that may hold ten rows or a million) is better left planned with it. The texts
 * marked here keep their own text as their name everywhere (the statement cache, the statement log); only
 * what SQLite compiles changes.
 */

/** More texts than Waymark's lists have shapes; should it ever fill, it starts again (unmarked texts still work). */
const MOST_TEXTS = 2_000;

const marked = new Set<string>();

/** Marks a SQLite statement text to be planned without its bound values (see above). */
export function planWithoutBoundValues(text: string): void {
  if (marked.size >= MOST_TEXTS) marked.clear();
  marked.add(text);
}

/** The text SQLite compiles for `text`: with its parameters hidden from the planner when marked. */
export function textToCompile(text: string): string {
  return marked.has(text) ? withParametersHidden(text) : text;
}

const QUOTES = new Set(["'", '"', "`"]);

/**
 * `text` with each anonymous parameter `?` written `+?`, leaving alone any `?` inside a string literal or a
 * quoted name. The parameters keep their order and number, so the same values bind to them.
 */
export function withParametersHidden(text: string): string {
  let out = "";
  let quote: string | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] as string;
    if (quote === null && character === "?") {
      out += "+?";
      continue;
    }
    out += character;
    if (quote === null) {
      if (QUOTES.has(character)) quote = character;
    } else if (character === quote) {
      // A doubled quote inside a quoted run stands for the quote itself: the run goes on.
      if (text[index + 1] === quote) {
        out += quote;
        index += 1;
      } else {
        quote = null;
      }
    }
  }
  return out;
}
