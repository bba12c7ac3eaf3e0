import { type SettlementPeriod } from '../../common/domain/effective-period';
import { type ClaimFigures } from './settled-claim';

/** The claim versions a run counted: how many, and an order-free checksum of their ids and versions. */
export interface CountedClaims {
  readonly claims: number;
  /** 16 hex digits: the XOR of a 64-bit hash of each (claim id, version in force). */
  readonly checksum: string;
}

/** A group's period's claims in force, summed by what their settlement needs (ClaimFigures), and what was counted. */
export interface PeriodFigures {
  /** In key order (institution, level, encounter, disease group, referral): the same claims give the same rows. */
  readonly rows: readonly ClaimFigures[];
  readonly counted: CountedClaims;
}

/**
 * The adjudicated claims a group's period settles, each claim by its version in force (a correction replaces),
 * summed in the store: a run holding the period's lock reads exactly the versions in force at its commit.
 */
export abstract class ClaimsToSettle {
  abstract figuresInForce(groupId: string, period: SettlementPeriod): Promise<PeriodFigures>;
}
