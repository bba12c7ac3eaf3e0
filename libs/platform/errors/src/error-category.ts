/**
 * What kind of failure an error is, independent of transport. Every context's
 * error codes map to one of these; each transport maps these to its own
 * status (gRPC code, HTTP status, Kafka retry or dead letter).
 */
export type ErrorCategory =
  | 'invalid-argument'
  | 'not-found'
  | 'already-exists'
  | 'failed-precondition'
  | 'permission-denied'
  | 'unauthenticated'
  | 'resource-exhausted'
  | 'conflict'
  | 'unavailable';
