import { type Metadata, type ServerUnaryCall } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { type CallContext } from './call-context';

/** Why a unary call's signal aborted when its caller went away (one error for all: no stack per call). */
const CANCELLED = new Error('cancelled by the caller');
/** Why it aborted at the caller's deadline. */
const DEADLINE_EXCEEDED = new Error('deadline exceeded');

/**
 * A unary call's context. Few handlers read `signal`, so its AbortController, the 'cancelled' listener and the
 * deadline timer are made the first time one does, not for every call; whether anyone still waits for the
 * handler's answer is read from the call and the clock, which need none of them. `signal` is a getter of the
 * class: a handler passes the context on whole or destructures it (a spread copy would have no `signal`).
 */
export class UnaryCallContext implements CallContext {
  readonly metadata: Metadata;
  private abort: AbortController | undefined;
  private deadlineTimer: NodeJS.Timeout | undefined;
  private onCancelled: (() => void) | undefined;
  private released = false;

  constructor(
    readonly identity: Identity,
    readonly tokenExpiresAt: Date,
    readonly deadline: Date | undefined,
    private readonly call: ServerUnaryCall<unknown, unknown>,
  ) {
    this.metadata = call.metadata;
  }

  get signal(): AbortSignal {
    this.abort ??= this.listen();
    return this.abort.signal;
  }

  /**
   * Why the handler's answer would reach no one: the caller hung up or its deadline passed (the call is then
   * answered DEADLINE_EXCEEDED); undefined while the caller waits.
   */
  stopped(now = Date.now()): string | undefined {
    if (this.abort?.signal.aborted) return (this.abort.signal.reason as Error).message;
    if (this.call.cancelled) return CANCELLED.message;
    if (this.deadline && now >= this.deadline.getTime()) return DEADLINE_EXCEEDED.message;
    return undefined;
  }

  /**
   * Stops listening once the call is answered: grpc-js reports 'cancelled' after every call it has answered too,
   * and a finished call must make no abort.
   */
  release(): void {
    this.released = true;
    clearTimeout(this.deadlineTimer);
    if (this.onCancelled) this.call.off('cancelled', this.onCancelled);
  }

  private listen(): AbortController {
    const abort = new AbortController();
    // Read after the call was answered (work the handler left running): nothing to listen for any more, as with
    // a signal read before.
    if (this.released) return abort;
    if (this.call.cancelled) {
      abort.abort(CANCELLED);
      return abort;
    }
    const remaining = this.deadline ? this.deadline.getTime() - Date.now() : Infinity;
    if (remaining <= 0) {
      abort.abort(DEADLINE_EXCEEDED);
      return abort;
    }
    this.onCancelled = () => abort.abort(CANCELLED);
    this.call.on('cancelled', this.onCancelled);
    if (remaining !== Infinity)
      this.deadlineTimer = setTimeout(() => abort.abort(DEADLINE_EXCEEDED), remaining);
    return abort;
  }
}
