/** Remembers which entity a create request made, so a retried request returns it. */
export interface ClientRequestLog {
  /** Serialises concurrent requests with the same id, then returns the id they created, if any. */
  recall(operation: string, clientRequestId: string): Promise<string | null>;
  remember(operation: string, clientRequestId: string, resultId: string): Promise<void>;
}

export const CLIENT_REQUEST_LOG = Symbol('CLIENT_REQUEST_LOG');
