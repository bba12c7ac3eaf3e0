import { type SessionChange, type SessionView } from './session';

/** Port: records the schedules context's events in the current transaction's outbox. */
export abstract class ScheduleEventPublisher {
  /** A session opened, closed, moved, resized or had its reserve released (`released` slots). */
  abstract sessionChanged(change: SessionChange, session: SessionView, released?: number): Promise<void>;
}
