import { Injectable } from '@nestjs/common';
import {
  AtomicInserts,
  CallBatcher,
  type InsertGuard,
  lockForTransaction,
  queryNamed,
  UnitOfWork,
} from '@medgrid/database';
import { isUuid } from '@medgrid/errors';
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
  /**
   * The look-ups outside a transaction that arrive together, as one statement: a booking rush refuses most of its
   * claims, and each refusal first asks whether it answers a retry.
   */
  private readonly lookUps = new CallBatcher<string, RecordedRequest[]>((ids) => this.recordsOf(ids), {
    name: 'client-request-look-up',
  });

  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Runs `create` unless this request already made something; then answers that, as `load`
   * reads it. `create` gives the id of what it made with its answer. Joins the caller's
   * transaction, or opens one.
   *
   * When the id of what `create` will make is known beforehand (`work.id`, a UUID the caller drew),
   * a new request is recorded first in one statement instead of a lock, a read and an insert: for
   * the hot writes whose round trips count. Its one gap: two attempts racing each other with one id
   * for two different operations may both be taken (each sees no row of the other yet); a retry of
   * the same operation still waits for the first and gets its answer. Only in a transaction of its
   * own: in a caller's, a `create` that throws would leave the record to be committed with the
   * caller's other work, answering later retries with something never made, so there the request is
   * recorded after `create` as without an id.
   */
  createOnce<T>(
    request: ClientRequest,
    work: {
      id?: string;
      load: (id: string) => Promise<T | null>;
      create: () => Promise<{ id: string; result: T }>;
    },
  ): Promise<T> {
    const ownTransaction = !this.uow.inTransaction();
    return this.uow.run(async (manager) => {
      if (ownTransaction && work.id !== undefined && (await this.claim(manager, request, work.id))) {
        const { id, result } = await work.create();
        if (id !== work.id) throw new Error(`createOnce: made ${id}, announced ${work.id}`);
        return result;
      }
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
   * createOnce for a write that only adds rows, as ONE statement with no transaction around it (see
   * AtomicInserts of @medgrid/database): `create` reads what it needs and stages its rows in the
   * inserts it is handed; they are written together with the record of the request, and only when the
   * request is new. A retry (the request found recorded, or an attempt of it committing meanwhile)
   * writes nothing and gets what the first attempt made, as `load` reads it; a different request under
   * the id is refused as createOnce refuses it. `id` is the id of what `create` makes, drawn beforehand.
   * The statement is prepared once per connection (AtomicInserts' `prepared`): stage rows of the same
   * shape on every call.
   */
  async createInOneStatement<T>(
    request: ClientRequest,
    work: {
      id: string;
      load: (id: string) => Promise<T | null>;
      create: (inserts: AtomicInserts) => Promise<T>;
    },
  ): Promise<T> {
    const inserts = new AtomicInserts();
    const result = await work.create(inserts);
    const manager = this.uow.manager();
    if (await inserts.write(manager, clientRequestGuard(request, work.id), { prepared: true })) return result;
    return this.madeBefore(manager, request, work.load);
  }

  /**
   * createOnce for a write whose first statement records the request too, one round trip fewer than recording it
   * first: `create(request)` puts `clientRequestGuard(request, id)` in its first statement, writes only when the guard
   * returned a row, and answers null when it did not (the request recorded before, or by an attempt that committed
   * while this one waited on it); that attempt is then answered with what the first made, as `load` reads it. Runs
   * in a transaction of its own. In a caller's transaction `create` gets no request and the request is recorded
   * after it, as createOnce does there (a `create` that throws must leave no record the caller could commit).
   * Its gap, shared with createOnce: an attempt in a caller's transaction racing one in a transaction of its own,
   * with the same id, meets it as a unique violation instead of its answer.
   */
  createRecordedBy<T>(
    request: ClientRequest,
    work: {
      id: string;
      load: (id: string) => Promise<T | null>;
      create: (request?: ClientRequest) => Promise<T | null>;
    },
  ): Promise<T> {
    if (this.uow.inTransaction()) {
      return this.createOnce(request, {
        load: work.load,
        create: async () => ({ id: work.id, result: madeWithoutGuard(await work.create(), request) }),
      });
    }
    return this.uow.run(async (manager) => {
      const result = await work.create(request);
      return result === null ? this.madeBefore(manager, request, work.load) : result;
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
  async earlierResult(request: ClientRequest): Promise<string | null> {
    if (this.uow.inTransaction()) return this.earlier(this.uow.transactionalManager(), request);
    const id = request.clientRequestId.toLowerCase();
    // Not a UUID: never recorded (the column is one), and it must not fail the look-ups it would be read with.
    return answerOf(request, isUuid(id) ? await this.lookUps.add(id) : []);
  }

  private async earlier(manager: EntityManager, request: ClientRequest): Promise<string | null> {
    const id = request.clientRequestId.toLowerCase();
    if (this.uow.inTransaction()) await lockForTransaction(manager, `client-request:${id}`);
    return answerOf(request, await manager.findBy(ClientRequestOrmEntity, { clientRequestId: id }));
  }

  /** What an earlier attempt of the request made, for an attempt whose guard found the request recorded. */
  private async madeBefore<T>(
    manager: EntityManager,
    request: ClientRequest,
    load: (id: string) => Promise<T | null>,
  ): Promise<T> {
    const earlier = await this.earlier(manager, request);
    if (earlier === null)
      throw new Error(`client request ${request.clientRequestId} neither taken nor recorded`);
    const made = await load(earlier);
    if (made === null) throw reused(request, 'what this client request made no longer exists');
    return made;
  }

  /** The records of each id, in the ids' order (none for an id never used); on the pool, in no transaction. */
  private async recordsOf(ids: readonly string[]): Promise<RecordedRequest[][]> {
    const rows = await queryNamed<RecordedRequest & { n: string }>(
      this.uow.dataSource.manager,
      `SELECT asked.n, c.operation, c.result_id AS "resultId", c.fingerprint
         FROM unnest(:ids::uuid[]) WITH ORDINALITY AS asked(id, n)
         JOIN client_request c ON c.client_request_id = asked.id`,
      { ids },
      { prepared: true },
    );
    const records = ids.map((): RecordedRequest[] => []);
    for (const { n, ...row } of rows) records[Number(n) - 1]!.push(row);
    return records;
  }

  /** Records the request as new with the id it will make, unless the id is taken: true when recorded. */
  private async claim(manager: EntityManager, request: ClientRequest, resultId: string): Promise<boolean> {
    const { sql, parameters } = clientRequestGuard(request, resultId);
    return (await queryNamed(manager, sql, parameters)).length === 1;
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

/** A client request as recorded: its operation, what it made, and the fingerprint of what it asked. */
type RecordedRequest = Pick<ClientRequestOrmEntity, 'operation' | 'resultId' | 'fingerprint'>;

/**
 * The id of what an earlier attempt of `request` made, from the records of its id (null when there are none); the id
 * used for another operation or another request is refused.
 */
function answerOf(request: ClientRequest, records: readonly RecordedRequest[]): string | null {
  if (records.length === 0) return null;
  const row = records.find((candidate) => candidate.operation === request.operation);
  if (!row) throw reused(request, `this client request id was used for ${records[0]!.operation}`);
  if (row.fingerprint !== null && row.fingerprint !== fingerprintOf(request.request)) {
    throw reused(request, `this client request id was used for a different ${request.operation} request`);
  }
  return row.resultId;
}

/**
 * The insert that records a request as new with the id of what it makes, returning a row only when the id
 * is not taken by any operation: the guard of a statement that writes only when the request is new. A row of
 * the same request being written by another transaction makes it wait for that one (the conflict), then
 * return nothing once it committed. Its parameters are named `guard_*`, apart from a statement's own.
 */
export function clientRequestGuard(request: ClientRequest, resultId: string): InsertGuard {
  return {
    sql: `INSERT INTO client_request (operation, client_request_id, result_id, fingerprint)
          SELECT :guard_operation, :guard_request_id::uuid, :guard_result_id, :guard_fingerprint
          WHERE NOT EXISTS (SELECT 1 FROM client_request WHERE client_request_id = :guard_request_id::uuid)
          ON CONFLICT DO NOTHING
          RETURNING 1 AS claimed`,
    parameters: {
      guard_operation: request.operation,
      guard_request_id: request.clientRequestId.toLowerCase(),
      guard_result_id: resultId,
      guard_fingerprint: fingerprintOf(request.request),
    },
  };
}

/** What a `create` given no guard made: it had nothing to find recorded, so null is a bug of the caller's. */
function madeWithoutGuard<T>(result: T | null, request: ClientRequest): T {
  if (result === null)
    throw new Error(`client request ${request.clientRequestId}: nothing made, no guard given`);
  return result;
}

function reused(request: ClientRequest, message: string): IdempotencyError {
  return new IdempotencyError(
    IdempotencyErrorCode.ClientRequestReused,
    message,
    request.field ?? 'clientRequestId',
  );
}
