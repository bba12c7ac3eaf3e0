import {
  type FirstContactFigures,
  type PrescribingFigures,
  type RecognitionFigures,
  type SettlementRun,
} from '../api/portal-types';
import { type TargetStatus } from './reserve-ratio';

/** The national goal: at least 70% of first contacts at primary level. */
export const FIRST_CONTACT_TARGET_BP = 7_000;
/** Guangzhou's recognition rate after look-up (the recognition-rate alert's threshold). */
export const RECOGNITION_TARGET_BP = 9_000;
/** Half of catalogued lines: the platform's reading of "essential medicines first" (the essential-share alert's). */
export const ESSENTIAL_SHARE_TARGET_BP = 5_000;

/** Which institutions a scope holds; the services' figures are per institution. */
export type InScope = (institutionId: string) => boolean;

/** A part of a whole in basis points, rounded down as the services round an achieved share; null of nothing. */
export function shareBp(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 10_000) / whole) : null;
}

export function statusAgainst(actualBp: number | null, targetBp: number): TargetStatus {
  if (actualBp === null) return 'no-data';
  return actualBp >= targetBp ? 'met' : 'below';
}

const sum = <T>(rows: readonly T[], pick: (row: T) => number | undefined) =>
  rows.reduce((total, row) => total + (pick(row) ?? 0), 0);

/** A scope's first contacts: the shares of the sums, never an average of institutions' shares. */
export function firstContactsIn(figures: readonly FirstContactFigures[], inScope: InScope) {
  const rows = figures.filter((f) => f.institutionId && inScope(f.institutionId));
  const firstContacts = sum(rows, (f) => f.firstContacts);
  const primary = sum(rows, (f) => f.primaryFirstContacts);
  const shareBpValue = shareBp(primary, firstContacts);
  return {
    firstContacts,
    primary,
    referredVisits: sum(rows, (f) => f.referredVisits),
    shareBp: shareBpValue,
    status: statusAgainst(shareBpValue, FIRST_CONTACT_TARGET_BP),
  };
}

/** A scope's look-ups: the rate is results reused among look-ups decided (reused or ordered anyway). */
export function recognitionIn(figures: readonly RecognitionFigures[], inScope: InScope) {
  const rows = figures.filter((f) => f.institutionId && inScope(f.institutionId));
  const reused = sum(rows, (f) => f.reused);
  const orderedAnyway = sum(rows, (f) => f.orderedAnyway);
  const rateBp = shareBp(reused, reused + orderedAnyway);
  return {
    lookups: sum(rows, (f) => f.lookups),
    reused,
    orderedAnyway,
    rateBp,
    status: statusAgainst(rateBp, RECOGNITION_TARGET_BP),
  };
}

/** A scope's prescribing: essential and volume-based lines among catalogued lines. */
export function prescribingIn(figures: readonly PrescribingFigures[], inScope: InScope) {
  const rows = figures.filter((f) => f.institutionId && inScope(f.institutionId));
  const lines = sum(rows, (f) => f.lines);
  const essentialShareBp = shareBp(
    sum(rows, (f) => f.essentialLines),
    lines,
  );
  return {
    checks: sum(rows, (f) => f.checks),
    lines,
    essentialShareBp,
    volumeBasedShareBp: shareBp(
      sum(rows, (f) => f.volumeBasedLines),
      lines,
    ),
    longAccepted: sum(rows, (f) => f.longPrescriptionsAccepted),
    status: statusAgainst(essentialShareBp, ESSENTIAL_SHARE_TARGET_BP),
  };
}

const fen = (amount: string | number | undefined) => BigInt(amount ?? 0);

/**
 * Settled months' spend against their budgets, summed over groups in integer fen: what the fund paid, the budget,
 * and the balance (a surplus when the budget was not used up).
 */
export function spendAgainstBudget(runs: readonly SettlementRun[]) {
  const budget = runs.reduce((total, run) => total + fen(run.budget), 0n);
  const spent = runs.reduce((total, run) => total + fen(run.fundPaid), 0n);
  const overspentGroups = runs.filter((run) => run.balance?.kind === 'OVERSPEND').length;
  const status: TargetStatus = runs.length === 0 ? 'no-data' : overspentGroups === 0 ? 'met' : 'below';
  return {
    groups: runs.length,
    budget,
    spent,
    balance: budget - spent,
    overspentGroups,
    consumedBp: budget > 0n ? Number((spent * 10_000n) / budget) : null,
    status,
  };
}
