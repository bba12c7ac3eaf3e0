import { type Metadata } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';

/** What a gRPC handler knows about its call besides the request. */
export interface CallContext {
  readonly identity: Identity;
  /** When the caller stops waiting; undefined if it set no deadline. */
  readonly deadline: Date | undefined;
  /** Aborted when the caller cancels or the deadline passes: stop work early. */
  readonly signal: AbortSignal;
  readonly metadata: Metadata;
}

/** A ts-proto grpc-js service definition's methods as typed async handlers. */
export type UnaryHandlers<D> = {
  [K in keyof D]: D[K] extends {
    requestDeserialize(bytes: Buffer): infer Req;
    responseSerialize(value: infer Res): Buffer;
  }
    ? (request: Req, context: CallContext) => Promise<Res>
    : never;
};
