import { type SettlementPeriod } from '../../common/domain/effective-period';
import { type CountedClaims } from './claims-to-settle';
import { type SettlementResult } from './settlement-run';

/** A group's period as settled: its figures and when and by whom. */
export interface StoredSettlement {
  readonly id: string;
  readonly regionId: string;
  readonly settledAt: Date;
  /** The caller (token subject) who ran it. */
  readonly settledBy: string;
  readonly result: SettlementResult;
}

/**
 * Settlement runs, what they counted (a count and a checksum: the month is closed to claims once settled, so the
 * versions in force are those counted) and their ledger lines: written once, never changed (SQL in the adapter).
 */
export abstract class SettlementRunRepository {
  /** Makes a run of the group's period wait for the claims of the period in flight, and them for it. */
  abstract lockPeriod(groupId: string, period: SettlementPeriod): Promise<void>;
  abstract find(id: string): Promise<StoredSettlement | null>;
  abstract findFor(groupId: string, period: SettlementPeriod): Promise<StoredSettlement | null>;
  /** The group's runs, newest period first. */
  abstract listFor(groupId: string): Promise<readonly StoredSettlement[]>;
  abstract save(settlement: StoredSettlement, counted: CountedClaims): Promise<void>;
  /** What the run counted, as it recorded it (null for an unknown run or one that kept a row per claim). */
  abstract countedBy(runId: string): Promise<CountedClaims | null>;
}
