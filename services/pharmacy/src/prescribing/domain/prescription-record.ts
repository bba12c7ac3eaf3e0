import { type Fen } from '../../common/fen';
import { type DaysOfSupplyVerdict } from './days-of-supply';
import { type FindingCode, type LineCheck, type PrescriptionCheck } from './prescription-check';

/** What became of days beyond the ordinary limit: a long prescription accepted, or held to what the patient may have. */
export type LongPrescriptionOutcome = 'accepted' | 'capped';

/** One line as recorded: what the statistics and an inquiry need, not the drug's whole entry. */
export interface RecordedLine {
  readonly drugCode: string;
  /** False for a drug not in the catalogue, which counts in no share. */
  readonly catalogued: boolean;
  /** 国家基本药物. */
  readonly essential: boolean;
  /** A national volume-based procurement (集采) winner. */
  readonly volumeBased: boolean;
  readonly daysOfSupply: number;
  /** Beyond the ordinary limit: accepted as a long prescription, or capped (not eligible, or over the maximum). */
  readonly longPrescription: LongPrescriptionOutcome | null;
  readonly amountFen: Fen;
  readonly findings: readonly FindingCode[];
}

/** A check's counts, summed when the statistics are asked; lines of drugs not in the catalogue count in none. */
export interface PrescribingTally {
  readonly checks: number;
  readonly lines: number;
  readonly essentialLines: number;
  readonly volumeBasedLines: number;
  readonly amountFen: Fen;
  readonly essentialAmountFen: Fen;
  readonly volumeBasedAmountFen: Fen;
  readonly longAccepted: number;
  readonly longCapped: number;
}

/** Who checked what for whom: the record of one CheckPrescription call. */
export interface PrescriptionCheckRecord {
  readonly id: string;
  readonly groupId: string;
  readonly institutionId: string;
  readonly prescriberSubject: string;
  readonly prescriberRole: string;
  readonly practitionerId: string | null;
  readonly patientResidentId: string;
  readonly checkedAt: Date;
  readonly outcome: PrescriptionCheck['outcome'];
  readonly lines: readonly RecordedLine[];
  /** This check's own counts, kept beside its lines so statistics sum columns instead of reading every line. */
  readonly tally: PrescribingTally;
}

export interface CheckContext {
  readonly id: string;
  readonly groupId: string;
  readonly prescriberSubject: string;
  readonly prescriberRole: string;
  readonly practitionerId: string | null;
  readonly patientResidentId: string;
}

export function longOutcomeOf(days: DaysOfSupplyVerdict): LongPrescriptionOutcome | null {
  switch (days.kind) {
    case 'long':
      return 'accepted';
    case 'capped':
    case 'over-maximum':
      return 'capped';
    case 'ordinary':
    case 'invalid':
      return null;
  }
}

function recordedLine(line: LineCheck): RecordedLine {
  return {
    drugCode: line.drugCode,
    catalogued: line.drug !== null,
    essential: line.drug?.essential ?? false,
    volumeBased: line.drug?.volumeBased ?? false,
    daysOfSupply: line.days.requestedDays,
    longPrescription: longOutcomeOf(line.days),
    amountFen: line.amountFen,
    findings: line.findings.map((finding) => finding.code),
  };
}

/** The counts of some recorded lines as one check's (checks: 1). */
export function tallyOfLines(lines: readonly RecordedLine[]): PrescribingTally {
  let tally: PrescribingTally = { ...EMPTY_TALLY, checks: 1 };
  for (const line of lines) {
    const catalogued = line.catalogued ? 1 : 0;
    const essential = line.catalogued && line.essential;
    const volumeBased = line.catalogued && line.volumeBased;
    tally = {
      ...tally,
      lines: tally.lines + catalogued,
      essentialLines: tally.essentialLines + (essential ? 1 : 0),
      volumeBasedLines: tally.volumeBasedLines + (volumeBased ? 1 : 0),
      amountFen: tally.amountFen + line.amountFen,
      essentialAmountFen: tally.essentialAmountFen + (essential ? line.amountFen : 0),
      volumeBasedAmountFen: tally.volumeBasedAmountFen + (volumeBased ? line.amountFen : 0),
      longAccepted: tally.longAccepted + (line.longPrescription === 'accepted' ? 1 : 0),
      longCapped: tally.longCapped + (line.longPrescription === 'capped' ? 1 : 0),
    };
  }
  return tally;
}

export const EMPTY_TALLY: PrescribingTally = {
  checks: 0,
  lines: 0,
  essentialLines: 0,
  volumeBasedLines: 0,
  amountFen: 0,
  essentialAmountFen: 0,
  volumeBasedAmountFen: 0,
  longAccepted: 0,
  longCapped: 0,
};

/** The record of a check, as CheckPrescription writes it. */
export function recordOfCheck(check: PrescriptionCheck, context: CheckContext): PrescriptionCheckRecord {
  const lines = check.lines.map(recordedLine);
  return {
    ...context,
    institutionId: check.institutionId,
    checkedAt: check.checkedAt,
    outcome: check.outcome,
    lines,
    tally: tallyOfLines(lines),
  };
}
