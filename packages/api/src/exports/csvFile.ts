import { stringify, type Stringifier } from "csv-stringify";
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { cellOf } from "./csvCells.js";

/**
 * A CSV file written row by row. Rows go through csv-stringify (quoting, RFC 4180 line ends) into a file
 * stream; `writeRow` waits whenever the stream's buffer is full, so however long the export, only the rows
 * in flight are held in memory.
 */
export class CsvFileWriter {
  private readonly stringifier: Stringifier;
  private readonly file: WriteStream;
  private readonly done: Promise<void>;

  constructor(path: string, readonly header: readonly string[]) {
    this.file = createWriteStream(path, { flags: "wx", mode: 0o600 });
    // A byte-order mark, so spreadsheets read names with accents as UTF-8.
    this.stringifier = stringify({ record_delimiter: "windows", bom: true });
    this.done = pipeline(this.stringifier, this.file);
    this.stringifier.write(header.map(cellOf));
    // Failures surface from `close`; this keeps an early one from being reported as unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  /** Appends one row: the values in header order, each made a neutralised cell. */
  async writeRow(values: readonly unknown[]): Promise<void> {
    const cells = values.map(cellOf);
    if (!this.stringifier.write(cells)) await once(this.stringifier, "drain");
  }

  /** Ends the file and waits until every byte is on disk. */
  async close(): Promise<void> {
    this.stringifier.end();
    await this.done;
  }

  /** Stops writing without waiting; used when a job fails or is cancelled and its file is deleted. */
  abandon(): void {
    this.stringifier.destroy();
    this.file.destroy();
  }
}
