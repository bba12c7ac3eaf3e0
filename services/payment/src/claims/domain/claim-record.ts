import { ClaimError, ClaimErrorCode } from './claim-error';
import { type ClaimSubmission, claimContentKey, claimViolations } from './claim-submission';

/** One version of a claim: the first as received, each later one a correction with its reason. */
export interface ClaimVersion {
  readonly version: number;
  readonly submission: ClaimSubmission;
  readonly receivedAt: Date;
  /** Why this version replaced the one before; null for the first. */
  readonly correctionReason: string | null;
}

export interface ClaimRecordSnapshot {
  readonly id: string;
  readonly institutionId: string;
  readonly claimNumber: string;
  /** Oldest first; never changed, only added to. */
  readonly versions: readonly ClaimVersion[];
}

export type ClaimChange = 'received' | 'corrected';

export interface ClaimChanged {
  readonly claimId: string;
  readonly change: ClaimChange;
  readonly version: number;
  readonly at: Date;
}

/** What `receive` made of a submission: a new claim, or the same claim sent again (a retry). */
export type ReceiveOutcome = 'received' | 'already-received';

/**
 * A claim and its history, one per institution and claim number (the institution's own number makes a retry the
 * same claim). A claim is never changed in place: a correction adds a version naming why and the version it was
 * made from, and every earlier version is kept, so what was paid on which version can always be shown. A claim
 * dated in a period already settled is refused, and so is its correction: a settled period is not reopened by a
 * late change (the fund settles it in the next period's adjustments, if ever).
 */
export class ClaimRecord {
  private events: ClaimChanged[] = [];

  private constructor(private state: ClaimRecordSnapshot) {}

  /** A new claim, or every bad field refused together; `periodSettled` says whether its date's period is closed. */
  static receive(id: string, submission: ClaimSubmission, now: Date, periodSettled: boolean): ClaimRecord {
    const violations = claimViolations(submission, now);
    if (violations.length) throw ClaimError.invalid(violations);
    if (periodSettled) throw ClaimRecord.settled(submission.serviceDate);
    const record = new ClaimRecord({
      id,
      institutionId: submission.institutionId,
      claimNumber: submission.claimNumber,
      versions: [{ version: 1, submission, receivedAt: now, correctionReason: null }],
    });
    record.events.push({ claimId: id, change: 'received', version: 1, at: now });
    return record;
  }

  static restore(snapshot: ClaimRecordSnapshot): ClaimRecord {
    return new ClaimRecord(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  get current(): ClaimVersion {
    return this.state.versions.at(-1)!;
  }

  /**
   * The same claim number sent again: the same content (as first sent or as last corrected) is a retry and answered
   * with the claim as it stands; different content is refused, since a change is a correction and says why.
   */
  receiveAgain(submission: ClaimSubmission): ReceiveOutcome {
    const key = claimContentKey(submission);
    if (this.state.versions.some((v) => claimContentKey(v.submission) === key)) return 'already-received';
    throw new ClaimError(
      ClaimErrorCode.ClaimNumberReused,
      `claim ${this.state.claimNumber} of this institution was received with other content: send a correction with its reason`,
      'claimNumber',
    );
  }

  /** Replaces the claim with a corrected version made from `fromVersion`; the old versions stay. */
  correct(
    submission: ClaimSubmission,
    reason: string,
    fromVersion: number,
    now: Date,
    periodSettled: boolean,
  ): void {
    if (fromVersion !== this.current.version) {
      throw new ClaimError(
        ClaimErrorCode.StaleClaimVersion,
        `the claim is at version ${this.current.version}, not ${fromVersion}`,
        'fromVersion',
      );
    }
    const violations = claimViolations(submission, now);
    if (!reason.trim() || reason.length > 500) {
      violations.push({
        field: 'reason',
        reason: ClaimErrorCode.ReasonRequired,
        description: 'a correction says why, in 1-500 characters',
      });
    }
    if (violations.length) throw ClaimError.invalid(violations);
    if (
      submission.institutionId !== this.state.institutionId ||
      submission.claimNumber !== this.state.claimNumber
    ) {
      throw new ClaimError(
        ClaimErrorCode.NotTheSameClaim,
        'a correction keeps the institution and claim number of the claim it corrects',
        submission.institutionId !== this.state.institutionId ? 'institutionId' : 'claimNumber',
      );
    }
    if (periodSettled) throw ClaimRecord.settled(this.current.submission.serviceDate);
    if (claimContentKey(submission) === claimContentKey(this.current.submission)) {
      throw new ClaimError(
        ClaimErrorCode.NothingCorrected,
        'the correction is the claim as it stands',
        'lines',
      );
    }
    const version = this.current.version + 1;
    this.state = {
      ...this.state,
      versions: [
        ...this.state.versions,
        { version, submission, receivedAt: now, correctionReason: reason.trim() },
      ],
    };
    this.events.push({ claimId: this.state.id, change: 'corrected', version, at: now });
  }

  snapshot(): ClaimRecordSnapshot {
    return { ...this.state, versions: [...this.state.versions] };
  }

  pullEvents(): ClaimChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private static settled(serviceDate: string): ClaimError {
    return new ClaimError(
      ClaimErrorCode.PeriodAlreadySettled,
      `the period of ${serviceDate} is already settled`,
      'serviceDate',
    );
  }
}
