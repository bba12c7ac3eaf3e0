export { ClientRequestOrmEntity } from './client-request.orm-entity';
export { CreateClientRequestLog1733500000001 } from './client-request.migration';
export { type ClientRequest, clientRequestGuard, clientRequestOf, ClientRequests } from './client-requests';
export { fingerprintOf } from './fingerprint';
export { IdempotencyError, IdempotencyErrorCode } from './idempotency-error';
