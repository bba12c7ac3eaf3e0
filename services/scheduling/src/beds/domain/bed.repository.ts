import { type Pool } from '../../booking/domain/pool';
import { type AdmissionSnapshot, type AdmissionStatus } from './admission';
import { type BedPlan, type WardSnapshot, type WardView } from './ward';

/** The last admission of a page in queue order. */
export interface AdmissionCursor {
  readonly queueRank: number;
  readonly requestedAt: Date;
  readonly id: string;
}

/** Wards, their beds and admissions. A bed is claimed by one statement, never by a counter. */
export abstract class BedRepository {
  /** Stores a ward and its beds; a name the hospital already uses is refused. */
  abstract insertWard(ward: WardSnapshot, beds: readonly BedPlan[]): Promise<void>;
  abstract viewWard(id: string): Promise<WardView | null>;
  abstract insertAdmission(admission: AdmissionSnapshot): Promise<void>;
  abstract findAdmission(id: string, lock: boolean): Promise<AdmissionSnapshot | null>;
  /** Stores a changed admission if it is still at `readVersion`, the version read (else VERSION_CONFLICT). */
  abstract updateAdmission(admission: AdmissionSnapshot, readVersion: number): Promise<void>;
  /** Takes the first free bed of the first pool that has one; null when every bed is taken. */
  abstract claimBed(
    wardId: string,
    pools: readonly Pool[],
    admissionId: string,
  ): Promise<{ bedCode: string; pool: Pool } | null>;
  abstract freeBed(wardId: string, admissionId: string): Promise<void>;
  abstract listAdmissions(q: {
    wardId: string;
    statuses: readonly AdmissionStatus[];
    after: AdmissionCursor | null;
    limit: number;
  }): Promise<AdmissionSnapshot[]>;
}
