import { randomUUID } from 'node:crypto';
import { batchRuns, createDataSource, queryNamed, UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { CreateClientRequestLog1733500000001 } from './client-request.migration';
import { ClientRequestOrmEntity } from './client-request.orm-entity';
import { type ClientRequest, clientRequestGuard, ClientRequests } from './client-requests';
import { IdempotencyError } from './idempotency-error';

interface Ward {
  id: string;
  name: string;
  beds: number;
}

@Entity({ name: 'ward' })
class WardRow {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'int' }) beds!: number;
}

describe(ClientRequests.name, () => {
  let database: MigratedTestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let requests: ClientRequests;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('client_requests', (url) =>
      createDataSource({
        url,
        applicationName: 'idempotency-int',
        entities: [ClientRequestOrmEntity, WardRow],
        migrations: [CreateClientRequestLog1733500000001],
        poolSize: 12,
      }),
    );
    dataSource = database.dataSource;
    await dataSource.query(
      `CREATE TABLE ward (id uuid PRIMARY KEY, name text NOT NULL, beds int NOT NULL CHECK (beds > 0))`,
    );
    uow = new UnitOfWork(dataSource);
    requests = new ClientRequests(uow);
  });

  afterAll(async () => {
    await database?.close();
  });

  const wardRequest = (clientRequestId: string, name: string, beds: number): ClientRequest => ({
    operation: 'register-ward',
    clientRequestId,
    request: { name, beds },
  });

  const loadWard = async (id: string): Promise<Ward | null> => {
    const [row] = await uow.manager().query<Ward[]>(`SELECT id, name, beds FROM ward WHERE id = $1`, [id]);
    return row ?? null;
  };

  /**
   * RegisterWard as a service writes it: the ward made once per client request; `announced`, with
   * the ward's id drawn before createOnce (its one-statement record of a new request).
   */
  const registerWardAs =
    (announced: boolean) =>
    (clientRequestId: string, name: string, beds: number, pauseSeconds = 0) => {
      const wardId = randomUUID();
      return requests.createOnce(wardRequest(clientRequestId, name, beds), {
        ...(announced ? { id: wardId } : {}),
        load: loadWard,
        create: async () => {
          const ward = { id: wardId, name, beds };
          // Keeps the first attempt in its transaction while its retries arrive.
          if (pauseSeconds) await uow.manager().query(`SELECT pg_sleep($1)`, [pauseSeconds]);
          await uow
            .manager()
            .query(`INSERT INTO ward (id, name, beds) VALUES ($1, $2, $3)`, [ward.id, ward.name, ward.beds]);
          return { id: ward.id, result: ward };
        },
      });
    };
  const registerWard = registerWardAs(false);

  const wardsNamed = async (name: string) =>
    (
      await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ward WHERE name = $1`, [name])
    )[0]!.n;

  /** The stored record of a client request id: its operation and what it made. */
  const recordOf = (clientRequestId: string) =>
    dataSource.query(`SELECT operation, result_id FROM client_request WHERE client_request_id = $1`, [
      clientRequestId,
    ]);

  /** The runs of the batched look-ups so far, and the ids they read. */
  const lookUpRuns = async () => {
    const { runs, items } = await batchRuns('client-request-look-up');
    return { runs, ids: items };
  };

  const refusal = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(IdempotencyError);
    return error as IdempotencyError;
  };

  describe.each([
    ['the id of what it makes told afterwards', false],
    ['the id of what it makes known beforehand', true],
  ])('createOnce, %s', (_, announced) => {
    const registerWard = registerWardAs(announced);

    // Both ways name the same wards.
    beforeAll(() => dataSource.query(`TRUNCATE ward, client_request`));

    it('makes the thing once and answers a retry with what the first attempt made', async () => {
      const id = randomUUID();
      const first = await registerWard(id, '心内科一病区', 10);
      const retry = await registerWard(id, '心内科一病区', 10);

      expect(retry).toEqual(first);
      expect(await wardsNamed('心内科一病区')).toBe(1);
      expect(
        await dataSource.query(
          `SELECT operation, result_id, fingerprint IS NOT NULL AS fingerprinted FROM client_request
           WHERE client_request_id = $1`,
          [id],
        ),
      ).toEqual([{ operation: 'register-ward', result_id: first.id, fingerprinted: true }]);
    });

    it('answers racing retries of one request with the one thing the first made', async () => {
      const id = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => registerWard(id, '骨科病区', 20, 0.2)),
      );

      expect(new Set(answers.map((ward) => ward.id)).size).toBe(1);
      expect(await wardsNamed('骨科病区')).toBe(1);
    });

    it('refuses the id for a different request with CLIENT_REQUEST_REUSED naming the field, and makes nothing', async () => {
      const id = randomUUID();
      await registerWard(id, '儿科病区', 10);

      const error = await refusal(registerWard(id, '儿科二病区', 12));

      expect(error).toMatchObject({
        category: 'invalid-argument',
        code: 'CLIENT_REQUEST_REUSED',
        violations: [expect.objectContaining({ field: 'clientRequestId', reason: 'CLIENT_REQUEST_REUSED' })],
      });
      expect(await wardsNamed('儿科二病区')).toBe(0);
    });

    it('refuses the id for another operation, naming the field the request carried it in', async () => {
      const id = randomUUID();
      await registerWard(id, '眼科病区', 10);

      const error = await refusal(
        requests.createOnce(
          { operation: 'book-slot', clientRequestId: id, request: {}, field: 'claim.clientRequestId' },
          {
            ...(announced ? { id: 'x' } : {}),
            load: () => Promise.resolve(null),
            create: () => Promise.resolve({ id: 'x', result: null }),
          },
        ),
      );

      expect(error.violations).toEqual([
        expect.objectContaining({ field: 'claim.clientRequestId', reason: 'CLIENT_REQUEST_REUSED' }),
      ]);
    });

    it('forgets a request whose write failed, so its retry runs it again', async () => {
      const id = randomUUID();
      await expect(
        requests.createOnce(wardRequest(id, '产科病区', 8), {
          ...(announced ? { id: randomUUID() } : {}),
          load: loadWard,
          create: () => Promise.reject(new Error('the ward could not be made')),
        }),
      ).rejects.toThrow('could not be made');

      const retry = await registerWard(id, '产科病区', 8);

      expect(retry.name).toBe('产科病区');
      expect(await wardsNamed('产科病区')).toBe(1);
    });

    it('treats an upper-case id as the same request', async () => {
      const id = randomUUID();
      const first = await registerWard(id, '皮肤科病区', 6);

      expect(await registerWard(id.toUpperCase(), '皮肤科病区', 6)).toEqual(first);
    });

    it('answers a request recorded before fingerprints were kept, unchecked', async () => {
      const ward = await registerWard(randomUUID(), '老病区', 4);
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO client_request (operation, client_request_id, result_id) VALUES ('register-ward', $1, $2)`,
        [id, ward.id],
      );

      expect(await registerWard(id, '老病区 (another name)', 5)).toEqual(ward);
    });
  });

  describe('createInOneStatement', () => {
    /** RegisterWard written as one statement: the ward staged, read back on a retry. */
    const registerWard = (clientRequestId: string, name: string, beds: number) => {
      const id = randomUUID();
      return requests.createInOneStatement(wardRequest(clientRequestId, name, beds), {
        id,
        load: loadWard,
        create: (inserts) => {
          const ward = { id, name, beds };
          inserts.add(WardRow, Object.assign(new WardRow(), ward));
          return Promise.resolve(ward);
        },
      });
    };

    it('makes the thing once with the record of the request, and answers a retry with what the first made', async () => {
      const id = randomUUID();
      const first = await registerWard(id, '神经内科病区', 12);
      const retry = await registerWard(id, '神经内科病区', 12);

      expect(retry).toEqual(first);
      expect(await wardsNamed('神经内科病区')).toBe(1);
      expect(await recordOf(id)).toEqual([{ operation: 'register-ward', result_id: first.id }]);
    });

    it('answers racing attempts of one request with the one thing one of them made', async () => {
      const id = randomUUID();
      const answers = await Promise.all(Array.from({ length: 8 }, () => registerWard(id, '急诊病区', 30)));

      expect(new Set(answers.map((ward) => ward.id)).size).toBe(1);
      expect(await wardsNamed('急诊病区')).toBe(1);
    });

    it('refuses the id for a different request, or for another operation, and makes nothing', async () => {
      const id = randomUUID();
      await registerWard(id, '康复病区', 10);

      const different = await refusal(registerWard(id, '康复二病区', 10));
      const otherOperation = await refusal(
        requests.createInOneStatement(
          { operation: 'book-slot', clientRequestId: id, request: {}, field: 'claim.clientRequestId' },
          {
            id: randomUUID(),
            load: () => Promise.resolve(null),
            create: (inserts) => {
              inserts.add(
                WardRow,
                Object.assign(new WardRow(), { id: randomUUID(), name: '康复三病区', beds: 1 }),
              );
              return Promise.resolve(null);
            },
          },
        ),
      );

      expect(different.violations).toEqual([
        expect.objectContaining({ field: 'clientRequestId', reason: 'CLIENT_REQUEST_REUSED' }),
      ]);
      expect(otherOperation.violations).toEqual([
        expect.objectContaining({ field: 'claim.clientRequestId', reason: 'CLIENT_REQUEST_REUSED' }),
      ]);
      expect([await wardsNamed('康复二病区'), await wardsNamed('康复三病区')]).toEqual([0, 0]);
    });

    it('records nothing of a request whose rows were refused, so its retry runs it again', async () => {
      const id = randomUUID();
      await expect(registerWard(id, '隔离病区', 0)).rejects.toThrow(/check constraint/);

      expect(
        await dataSource.query(`SELECT 1 FROM client_request WHERE client_request_id = $1`, [id]),
      ).toEqual([]);
      expect((await registerWard(id, '隔离病区', 4)).beds).toBe(4);
    });
  });

  describe('createRecordedBy', () => {
    /** The request each `create` was handed to record, in call order (undefined: none). */
    let handed: (ClientRequest | undefined)[] = [];
    beforeEach(() => {
      handed = [];
    });

    /**
     * RegisterWard whose insert records the request itself (the guard in its statement); `thenFail` throws after
     * that statement, `holdSeconds` keeps the transaction open after it while racing attempts arrive.
     */
    const registerWard = (
      clientRequestId: string,
      name: string,
      beds: number,
      { holdSeconds = 0, thenFail = false } = {},
    ) => {
      const id = randomUUID();
      return requests.createRecordedBy(wardRequest(clientRequestId, name, beds), {
        id,
        load: loadWard,
        create: async (toRecord) => {
          handed.push(toRecord);
          const guard = toRecord && clientRequestGuard(toRecord, id);
          const inserted = await queryNamed(
            uow.manager(),
            `${guard ? `WITH guard AS (${guard.sql}) ` : ''}
             INSERT INTO ward (id, name, beds) SELECT :wardId, :name, :beds
             ${guard ? 'WHERE EXISTS (SELECT 1 FROM guard)' : ''} RETURNING id`,
            { ...guard?.parameters, wardId: id, name, beds },
          );
          if (holdSeconds) await uow.manager().query(`SELECT pg_sleep($1)`, [holdSeconds]);
          if (thenFail) throw new Error('the ward could not be made');
          return inserted.length === 1 ? { id, name, beds } : null;
        },
      });
    };

    it('makes the thing once, recorded by its own statement, and answers a retry with what the first made', async () => {
      const id = randomUUID();
      const first = await registerWard(id, '呼吸科病区', 12);
      const retry = await registerWard(id, '呼吸科病区', 12);

      expect(retry).toEqual(first);
      // Each attempt's own statement was to record the request: nothing else records it here.
      expect(handed).toEqual([wardRequest(id, '呼吸科病区', 12), wardRequest(id, '呼吸科病区', 12)]);
      expect(await wardsNamed('呼吸科病区')).toBe(1);
      expect(await recordOf(id)).toEqual([{ operation: 'register-ward', result_id: first.id }]);
    });

    it('answers racing attempts of one request with the one thing the first made', async () => {
      const id = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => registerWard(id, '肾内科病区', 16, { holdSeconds: 0.2 })),
      );

      expect(new Set(answers.map((ward) => ward.id)).size).toBe(1);
      expect(await wardsNamed('肾内科病区')).toBe(1);
    });

    it('refuses the id for a different request and makes nothing', async () => {
      const id = randomUUID();
      await registerWard(id, '血液科病区', 10);

      const error = await refusal(registerWard(id, '血液科二病区', 10));

      expect(error.violations).toEqual([
        expect.objectContaining({ field: 'clientRequestId', reason: 'CLIENT_REQUEST_REUSED' }),
      ]);
      expect(await wardsNamed('血液科二病区')).toBe(0);
    });

    it('forgets a request whose write failed after its statement, so its retry runs it again', async () => {
      const id = randomUUID();
      await expect(registerWard(id, '内分泌病区', 8, { thenFail: true })).rejects.toThrow(
        'could not be made',
      );

      expect(await wardsNamed('内分泌病区')).toBe(0);
      expect((await registerWard(id, '内分泌病区', 8)).beds).toBe(8);
    });

    it('in a caller’s transaction hands create no request and records it after create, and no record of a create that failed', async () => {
      const made = randomUUID();
      const failed = randomUUID();

      const ward = await uow.run(async () => {
        await expect(registerWard(failed, '感染科病区', 4, { thenFail: true })).rejects.toThrow(
          'could not be made',
        );
        // The caller goes on and commits its other work.
        return registerWard(made, '老年病区', 6);
      });

      expect(handed).toEqual([undefined, undefined]);
      expect(await requests.earlierResult(wardRequest(made, '老年病区', 6))).toBe(ward.id);
      expect(await registerWard(made, '老年病区', 6)).toEqual(ward);
      expect(await requests.earlierResult(wardRequest(failed, '感染科病区', 4))).toBeNull();
    });
  });

  describe('isRetry', () => {
    const discharge = (clientRequestId: string, note = '') => ({
      operation: 'discharge',
      clientRequestId,
      request: { note },
    });
    const inTransaction = <T>(work: () => Promise<T>) => uow.run(work);

    it('records a new request on a thing, then recognises its retry', async () => {
      const id = randomUUID();
      const admission = randomUUID();

      expect(await inTransaction(() => requests.isRetry(discharge(id), admission))).toBe(false);
      expect(await inTransaction(() => requests.isRetry(discharge(id), admission))).toBe(true);
    });

    it('answers racing retries: exactly one attempt goes on with the write', async () => {
      const id = randomUUID();
      const admission = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          inTransaction(async () => {
            const retry = await requests.isRetry(discharge(id), admission);
            await uow.manager().query(`SELECT pg_sleep(0.1)`);
            return retry;
          }),
        ),
      );

      expect(answers.filter((retry) => !retry)).toHaveLength(1);
    });

    it('refuses the id on another thing, for another step, or with other content', async () => {
      const id = randomUUID();
      const admission = randomUUID();
      await inTransaction(() => requests.isRetry(discharge(id, 'home'), admission));

      const onAnother = await refusal(
        inTransaction(() => requests.isRetry(discharge(id, 'home'), randomUUID())),
      );
      const anotherStep = await refusal(
        inTransaction(() =>
          requests.isRetry(
            { operation: 'assign-bed', clientRequestId: id, request: { note: 'home' } },
            admission,
          ),
        ),
      );
      const otherContent = await refusal(
        inTransaction(() => requests.isRetry(discharge(id, 'transfer'), admission)),
      );

      for (const error of [onAnother, anotherStep, otherContent]) {
        expect(error).toMatchObject({ category: 'invalid-argument', code: 'CLIENT_REQUEST_REUSED' });
      }
    });

    it('forgets the request when the write it guards rolls back', async () => {
      const id = randomUUID();
      const admission = randomUUID();
      await expect(
        inTransaction(async () => {
          await requests.isRetry(discharge(id), admission);
          throw new Error('the step was refused');
        }),
      ).rejects.toThrow('refused');

      expect(await inTransaction(() => requests.isRetry(discharge(id), admission))).toBe(false);
    });

    it('must run in the transaction of the write it guards', async () => {
      await expect(requests.isRetry(discharge(randomUUID()), randomUUID())).rejects.toThrow(/UnitOfWork.run/);
    });
  });

  it('records nothing of a create that fails inside the caller’s transaction, though its id was drawn first', async () => {
    const id = randomUUID();
    const refused = new Error('sold out');

    await uow.run(async () => {
      await expect(
        requests.createOnce(wardRequest(id, '康复病区', 4), {
          id: randomUUID(),
          load: loadWard,
          create: () => Promise.reject(refused),
        }),
      ).rejects.toBe(refused);
      // The caller goes on and commits its other work.
    });

    expect(await requests.earlierResult(wardRequest(id, '康复病区', 4))).toBeNull();
    const ward = await registerWard(id, '康复病区', 4);
    expect(await loadWard(ward.id)).toEqual(ward);
  });

  describe('earlierResult', () => {
    it('reads what an earlier attempt made without recording anything', async () => {
      const id = randomUUID();
      expect(await requests.earlierResult(wardRequest(id, '急诊病区', 3))).toBeNull();
      const ward = await registerWard(id, '急诊病区', 3);

      expect(await requests.earlierResult(wardRequest(id, '急诊病区', 3))).toBe(ward.id);
      await refusal(requests.earlierResult(wardRequest(id, '急诊二病区', 3)));
    });

    it('reads the look-ups that arrive together in one statement, each answered from the records of its own id', async () => {
      const used = randomUUID();
      const usedOtherwise = randomUUID();
      const ward = await registerWard(used, '急诊病区', 3);
      await registerWard(usedOtherwise, '儿科病区', 5);
      const before = await lookUpRuns();

      const answers = await Promise.allSettled([
        requests.earlierResult(wardRequest(randomUUID(), '眼科病区', 1)),
        requests.earlierResult(wardRequest(used, '急诊病区', 3)),
        requests.earlierResult(wardRequest(usedOtherwise, '眼科病区', 5)),
        requests.earlierResult({ ...wardRequest(used, '急诊病区', 3), operation: 'discharge-patient' }),
        requests.earlierResult(wardRequest('not-a-uuid', '眼科病区', 1)),
      ]);

      const [never, same, otherRequest, otherOperation, notUuid] = answers.map((answer) =>
        answer.status === 'fulfilled' ? answer.value : (answer.reason as IdempotencyError).message,
      );
      expect([never, same, notUuid]).toEqual([null, ward.id, null]);
      expect(otherRequest).toMatch(/used for a different register-ward request/);
      expect(otherOperation).toMatch(/used for register-ward/);
      // One read for the four UUIDs (an id that is no UUID was never recorded and is not read).
      expect(await lookUpRuns()).toEqual({ runs: before.runs + 1, ids: before.ids + 4 });
    });
  });
});
