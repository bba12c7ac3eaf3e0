/**
 * Tells a watcher that referrals may have changed, so it reads again at once instead of at its next poll. A
 * notice may be early or spurious, and one may be missed (a lost connection): watchers still read on a timer.
 */
export abstract class ReferralChangeNotices {
  /** Resolves at the next notice, after `timeoutMs`, or when `signal` aborts, whichever comes first. */
  abstract next(timeoutMs: number, signal: AbortSignal): Promise<void>;
}
