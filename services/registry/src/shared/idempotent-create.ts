import { type ClientRequestLog } from './client-request-log';
import { RegistryError, RegistryErrorCode } from './registry-error';

/**
 * Runs a create once per client request id (inside the caller's
 * transaction): a retry gets what the first attempt made.
 */
export async function idempotentCreate<T>(
  log: ClientRequestLog,
  operation: string,
  clientRequestId: string,
  load: (id: string) => Promise<T | null>,
  create: () => Promise<{ id: string; result: T }>,
): Promise<T> {
  const previous = await log.recall(operation, clientRequestId);
  if (previous) {
    const existing = await load(previous);
    if (!existing) {
      throw new RegistryError(
        RegistryErrorCode.RequestIdReused,
        'this client request id was used for something else',
      );
    }
    return existing;
  }
  const { id, result } = await create();
  await log.remember(operation, clientRequestId, id);
  return result;
}
