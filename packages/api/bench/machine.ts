/** The machine a benchmark ran on, for the report: figures mean little without it. */
import BetterSqlite3 from "better-sqlite3";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly os: string;
  readonly node: string;
  readonly sqlite: string;
  readonly date: string;
}

function osName(): string {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // Not Linux, or no os-release: the kernel's own name will do.
  }
  return `${os.type()} ${os.release()}`;
}

export function describeMachine(): Machine {
  const memory = new BetterSqlite3(":memory:");
  const sqlite = (memory.prepare("select sqlite_version() as version").get() as { version: string }).version;
  memory.close();
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: osName(),
    node: process.version,
    sqlite: `${sqlite} (better-sqlite3)`,
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  };
}

/** A process's peak resident memory (VmHWM) in MB, from /proc; null where /proc is not there. */
export function peakMemoryMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kilobytes = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kilobytes ? Number(kilobytes) / 1024 : null;
  } catch {
    return null;
  }
}
