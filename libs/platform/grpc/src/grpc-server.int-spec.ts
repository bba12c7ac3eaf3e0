import { fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import {
  type CallOptions,
  type Client,
  type ClientDuplexStream,
  type ClientUnaryCall,
  credentials,
  makeClientConstructor,
  Metadata,
  type ServiceDefinition,
  type ServiceError,
  status,
} from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { TokenVerifier } from '@medgrid/auth';
import { readFileSync } from 'node:fs';
import { DESCRIPTOR_SET_PATH, referralServiceV1, referralV1 } from '@medgrid/contracts';
import { AppError, ValidationError } from '@medgrid/errors';
import { createLogger } from '@medgrid/logging';
import { metricsRegistry } from '@medgrid/telemetry';
import { context, propagation, type SpanContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { anIdentity, TEST_AUDIENCE, TEST_ISSUER, TestAuth, waitFor } from '@medgrid/testing';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { dirname, join } from 'node:path';
import { type CallContext, type UnaryHandlers } from './call-context';
import { CallGuard } from './call-guard';
import { GrpcServer } from './grpc-server';
import { decodeErrorDetails } from './status-for-error';

const SERVICE_NAME = 'medgrid.referral.v1.ReferralService';
/** The test guard refuses callers claiming this group, and lets everyone else through. */
const REFUSED_GROUP = '0193a000-0000-7000-8000-00000000dead';
/** ... and admits callers claiming this one at once, as a cached answer. */
const AT_ONCE_GROUP = '0193a000-0000-7000-8000-0000000a7001';

class RefusingGuard extends CallGuard {
  readonly seen: string[] = [];
  /** The groups of the calls admit was asked about. */
  readonly asked: (string | null)[] = [];

  override admitsAtOnce(identity: { groupId: string | null }): boolean {
    return identity.groupId === AT_ONCE_GROUP;
  }

  admit(identity: { groupId: string | null }, method: string): Promise<void> {
    this.asked.push(identity.groupId);
    if (identity.groupId !== REFUSED_GROUP) return Promise.resolve();
    this.seen.push(method);
    return Promise.reject(new AppError('permission-denied', 'GROUP_CLAIM_MISMATCH', 'not your group'));
  }

  /** The calls refused after admit, as the guard heard of them: "<subject> <method> <reason>". */
  readonly refusals: string[] = [];

  override refused(identity: { subject: string }, method: string, reason: string): Promise<void> {
    this.refusals.push(`${identity.subject} ${method} ${reason}`);
    return Promise.resolve();
  }
}
type ReferralHandlers = UnaryHandlers<typeof referralServiceV1.ReferralServiceService>;

/** The sum of a metric's samples whose labels include the given ones (0 when there is none). */
async function sampleValue(name: string, labels: Record<string, string>): Promise<number> {
  const family = (await metricsRegistry.getMetricsAsJSON()).find(
    (metric) =>
      metric.values.some((v) => (v as { metricName?: string }).metricName === name) || metric.name === name,
  );
  return (family?.values ?? [])
    .filter((v) => ((v as { metricName?: string }).metricName ?? family!.name) === name)
    .filter((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value))
    .reduce((sum, v) => sum + v.value, 0);
}

interface HealthClient extends Client {
  Check(
    request: { service: string },
    callback: (error: ServiceError | null, response: { status: string }) => void,
  ): ClientUnaryCall;
}

interface ReflectionResponse {
  list_services_response?: { service: { name: string }[] };
  file_descriptor_response?: { file_descriptor_proto: Buffer[] };
}
interface ReflectionClient extends Client {
  ServerReflectionInfo(): ClientDuplexStream<Record<string, string>, ReflectionResponse>;
}

/** A client of a service whose .proto is loaded at run time (health, reflection), as grpcurl would. */
function clientOf<C extends Client>(
  protoFile: string,
  includeDirs: string[],
  serviceName: string,
  address: string,
): C {
  const definition = protoLoader.loadSync(protoFile, {
    includeDirs,
    keepCase: true,
    enums: String,
    longs: String,
    defaults: true,
  });
  const Constructor = makeClientConstructor(
    definition[serviceName] as unknown as ServiceDefinition,
    serviceName,
  );
  return new Constructor(address, credentials.createInsecure()) as unknown as C;
}

describe(GrpcServer.name, () => {
  const identity = anIdentity({ role: 'primary-staff' });
  const logLines: string[] = [];
  let auth: TestAuth;
  let sut: GrpcServer;
  let client: referralServiceV1.ReferralServiceClient;
  let health: HealthClient;
  let reflection: ReflectionClient;
  /** What GetReferral does; each test sets it. */
  let getReferral: ReferralHandlers['getReferral'];
  /** What WatchReferrals yields; the streaming tests set it. */
  let watchReferrals: ReferralHandlers['watchReferrals'];
  let handlerCalls = 0;
  const guard = new RefusingGuard();
  /** The spans the server made, as a service's exporter would get them. */
  const spans = new InMemorySpanExporter();
  const caller = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' };
  const traceparent = `00-${caller.traceId}-${caller.spanId}-01`;
  /** The finished server spans of a method. */
  const spansOf = (method: string) =>
    spans.getFinishedSpans().filter((span) => span.name === `grpc.${SERVICE_NAME}/${method}`);

  /** A unary call with a bearer token (when given) and a deadline. */
  const callGetReferral = (
    request: referralServiceV1.GetReferralRequest,
    {
      token,
      deadlineMs = 5_000,
      traced = false,
    }: { token?: string; deadlineMs?: number; traced?: boolean } = {},
  ) =>
    new Promise<referralServiceV1.GetReferralResponse>((resolve, reject) => {
      const metadata = new Metadata();
      if (token) metadata.set('authorization', `Bearer ${token}`);
      if (traced) metadata.set('traceparent', traceparent);
      const options: Partial<CallOptions> = { deadline: new Date(Date.now() + deadlineMs) };
      client.getReferral(request, metadata, options, (error, response) =>
        error ? reject(error) : resolve(response),
      );
    });

  /** The error a call ends with; fails the test if the call succeeds. */
  const failureOf = async (call: Promise<unknown>): Promise<ServiceError> => {
    try {
      await call;
    } catch (error) {
      return error as ServiceError;
    }
    throw new Error('the call succeeded');
  };

  const checkHealth = (service: string) =>
    new Promise<string>((resolve, reject) =>
      health.Check({ service }, (error, response) => (error ? reject(error) : resolve(response.status))),
    );

  /** One request on the reflection stream, and its answer. */
  const reflect = (request: Record<string, string>) =>
    new Promise<ReflectionResponse>((resolve, reject) => {
      const stream = reflection.ServerReflectionInfo();
      stream.on('data', (response: ReflectionResponse) => {
        resolve(response);
        stream.end();
      });
      stream.on('error', reject);
      stream.write(request);
    });

  /** A server with the ReferralService test handlers, started on a free port. */
  const serve = async () => {
    const server = new GrpcServer(
      {
        host: '127.0.0.1',
        port: 0,
        descriptorSet: readFileSync(DESCRIPTOR_SET_PATH),
      },
      await TokenVerifier.fromFile(auth.publicKeyFile, TEST_ISSUER, TEST_AUDIENCE),
      createLogger({
        service: 'grpc-int',
        level: 'error',
        destination: { write: (line: string) => void logLines.push(line) },
      }),
      guard,
    );
    const unused = () => Promise.reject(new Error('not called by these tests'));
    server.addService(SERVICE_NAME, referralServiceV1.ReferralServiceService, {
      createReferral: unused,
      submitReferral: unused,
      acceptReferral: unused,
      declineReferral: unused,
      cancelReferral: unused,
      recordArrival: unused,
      recordCompletion: unused,
      issueDownwardReferral: unused,
      acknowledgeReferral: unused,
      recordFollowUp: unused,
      closeReferral: unused,
      listReferrals: unused,
      getReferralStatistics: unused,
      getReferral: (request, context) => {
        handlerCalls++;
        return getReferral(request, context);
      },
      watchReferrals: (request, context) => {
        handlerCalls++;
        return watchReferrals(request, context);
      },
    });
    return { server, address: `127.0.0.1:${await server.start()}` };
  };

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(
      new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: spans })] }),
    );
    auth = await TestAuth.create();
    const started = await serve();
    sut = started.server;
    const address = started.address;
    client = new referralServiceV1.ReferralServiceClient(address, credentials.createInsecure());
    health = clientOf<HealthClient>(healthProtoPath, [], 'grpc.health.v1.Health', address);
    const reflectionProtoRoot = join(
      dirname(require.resolve('@grpc/reflection/package.json')),
      'build/proto',
    );
    reflection = clientOf<ReflectionClient>(
      'grpc/reflection/v1/reflection.proto',
      [reflectionProtoRoot],
      'grpc.reflection.v1.ServerReflection',
      address,
    );
  });

  beforeEach(() => {
    getReferral = () => Promise.reject(new Error('no handler set for this test'));
    watchReferrals = () => {
      throw new Error('no handler set for this test');
    };
    handlerCalls = 0;
    logLines.length = 0;
    spans.reset();
  });

  afterAll(async () => {
    client?.close();
    health?.close();
    reflection?.close();
    await sut?.stop(1_000);
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('refuses a call without a token as UNAUTHENTICATED, before any handler runs', async () => {
    getReferral = () => Promise.resolve({ referral: undefined, history: [] });

    const error = await failureOf(callGetReferral({ id: 'r-1' }));

    expect(error.code).toBe(status.UNAUTHENTICATED);
    expect(decodeErrorDetails(error.metadata).reason).toBe('TOKEN_MISSING');
    expect(handlerCalls).toBe(0);
  });

  it('refuses a token signed by another key as UNAUTHENTICATED', async () => {
    getReferral = () => Promise.resolve({ referral: undefined, history: [] });
    const forger = await TestAuth.create();

    const error = await failureOf(callGetReferral({ id: 'r-1' }, { token: await forger.token(identity) }));

    expect(error.code).toBe(status.UNAUTHENTICATED);
    expect(decodeErrorDetails(error.metadata).reason).toBe('TOKEN_INVALID');
    expect(handlerCalls).toBe(0);
  });

  it("hands the handler the caller's verified identity, the request and the deadline", async () => {
    let seen: { request: referralServiceV1.GetReferralRequest; context: CallContext } | undefined;
    getReferral = (request, context) => {
      seen = { request, context };
      return Promise.resolve({
        history: [],
        referral: referralV1.Referral.fromPartial({
          id: request.id,
          groupId: context.identity.groupId ?? '',
          referringInstitutionId: context.identity.institutionId ?? '',
        }),
      });
    };
    const before = Date.now();

    const response = await callGetReferral(
      { id: 'r-42' },
      { token: await auth.token(identity), deadlineMs: 5_000 },
    );

    expect(seen?.context.identity).toEqual(identity);
    expect(seen?.request).toEqual({ id: 'r-42' });
    expect(seen?.context.deadline?.getTime()).toBeGreaterThan(before + 3_000);
    expect(seen?.context.deadline?.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(response.referral).toMatchObject({
      id: 'r-42',
      groupId: identity.groupId,
      referringInstitutionId: identity.institutionId,
    });
  });

  it('answers a validation error with INVALID_ARGUMENT and one BadRequest field violation per bad field', async () => {
    getReferral = () =>
      Promise.reject(
        new ValidationError([
          { field: 'patientResidentId', reason: 'REQUIRED', description: 'is required' },
          { field: 'icd10Code', reason: 'INVALID_FORMAT', description: 'must be an ICD-10 code' },
        ]),
      );

    const error = await failureOf(callGetReferral({ id: 'r-1' }, { token: await auth.token(identity) }));

    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.details).toBe('patientResidentId: is required; icd10Code: must be an ICD-10 code');
    expect(decodeErrorDetails(error.metadata)).toEqual({
      reason: 'VALIDATION_FAILED',
      fieldViolations: [
        { field: 'patientResidentId', reason: 'REQUIRED', description: 'is required' },
        { field: 'icd10Code', reason: 'INVALID_FORMAT', description: 'must be an ICD-10 code' },
      ],
    });
  });

  it('refuses a string carrying U+0000 (PostgreSQL cannot store it) before the handler runs', async () => {
    let ran = false;
    getReferral = () => {
      ran = true;
      return Promise.resolve({ referral: undefined, history: [] });
    };

    const error = await failureOf(
      callGetReferral({ id: 'r-1\u0000' }, { token: await auth.token(identity) }),
    );

    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(decodeErrorDetails(error.metadata).fieldViolations).toEqual([
      expect.objectContaining({ field: 'id', reason: 'INVALID_CHARACTER' }),
    ]);
    expect(ran).toBe(false);
  });

  it("answers a domain error with its category's status and its code as the ErrorInfo reason", async () => {
    getReferral = () =>
      Promise.reject(new AppError('permission-denied', 'NOT_YOUR_INSTITUTION', 'not your referral'));

    const error = await failureOf(callGetReferral({ id: 'r-1' }, { token: await auth.token(identity) }));

    expect(error.code).toBe(status.PERMISSION_DENIED);
    expect(error.details).toBe('not your referral');
    expect(decodeErrorDetails(error.metadata)).toEqual({
      reason: 'NOT_YOUR_INSTITUTION',
      fieldViolations: [],
    });
  });

  it('tells the guard of every PERMISSION_DENIED after its admit, unary or streaming, and of no other refusal', async () => {
    guard.refusals.length = 0;
    getReferral = () =>
      Promise.reject(new AppError('permission-denied', 'NOT_YOUR_INSTITUTION', 'not your referral'));
    // eslint-disable-next-line @typescript-eslint/require-await -- refuses before its first message
    watchReferrals = async function* () {
      if (handlerCalls >= 0) throw new AppError('permission-denied', 'NOT_YOUR_GROUP', 'not your group');
      yield { change: undefined, referral: undefined };
    };
    const token = await auth.token(identity);

    await failureOf(callGetReferral({ id: 'r-1' }, { token }));
    await streamOf(token);
    getReferral = () => Promise.reject(new AppError('not-found', 'NOT_FOUND', 'no such referral'));
    await failureOf(callGetReferral({ id: 'r-1' }, { token }));
    await failureOf(
      callGetReferral({ id: 'r-1' }, { token: await auth.token(anIdentity({ groupId: REFUSED_GROUP })) }),
    );
    await failureOf(callGetReferral({ id: 'r-1' }, {}));

    // The guard's own refusal (above) is its to record, not a refusal after admit; the next test counts them afresh.
    guard.seen.length = 0;
    expect(guard.refusals).toEqual([
      `${identity.subject} /medgrid.referral.v1.ReferralService/GetReferral NOT_YOUR_INSTITUTION`,
      `${identity.subject} /medgrid.referral.v1.ReferralService/WatchReferrals NOT_YOUR_GROUP`,
    ]);
  });

  it('answers an unexpected error with INTERNAL, logging its text but never sending it', async () => {
    const secret = 'connect ECONNREFUSED postgres://medgrid:s3cr3t@10.0.0.5/referral';
    getReferral = () => Promise.reject(new Error(secret));

    const error = await failureOf(callGetReferral({ id: 'r-1' }, { token: await auth.token(identity) }));

    expect(error.code).toBe(status.INTERNAL);
    expect(error.details).toBe('internal error');
    expect(decodeErrorDetails(error.metadata)).toEqual({ fieldViolations: [] });
    const sent = JSON.stringify([error.message, error.details, error.metadata.toJSON()]);
    expect(sent).not.toContain('s3cr3t');
    expect(sent).not.toContain('ECONNREFUSED');
    expect(logLines.some((line) => line.includes('gRPC handler failed') && line.includes(secret))).toBe(true);
  });

  it("aborts the handler's signal at the caller's deadline and answers DEADLINE_EXCEEDED", async () => {
    let observed: (result: { aborted: boolean; reason: string }) => void = () => undefined;
    const handlerOutcome = new Promise<{ aborted: boolean; reason: string }>(
      (resolve) => (observed = resolve),
    );
    getReferral = async (_request, context) => {
      // Slow work that stops early when told to, and gives up on its own after 5 s.
      const aborted = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 5_000);
        context.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      observed({ aborted, reason: String((context.signal.reason as Error | undefined)?.message) });
      return { referral: undefined, history: [] };
    };
    const started = Date.now();

    const error = await failureOf(
      callGetReferral({ id: 'r-1' }, { token: await auth.token(identity), deadlineMs: 300 }),
    );
    const outcome = await handlerOutcome;

    expect(error.code).toBe(status.DEADLINE_EXCEEDED);
    expect(outcome.aborted).toBe(true);
    expect(outcome.reason).toMatch(/deadline exceeded|cancelled by the caller/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('counts a call whose handler, never reading its signal, outlived the deadline as DEADLINE_EXCEEDED', async () => {
    const method = '/medgrid.referral.v1.ReferralService/GetReferral';
    const late = () =>
      sampleValue('medgrid_grpc_server_handled_total', { method, code: 'DEADLINE_EXCEEDED' });
    const okBefore = await sampleValue('medgrid_grpc_server_handled_total', { method, code: 'OK' });
    const lateBefore = await late();
    let finished = false;
    getReferral = async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      finished = true;
      return { referral: undefined, history: [] };
    };

    const error = await failureOf(
      callGetReferral({ id: 'r-1' }, { token: await auth.token(identity), deadlineMs: 200 }),
    );
    await waitFor('the handler to finish', () => Promise.resolve(finished || undefined));
    await waitFor('the late call to be counted', async () =>
      (await late()) > lateBefore ? true : undefined,
    );

    expect(error.code).toBe(status.DEADLINE_EXCEEDED);
    expect(await late()).toBe(lateBefore + 1);
    expect(await sampleValue('medgrid_grpc_server_handled_total', { method, code: 'OK' })).toBe(okBefore);
  });

  /** Every message of a server stream, or the error that ended it. */
  const streamOf = (token: string | undefined, deadlineMs = 5_000, through = client, traced = false) =>
    new Promise<{ messages: referralServiceV1.WatchReferralsResponse[]; error?: ServiceError }>((resolve) => {
      const metadata = new Metadata();
      if (token) metadata.set('authorization', `Bearer ${token}`);
      if (traced) metadata.set('traceparent', traceparent);
      const messages: referralServiceV1.WatchReferralsResponse[] = [];
      const stream = through.watchReferrals({ afterSeq: 0 }, metadata, {
        deadline: new Date(Date.now() + deadlineMs),
      });
      stream.on('data', (message: referralServiceV1.WatchReferralsResponse) => messages.push(message));
      stream.on('error', (error: ServiceError) => resolve({ messages, error }));
      stream.on('end', () => resolve({ messages }));
    });

  it('streams every message a server-streaming handler yields, then ends the call', async () => {
    // eslint-disable-next-line @typescript-eslint/require-await -- yields at once
    watchReferrals = async function* (_request, context) {
      for (const seq of [1, 2, 3]) {
        yield {
          change: referralV1.ReferralHistoryEntry.fromPartial({
            seq,
            actorSubject: context.identity.subject,
          }),
          referral: undefined,
        };
      }
    };

    const { messages, error } = await streamOf(await auth.token(identity));

    expect(error).toBeUndefined();
    expect(messages.map((m) => [m.change?.seq, m.change?.actorSubject])).toEqual([
      [1, identity.subject],
      [2, identity.subject],
      [3, identity.subject],
    ]);
  });

  it('refuses a stream without a token as UNAUTHENTICATED, before the handler runs', async () => {
    // eslint-disable-next-line @typescript-eslint/require-await -- a stream that never gets to run
    watchReferrals = async function* () {
      yield { change: undefined, referral: undefined };
    };

    const { messages, error } = await streamOf(undefined);

    expect(error?.code).toBe(status.UNAUTHENTICATED);
    expect(messages).toEqual([]);
    expect(handlerCalls).toBe(0);
  });

  it("runs the service's call guard on the verified identity before any handler, unary or streaming", async () => {
    getReferral = () => Promise.resolve({ referral: undefined, history: [] });
    // eslint-disable-next-line @typescript-eslint/require-await -- a stream that never gets to run
    watchReferrals = async function* () {
      yield { change: undefined, referral: undefined };
    };
    const refused = await auth.token(anIdentity({ groupId: REFUSED_GROUP }));

    const unaryError = await failureOf(callGetReferral({ id: 'r-1' }, { token: refused }));
    const { messages, error: streamError } = await streamOf(refused);
    const admitted = await callGetReferral({ id: 'r-1' }, { token: await auth.token(identity) });

    for (const error of [unaryError, streamError]) {
      expect(error?.code).toBe(status.PERMISSION_DENIED);
      expect(decodeErrorDetails(error?.metadata).reason).toBe('GROUP_CLAIM_MISMATCH');
    }
    expect(messages).toEqual([]);
    expect(guard.seen).toEqual([
      '/medgrid.referral.v1.ReferralService/GetReferral',
      '/medgrid.referral.v1.ReferralService/WatchReferrals',
    ]);
    expect(admitted).toEqual({ referral: undefined, history: [] });
    expect(handlerCalls).toBe(1);
  });

  it('asks the guard to admit only a call it cannot admit at once', async () => {
    getReferral = () => Promise.resolve({ referral: undefined, history: [] });
    guard.asked.length = 0;
    const cached = anIdentity({ groupId: AT_ONCE_GROUP });

    await callGetReferral({ id: 'r-1' }, { token: await auth.token(cached) });
    await callGetReferral({ id: 'r-1' }, { token: await auth.token(identity) });

    expect(guard.asked).toEqual([identity.groupId]);
    expect(handlerCalls).toBe(2);
  });

  it("ends a stream with the handler's error status, and stops the handler at the deadline", async () => {
    let stoppedByDeadline = false;
    watchReferrals = async function* (_request, context) {
      yield { change: undefined, referral: undefined };
      await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
      stoppedByDeadline = true;
    };
    const slow = await streamOf(await auth.token(identity), 300);
    // eslint-disable-next-line @typescript-eslint/require-await -- fails after its first message
    watchReferrals = async function* () {
      yield { change: undefined, referral: undefined };
      throw new ValidationError([{ field: 'afterSeq', reason: 'OUT_OF_RANGE', description: 'too far' }]);
    };
    const failing = await streamOf(await auth.token(identity));

    expect(slow.messages).toHaveLength(1);
    expect(slow.error?.code).toBe(status.DEADLINE_EXCEEDED);
    await waitFor('the handler to stop at the deadline', () =>
      Promise.resolve(stoppedByDeadline || undefined),
    );
    expect(failing.messages).toHaveLength(1);
    expect(failing.error?.code).toBe(status.INVALID_ARGUMENT);
  });

  it('counts a stream that ran to its deadline as OK, and keeps it out of the call-latency histogram', async () => {
    const method = '/medgrid.referral.v1.ReferralService/WatchReferrals';
    const okBefore = await sampleValue('medgrid_grpc_server_handled_total', { method, code: 'OK' });
    watchReferrals = async function* (_request, context) {
      yield { change: undefined, referral: undefined };
      await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
    };

    await streamOf(await auth.token(identity), 300);

    await waitFor('the stream to be counted', async () =>
      (await sampleValue('medgrid_grpc_server_handled_total', { method, code: 'OK' })) > okBefore
        ? true
        : undefined,
    );
    expect(await sampleValue('medgrid_grpc_server_handling_seconds_count', { method })).toBe(0);
    expect(await sampleValue('medgrid_grpc_server_stream_seconds_count', { method })).toBeGreaterThan(0);
  });

  it('ends open streams with UNAVAILABLE when it stops, instead of waiting out the grace period', async () => {
    const other = await serve();
    const otherClient = new referralServiceV1.ReferralServiceClient(
      other.address,
      credentials.createInsecure(),
    );
    watchReferrals = async function* (_request, context) {
      yield { change: undefined, referral: undefined };
      await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
    };
    const open = streamOf(await auth.token(identity), 30_000, otherClient);
    await waitFor('the stream to open', () => Promise.resolve(handlerCalls > 0 || undefined));
    const started = Date.now();

    await other.server.stop(10_000);
    const { messages, error } = await open;
    otherClient.close();

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(messages).toHaveLength(1);
    expect(error?.code).toBe(status.UNAVAILABLE);
  });

  it("makes each call's SERVER span the child of the caller's traceparent, and runs the handler in it", async () => {
    let inHandler: SpanContext | undefined;
    getReferral = () => {
      inHandler = trace.getActiveSpan()?.spanContext();
      return Promise.resolve({ referral: undefined, history: [] });
    };

    await callGetReferral({ id: 'r-1' }, { token: await auth.token(identity), traced: true });

    const [span, ...more] = spansOf('GetReferral');
    expect(more).toEqual([]);
    expect(span).toMatchObject({
      kind: SpanKind.SERVER,
      attributes: {
        'rpc.system': 'grpc',
        'rpc.service': SERVICE_NAME,
        'rpc.method': 'GetReferral',
        'rpc.grpc.status_code': status.OK,
      },
      status: { code: SpanStatusCode.UNSET },
    });
    expect(span!.spanContext().traceId).toBe(caller.traceId);
    expect(span!.parentSpanContext?.spanId).toBe(caller.spanId);
    expect(inHandler).toEqual(span!.spanContext());
  });

  it('ends the span with the status code the server answered, a refusal or a failure marked as an error', async () => {
    getReferral = () => Promise.reject(new AppError('not-found', 'NOT_FOUND', 'no such referral'));
    const slow = async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { referral: undefined, history: [] };
    };

    await failureOf(callGetReferral({ id: 'r-1' }, { token: await auth.token(identity), traced: true }));
    await failureOf(callGetReferral({ id: 'r-1' }, { traced: true }));
    getReferral = slow;
    await failureOf(
      callGetReferral({ id: 'r-1' }, { token: await auth.token(identity), deadlineMs: 150, traced: true }),
    );
    await waitFor('the late call to end its span', () =>
      Promise.resolve(spansOf('GetReferral').length === 3 || undefined),
    );

    expect(
      spansOf('GetReferral').map((span) => [
        span.attributes['rpc.grpc.status_code'],
        span.status.code,
        span.status.message,
        span.spanContext().traceId,
      ]),
    ).toEqual([
      [status.NOT_FOUND, SpanStatusCode.ERROR, 'no such referral', caller.traceId],
      [status.UNAUTHENTICATED, SpanStatusCode.ERROR, 'authorization metadata is required', caller.traceId],
      [
        status.DEADLINE_EXCEEDED,
        SpanStatusCode.ERROR,
        expect.stringMatching(/deadline|cancelled/),
        caller.traceId,
      ],
    ]);
  });

  it("makes a server stream's span too, ended with the stream's status, its handler running in it", async () => {
    let inHandler: SpanContext | undefined;
    // eslint-disable-next-line @typescript-eslint/require-await -- fails after its first message
    watchReferrals = async function* () {
      inHandler = trace.getActiveSpan()?.spanContext();
      yield { change: undefined, referral: undefined };
      throw new ValidationError([{ field: 'afterSeq', reason: 'OUT_OF_RANGE', description: 'too far' }]);
    };

    await streamOf(await auth.token(identity), 5_000, client, true);

    await waitFor('the stream to end its span', () =>
      Promise.resolve(spansOf('WatchReferrals').length > 0 || undefined),
    );
    const [span] = spansOf('WatchReferrals');
    expect(span).toMatchObject({
      kind: SpanKind.SERVER,
      attributes: { 'rpc.method': 'WatchReferrals', 'rpc.grpc.status_code': status.INVALID_ARGUMENT },
      status: { code: SpanStatusCode.ERROR },
    });
    expect(span!.parentSpanContext?.spanId).toBe(caller.spanId);
    expect(inHandler).toEqual(span!.spanContext());
  });

  it('answers grpc.health.v1 Check with SERVING once started, and NOT_SERVING after setServing(false)', async () => {
    expect(await checkHealth('')).toBe('SERVING');
    expect(await checkHealth(SERVICE_NAME)).toBe('SERVING');

    sut.setServing(false);
    try {
      expect(await checkHealth('')).toBe('NOT_SERVING');
      expect(await checkHealth(SERVICE_NAME)).toBe('NOT_SERVING');
    } finally {
      sut.setServing(true);
    }
    expect(await checkHealth('')).toBe('SERVING');
    expect((await failureOf(checkHealth('medgrid.nowhere.v1.NoService'))).code).toBe(status.NOT_FOUND);
  });

  it('lists its service through server reflection and describes its methods', async () => {
    const listed = await reflect({ list_services: '*' });
    const described = await reflect({ file_containing_symbol: SERVICE_NAME });

    expect(listed.list_services_response?.service.map((service) => service.name)).toContain(SERVICE_NAME);
    const files = (described.file_descriptor_response?.file_descriptor_proto ?? []).map((bytes) =>
      fromBinary(FileDescriptorProtoSchema, bytes),
    );
    // The real .proto files with their imports (grpcurl needs the imports to
    // resolve google.protobuf.Timestamp; proto-loader's synthetic files drop them).
    expect(files.map((file) => file.name)).toEqual(
      expect.arrayContaining([
        'medgrid/referral/v1/referral_service.proto',
        'medgrid/referral/v1/referral.proto',
        'google/protobuf/timestamp.proto',
      ]),
    );
    expect(files.find((file) => file.name === 'medgrid/referral/v1/referral.proto')?.dependency).toContain(
      'google/protobuf/timestamp.proto',
    );
    const defining = files.find((file) => file.service.some((service) => service.name === 'ReferralService'));
    expect(defining?.package).toBe('medgrid.referral.v1');
    const methods = defining?.service
      .find((service) => service.name === 'ReferralService')
      ?.method.map((method) => [method.name, method.inputType, method.outputType, method.serverStreaming]);
    expect(methods).toContainEqual([
      'CreateReferral',
      '.medgrid.referral.v1.CreateReferralRequest',
      '.medgrid.referral.v1.CreateReferralResponse',
      false,
    ]);
    expect(methods).toContainEqual([
      'WatchReferrals',
      '.medgrid.referral.v1.WatchReferralsRequest',
      '.medgrid.referral.v1.WatchReferralsResponse',
      true,
    ]);
    expect(methods).toHaveLength(Object.keys(referralServiceV1.ReferralServiceService).length);
  });
});
