import { SchedulingError, SchedulingErrorCode } from './scheduling-error';

/** Remembers the answer to a write by its client request id (idempotent retries). */
export abstract class ClientRequestLog {
  /** The earlier result id, or null after recording this request as new (serialised per id). */
  abstract claim(operation: string, clientRequestId: string, resultId: string): Promise<string | null>;

  /**
   * For a write on an existing thing: true when this request already ran on it (a retry, to be
   * answered with the current state); refuses an id that was used on something else.
   */
  async isRetryOn(operation: string, clientRequestId: string, targetId: string): Promise<boolean> {
    const earlier = await this.claim(operation, clientRequestId, targetId);
    if (earlier === null) return false;
    if (earlier !== targetId) {
      throw new SchedulingError(
        SchedulingErrorCode.RequestReused,
        'this client request id was used for another request',
        'clientRequestId',
      );
    }
    return true;
  }
}
