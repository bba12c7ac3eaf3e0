import { type EventContract, events } from '@medgrid/contracts';

export type EventEnvelope = events.EventEnvelope;

export function encodeEnvelope(envelope: EventEnvelope): Buffer {
  return Buffer.from(events.EventEnvelope.encode(envelope).finish());
}

export function decodeEnvelope(bytes: Uint8Array): EventEnvelope {
  return events.EventEnvelope.decode(bytes);
}

export function decodePayload<T>(contract: EventContract<T>, envelope: EventEnvelope): T {
  return contract.codec.decode(envelope.payload);
}
