import { type Fen, shareBp } from '../../common/fen';
import { type PrescriptionCheck } from './prescription-check';

/** An institution's prescribing over a period, from its recorded checks. */
export interface PrescribingStatistics {
  readonly institutionId: string;
  readonly checks: number;
  /** Lines whose drug is in the catalogue. */
  readonly lines: number;
  readonly essentialLines: number;
  readonly volumeBasedLines: number;
  readonly amountFen: Fen;
  readonly essentialAmountFen: Fen;
  readonly volumeBasedAmountFen: Fen;
  /** Shares in basis points, rounded down; null with no line. */
  readonly essentialShareBp: number | null;
  readonly volumeBasedShareBp: number | null;
  readonly essentialAmountShareBp: number | null;
  readonly volumeBasedAmountShareBp: number | null;
  /** Checks that gave a long prescription the patient may have. */
  readonly longPrescriptions: number;
}

/**
 * The share of essential medicines (基本药物) and of volume-based procurement drugs in what an institution
 * prescribes, by lines and by amount at the group's prices, and the long prescriptions it issued: what the city
 * watches of essential-first and of national procurement, one entry per institution (by id). Lines of drugs not in
 * the catalogue count in neither.
 */
export function prescribingStatistics(checks: readonly PrescriptionCheck[]): PrescribingStatistics[] {
  const byInstitution = new Map<string, PrescriptionCheck[]>();
  for (const check of checks) {
    byInstitution.set(check.institutionId, [...(byInstitution.get(check.institutionId) ?? []), check]);
  }
  return [...byInstitution.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([institutionId, own]) => statisticsOf(institutionId, own));
}

function statisticsOf(institutionId: string, checks: readonly PrescriptionCheck[]): PrescribingStatistics {
  const lines = checks.flatMap((check) => check.lines).filter((line) => line.drug !== null);
  const count = (pick: (essential: boolean, volumeBased: boolean) => boolean) =>
    lines.filter((line) => line.drug && pick(line.drug.essential, line.drug.volumeBased));
  const sum = (of: typeof lines) => of.reduce((total, line) => total + line.amountFen, 0);
  const essential = count((e) => e);
  const volumeBased = count((_, v) => v);
  const amountFen = sum(lines);
  return {
    institutionId,
    checks: checks.length,
    lines: lines.length,
    essentialLines: essential.length,
    volumeBasedLines: volumeBased.length,
    amountFen,
    essentialAmountFen: sum(essential),
    volumeBasedAmountFen: sum(volumeBased),
    essentialShareBp: shareBp(essential.length, lines.length),
    volumeBasedShareBp: shareBp(volumeBased.length, lines.length),
    essentialAmountShareBp: shareBp(sum(essential), amountFen),
    volumeBasedAmountShareBp: shareBp(sum(volumeBased), amountFen),
    longPrescriptions: checks.filter((check) => check.longPrescription).length,
  };
}
