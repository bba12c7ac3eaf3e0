import { type RecognisedResult } from './already-done';
import { RecognitionError, RecognitionErrorCode } from './recognition-error';

/**
 * - `nothing-offered`: no recognised result; the order goes ahead and there is nothing to decide.
 * - `pending`: results were offered; the site has not decided yet.
 * - `reused`: the site took a recognised result instead of ordering (a repeat avoided).
 * - `ordered-anyway`: the site ordered again despite them, with its reason.
 */
export type LookupOutcome = 'nothing-offered' | 'pending' | 'reused' | 'ordered-anyway';

export interface LookupDecider {
  readonly institutionId: string;
  /** The clinician deciding, when the caller names one. */
  readonly practitionerId: string | null;
}

export interface RecognitionLookupSnapshot {
  readonly id: string;
  readonly groupId: string;
  readonly patientResidentId: string;
  readonly itemCode: string;
  readonly orderingInstitutionId: string;
  readonly lookedUpAt: Date;
  readonly offered: readonly RecognisedResult[];
  readonly outcome: LookupOutcome;
  readonly reusedResultId: string | null;
  readonly reason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly version: number;
}

export interface NewRecognitionLookup {
  readonly id: string;
  readonly groupId: string;
  readonly patientResidentId: string;
  readonly itemCode: string;
  readonly orderingInstitutionId: string;
}

export type LookupChange = 'looked-up' | 'result-reused' | 'ordered-anyway';

export interface LookupChanged {
  readonly change: LookupChange;
  readonly lookup: RecognitionLookupSnapshot;
}

export const REASON_MAX = 500;

/**
 * One "already done?" look-up and what the ordering site did with its answer. Reusing a result is recorded
 * (a repeat avoided, ResultReused); ordering anyway needs a reason and is recorded too, so the recognition rate
 * after look-up (reused among the look-ups that offered something) can be counted. Only the site that looked up
 * decides, once, and only for a result it was offered that is still valid when it decides.
 */
export class RecognitionLookup {
  private events: LookupChanged[] = [];

  private constructor(private state: RecognitionLookupSnapshot) {}

  static record(
    input: NewRecognitionLookup,
    offered: readonly RecognisedResult[],
    now: Date,
  ): RecognitionLookup {
    const lookup = new RecognitionLookup({
      id: input.id,
      groupId: input.groupId,
      patientResidentId: input.patientResidentId,
      itemCode: input.itemCode,
      orderingInstitutionId: input.orderingInstitutionId,
      lookedUpAt: now,
      offered: [...offered],
      outcome: offered.length ? 'pending' : 'nothing-offered',
      reusedResultId: null,
      reason: null,
      decidedBy: null,
      decidedAt: null,
      version: 1,
    });
    lookup.record('looked-up');
    return lookup;
  }

  static restore(snapshot: RecognitionLookupSnapshot): RecognitionLookup {
    return new RecognitionLookup(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  get outcome(): LookupOutcome {
    return this.state.outcome;
  }

  reuse(resultId: string, decider: LookupDecider, now: Date): void {
    this.mustDecide(decider);
    const offered = this.state.offered.find((result) => result.resultId === resultId);
    if (!offered) {
      throw new RecognitionError(
        RecognitionErrorCode.ResultNotOffered,
        'the result was not offered by this look-up',
        'resultId',
      );
    }
    if (now.getTime() >= offered.validUntil.getTime()) {
      throw new RecognitionError(
        RecognitionErrorCode.ResultExpired,
        `the result was valid for recognition until ${offered.validUntil.toISOString()}: order the item again`,
        'resultId',
      );
    }
    this.decide('reused', { reusedResultId: resultId, reason: null }, decider, now);
    this.record('result-reused');
  }

  orderAnyway(reason: string, decider: LookupDecider, now: Date): void {
    this.mustDecide(decider);
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > REASON_MAX) {
      throw new RecognitionError(
        RecognitionErrorCode.ReasonRequired,
        `ordering again despite a recognised result needs a reason of 1-${REASON_MAX} characters`,
        'reason',
      );
    }
    this.decide('ordered-anyway', { reusedResultId: null, reason: trimmed }, decider, now);
    this.record('ordered-anyway');
  }

  snapshot(): RecognitionLookupSnapshot {
    return { ...this.state, offered: [...this.state.offered] };
  }

  pullEvents(): LookupChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private mustDecide(decider: LookupDecider): void {
    if (decider.institutionId !== this.state.orderingInstitutionId) {
      throw new RecognitionError(
        RecognitionErrorCode.NotTheOrderingSite,
        'only the institution that looked up decides what to do with its answer',
      );
    }
    if (this.state.outcome === 'nothing-offered') {
      throw new RecognitionError(
        RecognitionErrorCode.NothingToDecide,
        'the look-up offered no recognised result: the order goes ahead',
      );
    }
    if (this.state.outcome !== 'pending') {
      throw new RecognitionError(
        RecognitionErrorCode.AlreadyDecided,
        `the look-up was already decided (${this.state.outcome})`,
      );
    }
  }

  private decide(
    outcome: 'reused' | 'ordered-anyway',
    what: { reusedResultId: string | null; reason: string | null },
    decider: LookupDecider,
    now: Date,
  ): void {
    this.state = {
      ...this.state,
      outcome,
      reusedResultId: what.reusedResultId,
      reason: what.reason,
      decidedBy: decider.practitionerId,
      decidedAt: now,
      version: this.state.version + 1,
    };
  }

  private record(change: LookupChange): void {
    this.events.push({ change, lookup: this.snapshot() });
  }
}
