import { type StoredSettlement } from './settlement-run.repository';

/** Port: records the settlement context's events in the current transaction's outbox. */
export abstract class SettlementEventPublisher {
  /** A group's period was settled: its figures, written to the ledger in the same transaction. */
  abstract settlementCompleted(settlement: StoredSettlement): Promise<void>;
}
