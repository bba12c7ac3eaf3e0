import { type SharedCentre } from '../../centres/domain/shared-centre';
import { OrderError, OrderErrorCode } from './order-error';

/** Sterilisation methods of a central sterile supply department (消毒供应中心). */
export const STERILISATION_METHODS = ['steam', 'ethylene-oxide', 'hydrogen-peroxide-plasma'] as const;
export type SterilisationMethod = (typeof STERILISATION_METHODS)[number];

export interface InstrumentPackage {
  /** The package's traceability barcode. */
  readonly code: string;
  readonly name: string;
  readonly quantity: number;
}

/** One sterilisation cycle run on the batch, with its indicators' verdict. */
export interface SterilisationCycle {
  readonly cycleId: string;
  readonly method: SterilisationMethod;
  /** Physical, chemical and (where required) biological indicators all passed. */
  readonly indicatorsPassed: boolean;
  readonly at: Date;
}

/**
 * - `sent`: the site sent its used instruments to the centre.
 * - `received`: the centre has them (after a failed cycle they are back here, to be reprocessed).
 * - `sterilised`: a cycle passed; ready to go back.
 * - `dispatched`: on their way back to the site.
 * - `returned`: the site confirmed it has them back.
 */
export type SterilisationStatus = 'sent' | 'received' | 'sterilised' | 'dispatched' | 'returned';

export interface SterilisationBatchSnapshot {
  readonly id: string;
  readonly groupId: string;
  readonly centreId: string;
  readonly centreInstitutionId: string;
  readonly sendingInstitutionId: string;
  readonly packages: readonly InstrumentPackage[];
  readonly status: SterilisationStatus;
  readonly cycles: readonly SterilisationCycle[];
  readonly sentAt: Date;
  readonly receivedAt: Date | null;
  readonly dispatchedAt: Date | null;
  readonly returnedAt: Date | null;
  readonly version: number;
}

export type SterilisationChange =
  'sent' | 'received' | 'cycle-failed' | 'sterilised' | 'dispatched' | 'returned';

export interface SterilisationBatchChanged {
  readonly change: SterilisationChange;
  readonly batch: SterilisationBatchSnapshot;
}

const PACKAGE_CODE = /^[0-9A-Za-z-]{4,32}$/;
const NAME_MAX = 100;
const QUANTITY_MAX = 500;

/**
 * Instruments a member institution sends to the group's sterilisation-supply centre and gets back (the centre's
 * orders are a send and return, not an examination): sent → received → sterilised → dispatched → returned. A
 * cycle whose indicators failed leaves the batch at the centre to be reprocessed, and is kept in its record.
 * The centre's host institution receives, sterilises and dispatches; the sending site confirms the return.
 */
export class SterilisationBatch {
  private events: SterilisationBatchChanged[] = [];

  private constructor(private state: SterilisationBatchSnapshot) {}

  static send(
    input: { id: string; sendingInstitutionId: string; packages: readonly InstrumentPackage[] },
    centre: SharedCentre,
    now: Date,
  ): SterilisationBatch {
    centre.checkTakesOrder(input.sendingInstitutionId, 'sterilisation-supply', 'sendingInstitutionId');
    if (input.packages.length === 0) {
      throw OrderError.invalidData([
        {
          field: 'packages',
          reason: 'REQUIRED',
          description: 'a batch sends at least one instrument package',
        },
      ]);
    }
    const violations = input.packages.flatMap((p, index) => {
      const found = [];
      if (!PACKAGE_CODE.test(p.code) || input.packages.findIndex((q) => q.code === p.code) !== index) {
        found.push({
          field: `packages[${index}].code`,
          reason: 'INVALID_FORMAT',
          description: '4-32 letters, digits or hyphens, each package once',
        });
      }
      if (!p.name.trim() || p.name.length > NAME_MAX) {
        found.push({
          field: `packages[${index}].name`,
          reason: 'INVALID_LENGTH',
          description: `1-${NAME_MAX} characters`,
        });
      }
      if (!Number.isInteger(p.quantity) || p.quantity < 1 || p.quantity > QUANTITY_MAX) {
        found.push({
          field: `packages[${index}].quantity`,
          reason: 'OUT_OF_RANGE',
          description: `1-${QUANTITY_MAX} pieces`,
        });
      }
      return found;
    });
    if (violations.length) throw OrderError.invalidData(violations);
    const { hostInstitutionId } = centre.snapshot();
    const batch = new SterilisationBatch({
      id: input.id,
      groupId: centre.groupId,
      centreId: centre.id,
      centreInstitutionId: hostInstitutionId,
      sendingInstitutionId: input.sendingInstitutionId,
      packages: input.packages.map((p) => ({ code: p.code, name: p.name.trim(), quantity: p.quantity })),
      status: 'sent',
      cycles: [],
      sentAt: now,
      receivedAt: null,
      dispatchedAt: null,
      returnedAt: null,
      version: 1,
    });
    batch.record('sent');
    return batch;
  }

  static restore(snapshot: SterilisationBatchSnapshot): SterilisationBatch {
    return new SterilisationBatch(snapshot);
  }

  get status(): SterilisationStatus {
    return this.state.status;
  }

  receive(byInstitutionId: string, now: Date): void {
    this.byCentre(byInstitutionId);
    this.step('sent', 'receive');
    this.state = { ...this.state, status: 'received', receivedAt: now, version: this.state.version + 1 };
    this.record('received');
  }

  /** Records a cycle; only one whose indicators passed sterilises the batch. */
  sterilise(cycle: SterilisationCycle, byInstitutionId: string): void {
    this.byCentre(byInstitutionId);
    this.step('received', 'sterilise');
    const cycles = [...this.state.cycles, { ...cycle }];
    if (!cycle.indicatorsPassed) {
      this.state = { ...this.state, cycles, version: this.state.version + 1 };
      this.record('cycle-failed');
      return;
    }
    this.state = { ...this.state, cycles, status: 'sterilised', version: this.state.version + 1 };
    this.record('sterilised');
  }

  dispatch(byInstitutionId: string, now: Date): void {
    this.byCentre(byInstitutionId);
    if (this.state.status === 'received' && this.state.cycles.some((c) => !c.indicatorsPassed)) {
      throw new OrderError(
        OrderErrorCode.SterilisationFailed,
        'the last cycle failed its indicators: reprocess the batch before it goes back',
      );
    }
    this.step('sterilised', 'dispatch');
    this.state = { ...this.state, status: 'dispatched', dispatchedAt: now, version: this.state.version + 1 };
    this.record('dispatched');
  }

  confirmReturn(byInstitutionId: string, now: Date): void {
    if (byInstitutionId !== this.state.sendingInstitutionId) {
      throw new OrderError(
        OrderErrorCode.NotTheOrderingSite,
        'the institution that sent the batch confirms its return',
      );
    }
    this.step('dispatched', 'confirm the return of');
    this.state = { ...this.state, status: 'returned', returnedAt: now, version: this.state.version + 1 };
    this.record('returned');
  }

  snapshot(): SterilisationBatchSnapshot {
    return { ...this.state, packages: [...this.state.packages], cycles: [...this.state.cycles] };
  }

  pullEvents(): SterilisationBatchChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private byCentre(byInstitutionId: string): void {
    if (byInstitutionId !== this.state.centreInstitutionId) {
      throw new OrderError(
        OrderErrorCode.NotTheCentre,
        "only the centre's institution handles the batch there",
      );
    }
  }

  private step(from: SterilisationStatus, what: string): void {
    if (this.state.status !== from) {
      throw new OrderError(OrderErrorCode.IllegalStep, `cannot ${what} a batch that is ${this.state.status}`);
    }
  }

  private record(change: SterilisationChange): void {
    this.events.push({ change, batch: this.snapshot() });
  }
}
