import { type Adjudication } from '../../claims/domain/adjudication';
import { type ClaimVersion } from '../../claims/domain/claim-record';
import { type SettlementPeriod } from '../../common/domain/effective-period';

/** A claim's version in force, as its settlement reads it. */
export interface ClaimToSettle {
  readonly claimId: string;
  readonly version: ClaimVersion;
  readonly adjudication: Adjudication;
}

/** The adjudicated claims a group's period settles: each claim by its version in force (a correction replaces). */
export abstract class ClaimsToSettle {
  abstract inForce(groupId: string, period: SettlementPeriod): Promise<readonly ClaimToSettle[]>;
}
