import { type InstitutionTally } from './prescribing-statistics';

/** Which recorded checks a statistics query counts: a period, and optionally one group or one institution. */
export interface TallyScope {
  /** Checks from this instant on, and before `until`. */
  readonly from: Date;
  readonly until: Date;
  readonly groupId: string | null;
  readonly institutionId: string | null;
}

/** The recorded prescription checks, read summed per institution. */
export abstract class PrescriptionCheckRecordRepository {
  /** Per institution with at least one check in the scope, its summed counts. */
  abstract tallies(scope: TallyScope): Promise<InstitutionTally[]>;
}
