import { type CriticalValueChanged } from './critical-value';
import { type ReportChanged } from './report';

/** Port: records the reporting context's events in the current transaction's outbox. */
export abstract class ReportingEventPublisher {
  /** Signatures and amendments are published; claims, drafts and releases stay inside the centre. */
  abstract reportsChanged(events: readonly ReportChanged[]): Promise<void>;
  abstract criticalValuesChanged(events: readonly CriticalValueChanged[]): Promise<void>;
}
