import { type UnitOfWork } from '@medgrid/database';
import { type ClientRequests } from '@medgrid/idempotency';
import { CriteriaRepository, type StoredCriteria } from '../domain/criteria.repository';
import { type DiseaseCriteriaInput } from '../domain/disease-criteria';

/** The catalogue's rows in memory, for unit specs about the catalogue's rules rather than SQL. */
export class InMemoryCriteria extends CriteriaRepository {
  readonly rows = new Map<string, StoredCriteria>();
  stateVersion = 0;

  version(): Promise<number> {
    return Promise.resolve(this.stateVersion);
  }
  all(): Promise<StoredCriteria[]> {
    return Promise.resolve([...this.rows.values()].sort((a, b) => (a.key < b.key ? -1 : 1)));
  }
  lockCatalogue(): Promise<number> {
    return this.version();
  }
  put(key: string, input: DiseaseCriteriaInput, now: Date): Promise<void> {
    this.rows.set(key, { key, input, updatedAt: now });
    return Promise.resolve();
  }
  remove(key: string): Promise<boolean> {
    return Promise.resolve(this.rows.delete(key));
  }
  bumpVersion(): Promise<void> {
    this.stateVersion++;
    return Promise.resolve();
  }
}

/** A unit of work that runs its work as it is: the in-memory rows need no transaction. */
export const inlineUnitOfWork = { run: <T>(work: () => Promise<T>) => work() } as unknown as UnitOfWork;

/**
 * Client requests each seen for the first time: retries are @medgrid/idempotency's to answer,
 * proven end to end, not the catalogue's rules.
 */
export const everyRequestNew = {
  createOnce: async <T>(_request: unknown, work: { create: () => Promise<{ result: T }> }) =>
    (await work.create()).result,
  isRetry: () => Promise.resolve(false),
} as unknown as ClientRequests;
