import { type EventContract } from '@medgrid/contracts';
import { type EventEnvelope } from '../envelope';

/**
 * Applies one event type. `handle` runs inside the consumer's transaction
 * (UnitOfWork.run), together with the inbox row that marks the event handled,
 * so its writes and the de-duplication commit or roll back together.
 */
export interface EventHandler<T = unknown> {
  readonly contract: EventContract<T>;
  handle(payload: T, envelope: EventEnvelope): Promise<void>;
}

/** Nest injection token for the list of a service's event handlers. */
export const EVENT_HANDLERS = Symbol('EVENT_HANDLERS');

/** A handler of any event type (the consumer dispatches by the envelope's type name). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventHandler = EventHandler<any>;
