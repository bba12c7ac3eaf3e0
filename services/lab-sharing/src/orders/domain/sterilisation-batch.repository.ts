import {
  type SterilisationBatch,
  type SterilisationBatchSnapshot,
  type SterilisationStatus,
} from './sterilisation-batch';

/** Whose batches a list reads: a centre's or a sending institution's. */
export type SterilisationBatchOwner =
  { readonly centreId: string } | { readonly sendingInstitutionId: string };

/** Keyset position of a page: the last batch of the previous one (newest first). */
export interface SterilisationBatchCursor {
  readonly sentAt: Date;
  readonly id: string;
}

/** Persistence port of the sterilisation batch. */
export abstract class SterilisationBatchRepository {
  abstract insert(batch: SterilisationBatch): Promise<void>;
  /** With `forUpdate`, inside a transaction, the row stays locked until it ends. */
  abstract findById(id: string, forUpdate: boolean): Promise<SterilisationBatch | null>;
  /** Stores a changed batch if it is still at `readVersion`, the version read (else VERSION_CONFLICT). */
  abstract update(batch: SterilisationBatch, readVersion: number): Promise<void>;
  /** Newest sent first, then by id, after the cursor. */
  abstract list(
    owner: SterilisationBatchOwner,
    status: SterilisationStatus | null,
    after: SterilisationBatchCursor | null,
    limit: number,
  ): Promise<SterilisationBatchSnapshot[]>;
}
