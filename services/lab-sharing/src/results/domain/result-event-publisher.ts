import { type ResultChanged } from './result-record';

/** Port: records the result registry's events (ResultChanged) in the current transaction's outbox. */
export abstract class ResultEventPublisher {
  /** `at`: when it changed (a signature's or amendment's time, a recording's, a withdrawal's). */
  abstract resultChanged(change: ResultChanged, at: Date): Promise<void>;
}
