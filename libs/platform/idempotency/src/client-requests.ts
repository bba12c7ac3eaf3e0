import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { type EntityManager } from 'typeorm';
import { ClientRequestOrmEntity } from './client-request.orm-entity';
import { fingerprintOf } from './fingerprint';
import { IdempotencyError, IdempotencyErrorCode } from './idempotency-error';

/** One write as the caller sent it, by the id the caller gave it. */
export interface ClientRequest {
  /** The kind of write, e.g. "register-ward"; kept with the id so another operation cannot reuse it. */
  readonly operation: string;
  /** The caller's UUID for this request (checked as a UUID by the caller's field checks first). */
  readonly clientRequestId: string;
  /**
   * What the request asks for, normalised as the write uses it (trimmed, lower-cased ids, ...):
   * a retry must ask for the same. Only its fingerprint is kept.
   */
  readonly request: unknown;
  /** The request field that carried the id, named when the id is refused ("clientRequestId" unless said). */
  readonly field?: string;
}

/**
 * The client request of a command that carries its own `clientRequestId`: every other member
 * of the command is what the request asks for.
 */
export function clientRequestOf<Command extends { readonly clientRequestId: string }>(
  operation: string,
  command: Command,
  field?: string,
): ClientRequest {
  return {
    operation,
    clientRequestId: command.clientRequestId,
    request: { ...command, clientRequestId: undefined },
    ...(field ? { field } : {}),
  };
}

/**
 * The one way a service answers a retried write: the request's id, operation and fingerprint are
 * kept with what it made or acted on, in the transaction of the write, so a retry gets the first
 * answer and a different request under a used id is refused with INVALID_ARGUMENT
 * CLIENT_REQUEST_REUSED. Two attempts of one request racing each other queue on a lock of the id:
 * the second sees what the first committed. Needs READ COMMITTED transactions (the default of
 * UnitOfWork), so a statement after the lock sees the row the first attempt committed.
 */
@Injectable()
export class ClientRequests {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Runs `create` unless this request already made something; then answers that, as `load`
   * reads it. `create` gives the id of what it made with its answer. Joins the caller's
   * transaction, or opens one.
   */
  createOnce<T>(
    request: ClientRequest,
    work: { load: (id: string) => Promise<T | null>; create: () => Promise<{ id: string; result: T }> },
  ): Promise<T> {
    return this.uow.run(async (manager) => {
      const earlier = await this.earlier(manager, request);
      if (earlier !== null) {
        const made = await work.load(earlier);
        if (made === null) throw reused(request, 'what this client request made no longer exists');
        return made;
      }
      const { id, result } = await work.create();
      await this.record(manager, request, id);
      return result;
    });
  }

  /**
   * For a write on something that exists already (a step, a change): true when this request
   * already ran on `resourceId`, to be answered with its state as it is; false after recording
   * it as new, so the caller goes on with the write in the same transaction (a rollback forgets
   * the request too). An id used on something else, or for something else, is refused.
   */
  async isRetry(request: ClientRequest, resourceId: string): Promise<boolean> {
    if (!this.uow.inTransaction()) {
      throw new Error('ClientRequests.isRetry must run inside UnitOfWork.run, with the write it guards');
    }
    const manager = this.uow.transactionalManager();
    const earlier = await this.earlier(manager, request);
    if (earlier === null) {
      await this.record(manager, request, resourceId);
      return false;
    }
    if (earlier !== resourceId) throw reused(request, 'this client request id was used on something else');
    return true;
  }

  /**
   * The id of what an earlier attempt of this request made, or null when none ran; a different
   * request under the id is refused. Records nothing. Inside a transaction it also holds the
   * id's lock until the transaction ends; outside one it is a plain read, for a fast answer to
   * a retry before any work is done.
   */
  earlierResult(request: ClientRequest): Promise<string | null> {
    return this.earlier(this.uow.manager(), request);
  }

  private async earlier(manager: EntityManager, request: ClientRequest): Promise<string | null> {
    const id = request.clientRequestId.toLowerCase();
    if (this.uow.inTransaction()) await lockForTransaction(manager, `client-request:${id}`);
    const rows = await manager.findBy(ClientRequestOrmEntity, { clientRequestId: id });
    if (rows.length === 0) return null;
    const row = rows.find((candidate) => candidate.operation === request.operation);
    if (!row) throw reused(request, `this client request id was used for ${rows[0]!.operation}`);
    if (row.fingerprint !== null && row.fingerprint !== fingerprintOf(request.request)) {
      throw reused(request, `this client request id was used for a different ${request.operation} request`);
    }
    return row.resultId;
  }

  private async record(manager: EntityManager, request: ClientRequest, resultId: string): Promise<void> {
    await manager.insert(ClientRequestOrmEntity, {
      operation: request.operation,
      clientRequestId: request.clientRequestId.toLowerCase(),
      resultId,
      fingerprint: fingerprintOf(request.request),
    });
  }
}

function reused(request: ClientRequest, message: string): IdempotencyError {
  return new IdempotencyError(
    IdempotencyErrorCode.ClientRequestReused,
    message,
    request.field ?? 'clientRequestId',
  );
}
