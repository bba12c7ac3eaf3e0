import { type SettlementPeriod } from '../../common/domain/effective-period';
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

/** The claim versions a run counted. */
export interface CountedClaim {
  readonly claimId: string;
  readonly claimVersion: number;
}

/** Settlement runs, their counted claims and their ledger lines: written once, never changed (SQL in the adapter). */
export abstract class SettlementRunRepository {
  /** Makes a run of the group's period wait for the claims of the period in flight, and them for it. */
  abstract lockPeriod(groupId: string, period: SettlementPeriod): Promise<void>;
  abstract find(id: string): Promise<StoredSettlement | null>;
  abstract findFor(groupId: string, period: SettlementPeriod): Promise<StoredSettlement | null>;
  /** The group's runs, newest period first. */
  abstract listFor(groupId: string): Promise<readonly StoredSettlement[]>;
  abstract save(settlement: StoredSettlement, counted: readonly CountedClaim[]): Promise<void>;
}
