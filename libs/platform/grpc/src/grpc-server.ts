import {
  type sendUnaryData,
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  status,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema, FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { type Identity, type TokenVerifier } from '@medgrid/auth';
import { type AppError } from '@medgrid/errors';
import { type Logger } from '@medgrid/logging';
import {
  endRpcSpan,
  histogram,
  type RpcMethodSpans,
  rpcMethodSpans,
  serverCallContext,
} from '@medgrid/telemetry';
import { context, type Span, trace } from '@opentelemetry/api';
import { HealthImplementation } from 'grpc-health-check';
import { type CallContext, type UnaryHandlers } from './call-context';
import { CallMetrics, type MethodCalls } from './call-metrics';
import { type CallGuard } from './call-guard';
import { admitCertificate, certificateHolder } from './client-certificate';
import { statusForError } from './status-for-error';
import { admitDecodedRequest, type RequestLimits, tolerantDefinition } from './request-decoding';
import { rejectNulCharacters } from './nul-characters';
import { UnaryCallContext } from './unary-call-context';

/** medgrid_grpc_server_handled_total and medgrid_grpc_server_handling_seconds, by method. */
const callMetrics = new CallMetrics();
// A server stream lives as long as its caller listens: kept out of the latency histogram and its alert.
const streamDuration = histogram(
  'medgrid_grpc_server_stream_seconds',
  'How long gRPC server streams stayed open',
  ['method'],
  [1, 10, 60, 300, 1800, 3600, 4 * 3600, 12 * 3600],
);

/** Why a server stream stopped before its handler finished. */
const SHUTDOWN = new Error('server shutting down');

/** A method as the server serves it: its path, its spans' names and attributes, its RED figures, its handler. */
interface Served<H> {
  readonly path: string;
  readonly spans: RpcMethodSpans;
  readonly calls: MethodCalls;
  readonly handler: H;
}
type UnaryHandler = (request: unknown, context: CallContext) => Promise<unknown>;
type StreamHandler = (request: unknown, context: CallContext) => AsyncIterable<unknown>;

export interface GrpcServerSettings {
  host: string;
  port: number;
  /** FileDescriptorSet of the contracts (DESCRIPTOR_SET_PATH): reflection serves the registered services from it. */
  descriptorSet: Buffer;
  /**
   * TLS instead of plaintext; with `clientCa`, mutual TLS: a client must present a certificate that CA issued, and
   * its holder must agree with the token of every call (admitCertificate).
   */
  tls?: { certChain: Buffer; privateKey: Buffer; clientCa?: Buffer };
}

/**
 * grpc-js server with the platform's behaviour around every unary handler:
 * caller identity from the `authorization` metadata, the service's call guard
 * (if any) on that identity, deadlines honoured,
 * errors mapped to status codes with google.rpc details, RED metrics. Serves
 * grpc.health.v1 and server reflection without authentication.
 */
export class GrpcServer {
  // Bulk imports send files of up to 50 MB; the grpc-js default is 4 MB. Each method has its own, lower limit
  // (addService's requestLimits), so only the methods that take a file take this much. Channelz statistics cost
  // every call a little CPU and a kilobyte, and nothing here reads them.
  private readonly server = new Server({
    'grpc.max_receive_message_length': 64 * 1024 * 1024,
    'grpc.enable_channelz': 0,
  });
  private readonly health = new HealthImplementation({ '': 'NOT_SERVING' });
  private readonly serviceNames: string[] = [];
  /** Open server streams, told to stop when the server stops so shutdown need not wait out its grace. */
  private readonly streams = new Set<AbortController>();
  private boundPort: number | undefined;
  /** The handlers as functions of their arguments alone, so context.with need not bind one for every call. */
  private readonly unaryInSpan = (
    served: Served<UnaryHandler>,
    call: ServerUnaryCall<unknown, unknown>,
    callback: sendUnaryData<unknown>,
    span: Span | undefined,
  ) => this.handleUnary(served, call, callback, span);
  private readonly streamInSpan = (
    served: Served<StreamHandler>,
    call: ServerWritableStream<unknown, unknown>,
    span: Span | undefined,
  ) => this.handleServerStream(served, call, span);

  constructor(
    private readonly settings: GrpcServerSettings,
    private readonly verifier: TokenVerifier,
    private readonly logger: Logger,
    private readonly guard?: CallGuard,
  ) {
    this.health.addToServer(this.server);
  }

  /**
   * Registers a service's handlers; `definition` is ts-proto's grpc-js definition. A method takes requests of up to
   * DEFAULT_REQUEST_LIMIT_BYTES (4 MB) unless `requestLimits` gives it more (a bulk import's file).
   */
  addService<D extends ServiceDefinition>(
    serviceName: string,
    definition: D,
    handlers: UnaryHandlers<D>,
    { requestLimits = {} }: { requestLimits?: RequestLimits<D> } = {},
  ): void {
    const implementation: UntypedServiceImplementation = {};
    for (const [methodName, method] of Object.entries(definition)) {
      const handler = handlers[methodName as keyof D] as unknown;
      const spans = rpcMethodSpans(method.path);
      const calls = callMetrics.method(method.path);
      if (method.responseStream) {
        const served: Served<StreamHandler> = {
          path: method.path,
          spans,
          calls,
          handler: handler as StreamHandler,
        };
        implementation[methodName] = (call: ServerWritableStream<unknown, unknown>) => {
          const traced = serverCallContext(spans, call.metadata);
          if (traced)
            void context.with(traced, this.streamInSpan, undefined, served, call, trace.getSpan(traced));
          else void this.handleServerStream(served, call, undefined);
        };
        continue;
      }
      const served: Served<UnaryHandler> = {
        path: method.path,
        spans,
        calls,
        handler: handler as UnaryHandler,
      };
      implementation[methodName] = (
        call: ServerUnaryCall<unknown, unknown>,
        callback: sendUnaryData<unknown>,
      ) => {
        // The call runs in its server span's context, so what it does (queries, logs' trace ids, the trace context
        // an outbox row keeps) belongs to the call's trace.
        const traced = serverCallContext(spans, call.metadata);
        if (traced)
          void context.with(
            traced,
            this.unaryInSpan,
            undefined,
            served,
            call,
            callback,
            trace.getSpan(traced),
          );
        else void this.handleUnary(served, call, callback, undefined);
      };
    }
    this.server.addService(tolerantDefinition(definition, requestLimits), implementation);
    this.serviceNames.push(serviceName);
    this.health.setStatus(serviceName, 'NOT_SERVING');
  }

  async start(): Promise<number> {
    // Reflection is added last so it can name exactly the services registered.
    new ReflectionService(reflectionPackage(this.settings.descriptorSet), {
      services: [...this.serviceNames],
    }).addToServer(this.server);
    this.boundPort = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(
        `${this.settings.host}:${this.settings.port}`,
        this.credentials(),
        (error, port) => (error ? reject(error) : resolve(port)),
      ),
    );
    this.setServing(true);
    this.logger.info({ port: this.boundPort }, 'gRPC server listening');
    return this.boundPort;
  }

  private credentials(): ServerCredentials {
    const tls = this.settings.tls;
    if (!tls) return ServerCredentials.createInsecure();
    return ServerCredentials.createSsl(
      tls.clientCa ?? null,
      [{ cert_chain: tls.certChain, private_key: tls.privateKey }],
      tls.clientCa !== undefined,
    );
  }

  /**
   * Hands a PERMISSION_DENIED of a verified caller to the guard (which audits it), unless the guard's own admit
   * refused it. A failure to record is logged; the caller is refused either way.
   */
  private async tellRefused(
    refusal: RefusalTracker,
    path: string,
    error: unknown,
    code: status | undefined,
  ): Promise<void> {
    if (code !== status.PERMISSION_DENIED || !refusal.identity || refusal.inGuard || !this.guard) return;
    try {
      await this.guard.refused(refusal.identity, path, (error as AppError).code);
    } catch (failure) {
      this.logger.error({ err: failure, method: path }, 'could not record a refused call');
    }
  }

  /** Under mutual TLS, the call's client certificate and its token must name the same institution. */
  private admitPeer(
    call: ServerUnaryCall<unknown, unknown> | ServerWritableStream<unknown, unknown>,
    identity: Identity,
  ) {
    if (this.settings.tls?.clientCa)
      admitCertificate(certificateHolder(call.getAuthContext().sslPeerCertificate), identity);
  }

  setServing(serving: boolean): void {
    const value = serving ? 'SERVING' : 'NOT_SERVING';
    this.health.setStatus('', value);
    for (const name of this.serviceNames) this.health.setStatus(name, value);
  }

  /** Stops taking calls, lets running ones finish for up to `graceMs`, then cuts the rest. */
  async stop(graceMs = 5000): Promise<void> {
    this.setServing(false);
    for (const stream of this.streams) stream.abort(SHUTDOWN);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  get port(): number | undefined {
    return this.boundPort;
  }

  /**
   * A server-streaming call: authenticated like a unary one, then every message
   * the handler yields is written with backpressure; the handler stops when the
   * caller cancels or its deadline passes. Errors end the stream with their status.
   */
  private async handleServerStream(
    { path, calls, handler }: Served<StreamHandler>,
    call: ServerWritableStream<unknown, unknown>,
    span: Span | undefined,
  ): Promise<void> {
    let details: string | undefined;
    const stopTimer = streamDuration.startTimer({ method: path });
    const abort = new AbortController();
    this.streams.add(abort);
    call.on('cancelled', () => abort.abort(new Error('cancelled by the caller')));
    const deadline = deadlineOf(call);
    const deadlineTimer = deadline
      ? setTimeout(
          () => abort.abort(new Error('deadline exceeded')),
          Math.max(0, deadline.getTime() - Date.now()),
        )
      : undefined;
    // A stream the caller hangs up on, or whose deadline passes, has done its job: OK in the
    // RED metrics, so watchers that come and go do not read as failures.
    let code: status = status.OK;
    const refusal = new RefusalTracker();
    try {
      const { identity, expiresAt: tokenExpiresAt } = await this.verifier.verifyToken(authorizationOf(call));
      refusal.identity = identity;
      this.admitPeer(call, identity);
      if (this.guard) await refusal.guarding(this.guard, identity, path);
      admitDecodedRequest(call.request);
      rejectNulCharacters(call.request);
      const callContext = {
        identity,
        tokenExpiresAt,
        deadline,
        signal: abort.signal,
        metadata: call.metadata,
      };
      for await (const message of handler(call.request, callContext)) {
        if (abort.signal.aborted) break;
        if (!call.write(message)) await drained(call, abort.signal);
      }
      if (abort.signal.reason === SHUTDOWN) {
        // The caller reconnects (to another replica) and resumes after the last change it saw.
        code = status.UNAVAILABLE;
        details = 'server shutting down; reconnect';
        call.emit('error', { code, details });
      } else if (!abort.signal.aborted) call.end();
    } catch (error) {
      const mapped = statusForError(error);
      code = mapped.code ?? status.UNKNOWN;
      details = mapped.details;
      if (code === status.INTERNAL) this.logger.error({ err: error, method: path }, 'gRPC stream failed');
      await this.tellRefused(refusal, path, error, code);
      if (!call.cancelled) call.emit('error', mapped);
    } finally {
      this.streams.delete(abort);
      clearTimeout(deadlineTimer);
      calls.counted(code);
      stopTimer();
      if (span) endRpcSpan(span, code, details);
    }
  }

  private async handleUnary(
    { path, calls, handler }: Served<UnaryHandler>,
    call: ServerUnaryCall<unknown, unknown>,
    callback: sendUnaryData<unknown>,
    span: Span | undefined,
  ): Promise<void> {
    const started = performance.now();
    const finish = (code: status, details?: string) => {
      calls.answered(code, (performance.now() - started) / 1000);
      if (span) endRpcSpan(span, code, details);
    };
    const deadline = deadlineOf(call);
    if (deadline && deadline.getTime() <= Date.now()) {
      const details = 'deadline already passed on arrival';
      finish(status.DEADLINE_EXCEEDED, details);
      callback({ code: status.DEADLINE_EXCEEDED, details });
      return;
    }
    let callContext: UnaryCallContext | undefined;
    const refusal = new RefusalTracker();
    try {
      // A remembered token and a cached standing are answered at once: the call awaits only the verifier's
      // signature check or the guard's directory.
      const authorization = authorizationOf(call);
      const { identity, expiresAt: tokenExpiresAt } =
        this.verifier.remembered(authorization) ?? (await this.verifier.verifyToken(authorization));
      refusal.identity = identity;
      this.admitPeer(call, identity);
      if (this.guard && !this.guard.admitsAtOnce(identity, path))
        await refusal.guarding(this.guard, identity, path);
      admitDecodedRequest(call.request);
      rejectNulCharacters(call.request);
      callContext = new UnaryCallContext(identity, tokenExpiresAt, deadline, call);
      const response = await handler(call.request, callContext);
      const stopped = callContext.stopped();
      if (stopped !== undefined) {
        finish(status.DEADLINE_EXCEEDED, stopped);
        callback({ code: status.DEADLINE_EXCEEDED, details: stopped });
        return;
      }
      finish(status.OK);
      callback(null, response);
    } catch (error) {
      const mapped = statusForError(error);
      if (mapped.code === status.INTERNAL)
        this.logger.error({ err: error, method: path }, 'gRPC handler failed');
      await this.tellRefused(refusal, path, error, mapped.code);
      finish(mapped.code ?? status.UNKNOWN, mapped.details);
      callback(mapped);
    } finally {
      callContext?.release();
    }
  }
}

/**
 * What a call knew when it was refused: the verified caller, if the token got that far, and whether the refusal came
 * from the guard's admit, which records its own.
 */
class RefusalTracker {
  identity: Identity | undefined;
  inGuard = false;

  async guarding(guard: CallGuard, identity: Identity, method: string): Promise<void> {
    this.inGuard = true;
    await guard.admit(identity, method);
    this.inGuard = false;
  }
}

/** The call's `authorization` metadata as it arrived, if it is text. */
function authorizationOf(
  call: ServerUnaryCall<unknown, unknown> | ServerWritableStream<unknown, unknown>,
): string | undefined {
  const authorization = call.metadata.get('authorization')[0];
  return typeof authorization === 'string' ? authorization : undefined;
}

/** The caller's deadline as an instant; undefined when it set none (grpc-js reports Infinity). */
function deadlineOf(
  call: ServerUnaryCall<unknown, unknown> | ServerWritableStream<unknown, unknown>,
): Date | undefined {
  const deadline = call.getDeadline();
  if (deadline instanceof Date) return deadline;
  return Number.isFinite(deadline) ? new Date(deadline) : undefined;
}

/** Resolves once the stream can take more (or at once), so a slow reader slows the producer. */
function drained(call: ServerWritableStream<unknown, unknown>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    call.once('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The files of the contracts' descriptor set as @grpc/reflection reads them.
 * Going through proto-loader would rebuild the descriptors without their
 * import lists, and clients such as grpcurl then cannot resolve
 * google.protobuf.Timestamp (grpc-node#2958); buf's files keep them.
 */
function reflectionPackage(descriptorSet: Buffer): PackageDefinition {
  const files = fromBinary(FileDescriptorSetSchema, descriptorSet).file.map((file) =>
    Buffer.from(toBinary(FileDescriptorProtoSchema, file)),
  );
  return {
    contracts: { format: 'medgrid descriptor set', fileDescriptorProtos: files },
  } as unknown as PackageDefinition;
}
