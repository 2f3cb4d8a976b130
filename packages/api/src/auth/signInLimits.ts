import type { Database } from "../db/database.js";

/** Failed sign-ins one network address may make within the window before it is refused for a while. */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MINUTES = 15;
/** Addresses remembered at most, so a flood of spoofed or rotating addresses cannot exhaust memory. */
const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * A sliding-window count of failed sign-ins per network address. It complements the per-account lock
 * (auth.resolver.ts): that stops guessing one account's password, this stops one address guessing across
 * many accounts. Each `login` field counts on its own, so aliasing `login` many times in one request buys
 * no extra guesses. Every attempt counts as a failure from the moment it starts (so parallel requests
 * cannot all pass the check while their passwords are being verified) and a successful sign-in clears the
 * address's count, so a shared office connection where people mistype is not locked out by its own staff.
 *
 * Counts are kept in memory: Waymark runs as one process, and after a restart the per-account lock,
 * which is stored, still holds.
 */
export class AddressSignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = MAX_FAILED_SIGN_INS_PER_ADDRESS,
    private readonly windowMs = ADDRESS_WINDOW_MINUTES * 60_000,
  ) {}

  private recent(address: string, now: Date): number[] {
    const since = now.getTime() - this.windowMs;
    const kept = (this.failures.get(address) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(address);
    else this.failures.set(address, kept);
    return kept;
  }

  /** When the address may try again, or null when it may try now. */
  blockedUntil(address: string, now: Date): Date | null {
    const recent = this.recent(address, now);
    if (recent.length < this.maxFailures) return null;
    // The window slides: one more attempt is allowed once the oldest counted failure leaves it.
    const oldestCounted = recent[recent.length - this.maxFailures] ?? now.getTime();
    return new Date(oldestCounted + this.windowMs);
  }

  /** Counts an attempt as failed until `recordSuccess` says otherwise. */
  recordAttempt(address: string, now: Date): void {
    const recent = this.recent(address, now);
    recent.push(now.getTime());
    this.failures.set(address, recent.slice(-this.maxFailures));
    if (this.failures.size > MAX_TRACKED_ADDRESSES) this.forgetOldest();
  }

  recordSuccess(address: string): void {
    this.failures.delete(address);
  }

  private forgetOldest(): void {
    const oldest = this.failures.keys().next();
    if (!oldest.done) this.failures.delete(oldest.value);
  }
}

const limiters = new WeakMap<Database, AddressSignInLimiter>();

/**
 * The limiter of the server using `database`. One per server rather than one per process, so several
 * servers in one process (as in tests) do not share counts.
 */
export function signInLimiterFor(database: Database): AddressSignInLimiter {
  let limiter = limiters.get(database);
  if (!limiter) {
    limiter = new AddressSignInLimiter();
    limiters.set(database, limiter);
  }
  return limiter;
}

/** The key an address is counted under; requests with no known address share one count. */
export const addressKey = (fromAddress: string | null): string => fromAddress ?? "unknown";
