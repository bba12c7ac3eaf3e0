import { shareBp } from '@medgrid/kernel';
import { type InstitutionLevel } from '../../common/domain/insurance';

/**
 * The national goal for where residents go first when ill (居民两周患病首选基层): at least 70% of first contacts at
 * primary level, in basis points.
 */
export const FIRST_CONTACT_TARGET_BP = 7_000;

/** One institution's outpatient visits of a range, begun with or without a referral (one aggregate row each). */
export interface OutpatientTally {
  readonly institutionId: string;
  readonly groupId: string | null;
  readonly level: InstitutionLevel;
  readonly referred: boolean;
  readonly visits: number;
}

export interface FirstContactFigures {
  /** Empty in the total. */
  readonly institutionId: string;
  readonly groupId: string;
  /** Null in the total. */
  readonly level: InstitutionLevel | null;
  /** Outpatient visits without a referral: the resident chose where to go. */
  readonly firstContacts: number;
  /** Outpatient visits on a referral: the platform sent the patient, so not a first contact. */
  readonly referredVisits: number;
  readonly primaryFirstContacts: number;
  /** primaryFirstContacts among firstContacts, rounded down (an achieved share is never overstated). */
  readonly primaryShareBp: number | null;
}

export interface FirstContactStatistics {
  /** By institution id. */
  readonly figures: readonly FirstContactFigures[];
  readonly total: FirstContactFigures;
  readonly targetShareBp: number;
}

function figuresOf(
  institutionId: string,
  groupId: string,
  level: InstitutionLevel | null,
  tallies: readonly OutpatientTally[],
): FirstContactFigures {
  let firstContacts = 0;
  let referredVisits = 0;
  let primaryFirstContacts = 0;
  for (const tally of tallies) {
    if (tally.referred) {
      referredVisits += tally.visits;
      continue;
    }
    firstContacts += tally.visits;
    if (tally.level === 'primary') primaryFirstContacts += tally.visits;
  }
  return {
    institutionId,
    groupId,
    level,
    firstContacts,
    referredVisits,
    primaryFirstContacts,
    primaryShareBp: shareBp(primaryFirstContacts, firstContacts),
  };
}

/**
 * Each institution's first contacts and the share of all of them made at primary level. An institution's level is
 * the one its claims were adjudicated at; the total's share is of the sums, not an average of institutions' shares.
 */
export function firstContactStatistics(tallies: readonly OutpatientTally[]): FirstContactStatistics {
  const byInstitution = new Map<string, OutpatientTally[]>();
  for (const tally of tallies) {
    const rows = byInstitution.get(tally.institutionId) ?? [];
    rows.push(tally);
    byInstitution.set(tally.institutionId, rows);
  }
  const figures = [...byInstitution.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([institutionId, rows]) => figuresOf(institutionId, rows[0]!.groupId ?? '', rows[0]!.level, rows));
  return {
    figures,
    total: figuresOf('', '', null, tallies),
    targetShareBp: FIRST_CONTACT_TARGET_BP,
  };
}
