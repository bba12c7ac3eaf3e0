import { type EventContract } from '@medgrid/contracts';
import { type EventEnvelope } from '../envelope';

/**
 * Applies one event type. `handle` runs inside the consumer's transaction
 * (UnitOfWork.run), together with the inbox row that marks the event handled,
 * so its writes and the de-duplication commit or roll back together.
 */
export interface EventHandler<T = unknown> {
  readonly contract: EventContract<T>;
  /**
   * Which events of the contract this handler applies, judged from the event alone (no I/O): one it does not want is
   * acknowledged without a transaction or an inbox row, since nothing is applied there is nothing to remember.
   * Without it, every event of the contract is applied. A topic's events reach every consumer of it, and most
   * consumers want few of them (a downward referral being issued among all of a referral's changes).
   */
  wants?(payload: T, envelope: EventEnvelope): boolean;
  handle(payload: T, envelope: EventEnvelope): Promise<void>;
}

/** Nest injection token for the list of a service's event handlers. */
export const EVENT_HANDLERS = Symbol('EVENT_HANDLERS');

/** A handler of any event type (the consumer dispatches by the envelope's type name). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventHandler = EventHandler<any>;
