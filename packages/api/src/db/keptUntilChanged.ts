import type { Database } from "./database.js";

/**
 * Values read from the database, kept and handed out again until its change mark moves (Database.changeMark):
 * that is, until anything but the read audit trail is committed, here or by another process. For what every
 * request reads and almost nothing changes, such as who is signed in. Where the database keeps no mark
 * (Postgres) every value is read afresh.
 *
 * A value is filed under the mark taken before it was read, so a commit landing while it is read leaves it
 * filed under a mark already gone: it is read again rather than kept past the change.
 */
export class KeptUntilChanged<Key, Value> {
  #mark: string | null = null;
  readonly #values = new Map<Key, Value>();

  /**
   * @param keep which values to keep (a miss, say, is better read again than kept for a key anyone may send)
   * @param limit how many to keep at most: past it, all are dropped and kept afresh
   */
  constructor(
    private readonly database: Database,
    private readonly keep: (value: Value) => boolean = () => true,
    private readonly limit = 1000,
  ) {}

  async get(key: Key, read: () => Promise<Value>): Promise<Value> {
    const mark = this.database.changeMark();
    if (mark === null) return read();
    if (mark !== this.#mark) {
      this.#values.clear();
      this.#mark = mark;
    }
    if (this.#values.has(key)) return this.#values.get(key) as Value;
    const value = await read();
    if (this.#mark === mark && this.keep(value)) {
      if (this.#values.size >= this.limit) this.#values.clear();
      this.#values.set(key, value);
    }
    return value;
  }
}
