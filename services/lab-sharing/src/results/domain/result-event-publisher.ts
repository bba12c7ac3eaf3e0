import { type ResultChanged } from './result-record';

/** Port: records the result registry's events (ResultChanged) in the current transaction's outbox. */
export abstract class ResultEventPublisher {
  abstract resultChanged(change: ResultChanged): Promise<void>;
}
