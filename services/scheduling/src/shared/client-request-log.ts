/** Remembers the answer to a write by its client request id (idempotent retries). */
export abstract class ClientRequestLog {
  /** The earlier result id, or null after recording this request as new (serialised per id). */
  abstract claim(operation: string, clientRequestId: string, resultId: string): Promise<string | null>;
}
