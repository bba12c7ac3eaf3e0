import { type Metadata } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';

/** What a gRPC handler knows about its call besides the request. */
export interface CallContext {
  readonly identity: Identity;
  /** When the caller's token expires (its exp claim). */
  readonly tokenExpiresAt: Date;
  /** When the caller stops waiting; undefined if it set no deadline. */
  readonly deadline: Date | undefined;
  /** Aborted when the caller cancels or the deadline passes: stop work early. */
  readonly signal: AbortSignal;
  readonly metadata: Metadata;
}

/**
 * A ts-proto grpc-js service definition's methods as typed handlers: a unary
 * method answers once; a server-streaming one yields its messages until it
 * returns or the caller goes away (context.signal).
 */
export type UnaryHandlers<D> = {
  [K in keyof D]: D[K] extends {
    responseStream: true;
    requestDeserialize(bytes: Buffer): infer Req;
    responseSerialize(value: infer Res): Buffer;
  }
    ? (request: Req, context: CallContext) => AsyncIterable<Res>
    : D[K] extends {
          requestDeserialize(bytes: Buffer): infer Req;
          responseSerialize(value: infer Res): Buffer;
        }
      ? (request: Req, context: CallContext) => Promise<Res>
      : never;
};
