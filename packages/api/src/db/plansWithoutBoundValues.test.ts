import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { planWithoutBoundValues, textToCompile, withParametersHidden } from "./plansWithoutBoundValues.js";
import { cacheStatements } from "./statementCache.js";

describe("statements planned without their bound values", () => {
  it("writes each parameter +?, and leaves a ? inside a string or a quoted name alone", () => {
    expect(withParametersHidden(`select * from t where a = ? and b in (?, ?) limit ?`)).toBe(`select * from t where a = +? and b in (+?, +?) limit +?`);
    expect(withParametersHidden(`select 'why?', "odd?name", \`x?\` from t where a = ?`)).toBe(`select 'why?', "odd?name", \`x?\` from t where a = +?`);
    // A doubled quote stands for the quote: the string goes on past it.
    expect(withParametersHidden(`select 'it''s ?' where a = ? and b = 'c'`)).toBe(`select 'it''s ?' where a = +? and b = 'c'`);
    expect(withParametersHidden(`select "a""?" from t where b = ?`)).toBe(`select "a""?" from t where b = +?`);
    expect(withParametersHidden(`select 1`)).toBe(`select 1`);
  });

  it("compiles only marked texts differently", () => {
    const text = `select ? as marked_${Date.now()}`;
    expect(textToCompile(text)).toBe(text);
    planWithoutBoundValues(text);
    expect(textToCompile(text)).toBe(text.replace("?", "+?"));
  });

  it("binds the same values to the same parameters and answers the same rows, kept under the text asked for", () => {
    const connection = new BetterSqlite3(":memory:");
    try {
      cacheStatements(connection);
      connection.exec(`create table contact (id integer primary key, episode text, day text, note text); create index contact_episode on contact (episode, day)`);
      const insert = connection.prepare(`insert into contact (episode, day, note) values (?, ?, ?)`);
      for (let n = 0; n < 200; n += 1) insert.run(`e${n % 7}`, `2026-01-${String((n % 28) + 1).padStart(2, "0")}`, n % 3 === 0 ? "it's ?" : null);
      connection.exec("analyze");
      const text = `select id, day, note from contact where episode = ? and day >= ? and coalesce(note, '?') != 'x' order by day desc, id desc limit ?`;
      const values = ["e3", "2026-01-10", 5];
      const asWritten = connection.prepare(text).all(...values);
      // The same statement but for a trailing space, marked: a text of its own in the connection's cache.
      const markedText = `${text} `;
      planWithoutBoundValues(markedText);
      const marked = connection.prepare(markedText);
      expect(marked.source).toBe(withParametersHidden(markedText));
      expect(marked.source).toContain("episode = +? and day >= +?");
      expect(marked.all(...values)).toEqual(asWritten);
      expect(asWritten).toHaveLength(5);
      expect(connection.prepare(markedText)).toBe(marked);
    } finally {
      connection.close();
    }
  });
});
