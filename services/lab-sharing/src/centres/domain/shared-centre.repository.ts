import { type CentreKind } from '../../common/exam-kinds';
import { type SharedCentre } from './shared-centre';

/** Keyset position of a page of centres: the last centre of the previous page. */
export interface SharedCentreCursor {
  readonly name: string;
  readonly id: string;
}

export interface SharedCentreFilter {
  readonly groupId: string;
  readonly kind: CentreKind | null;
  /** Closed centres too. */
  readonly includeClosed: boolean;
}

/** Persistence port of the shared-centre aggregate. */
export abstract class SharedCentreRepository {
  /** The centre as stored now, or null when there is none of that id. */
  abstract findById(id: string): Promise<SharedCentre | null>;
  /** Inside a transaction: the centre, its row locked until the transaction ends. */
  abstract findForUpdate(id: string): Promise<SharedCentre | null>;
  abstract insert(centre: SharedCentre): Promise<void>;
  /** Stores a changed centre if it is still at `readVersion`, the version read (else VERSION_CONFLICT). */
  abstract update(centre: SharedCentre, readVersion: number): Promise<void>;
  /** A group's centres by name, then id, after the cursor. */
  abstract list(
    filter: SharedCentreFilter,
    after: SharedCentreCursor | null,
    limit: number,
  ): Promise<SharedCentre[]>;
}
