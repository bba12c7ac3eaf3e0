import { DrugCatalogue } from '../../catalogue/domain/drug-catalogue';
import { type Drug } from '../../catalogue/domain/drug';
import { type Fen } from '../../common/fen';
import { type InstitutionLevel } from '../../common/institution-level';
import { type ChronicDiseaseList, DEFAULT_CHRONIC_DISEASES } from './chronic-disease-list';
import {
  type DaysOfSupplyVerdict,
  judgeDaysOfSupply,
  LONG_PRESCRIPTION_BAR_TEXT,
  type SupplyPatient,
} from './days-of-supply';
import { DEFAULT_SUPPLY_RULES, type SupplyRules } from './supply-rules';

/** What a prescription check reads of the catalogue: the drug in force, and the others of its generic and form. */
export interface PrescribingCatalogue {
  drugAt(code: string, at: Date): Drug | undefined;
  sameGenericAndFormAt(drug: Drug, at: Date): Drug[];
}

export interface PrescriptionLine {
  readonly drugCode: string;
  /** Packs. */
  readonly quantity: number;
  readonly daysOfSupply: number;
}

export interface PrescriptionToCheck {
  /** The prescribing institution, and its level as the registry announced it. */
  readonly institutionId: string;
  readonly institutionLevel: InstitutionLevel;
  readonly patient: SupplyPatient;
  readonly lines: readonly PrescriptionLine[];
}

/** A refusal stops the line (the HIS must change it); a warning asks the prescriber to look; a note informs. */
export type FindingSeverity = 'refusal' | 'warning' | 'note';

export type FindingCode =
  | 'NOT_IN_CATALOGUE'
  | 'NOT_ALLOWED_AT_LEVEL'
  | 'ESSENTIAL_ALTERNATIVE'
  | 'INVALID_DAYS_OF_SUPPLY'
  | 'DAYS_OF_SUPPLY_OVER_MAXIMUM'
  | 'DAYS_OF_SUPPLY_CAPPED'
  | 'LONG_PRESCRIPTION';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** The request field it is about: `lines[2].drugCode`, `lines[2].daysOfSupply`. */
  readonly field: string;
  readonly message: string;
  /** ESSENTIAL_ALTERNATIVE: the essential drug to consider instead. */
  readonly alternativeCode?: string;
  /** Days findings: the days this patient may have. */
  readonly allowedDays?: number;
}

export interface LineCheck {
  readonly drugCode: string;
  /** The drug in force, when the catalogue has it. */
  readonly drug: Drug | null;
  readonly days: DaysOfSupplyVerdict;
  readonly findings: readonly Finding[];
  /** quantity × the group's price in force; 0 for a drug not in the catalogue. */
  readonly amountFen: Fen;
}

export interface PrescriptionCheck {
  readonly institutionId: string;
  readonly lines: readonly LineCheck[];
  /** `refused` when any line has a refusal, `warned` when any has a warning, `passed` otherwise. */
  readonly outcome: 'passed' | 'warned' | 'refused';
  /** Some line gives a long prescription the patient may have. */
  readonly longPrescription: boolean;
  readonly checkedAt: Date;
}

/**
 * CheckPrescription's rules, line by line: the drug is in the group's catalogue at the instant and allowed at the
 * prescribing institution's level; a non-essential drug for which an essential drug of the same generic and form is
 * in the catalogue (and allowed at the level) is flagged with that alternative, essential medicines first
 * (基本药物优先); the days of supply are judged by the one days-of-supply rule (judgeDaysOfSupply). A check
 * advises: it refuses nothing itself, it says what the HIS must not save.
 */
export function checkPrescription(
  prescription: PrescriptionToCheck,
  catalogue: PrescribingCatalogue,
  at: Date,
  rules: SupplyRules = DEFAULT_SUPPLY_RULES,
  diseaseList: ChronicDiseaseList = DEFAULT_CHRONIC_DISEASES,
): PrescriptionCheck {
  const lines = prescription.lines.map((line, index) =>
    checkLine(line, `lines[${index}]`, prescription, catalogue, at, rules, diseaseList),
  );
  const severities = lines.flatMap((line) => line.findings.map((finding) => finding.severity));
  return {
    institutionId: prescription.institutionId,
    lines,
    outcome: severities.includes('refusal')
      ? 'refused'
      : severities.includes('warning')
        ? 'warned'
        : 'passed',
    longPrescription: lines.some((line) => line.days.kind === 'long'),
    checkedAt: at,
  };
}

function checkLine(
  line: PrescriptionLine,
  path: string,
  prescription: PrescriptionToCheck,
  catalogue: PrescribingCatalogue,
  at: Date,
  rules: SupplyRules,
  diseaseList: ChronicDiseaseList,
): LineCheck {
  const findings: Finding[] = [];
  const drug = catalogue.drugAt(line.drugCode, at) ?? null;
  const level = prescription.institutionLevel;
  if (!drug) {
    findings.push({
      code: 'NOT_IN_CATALOGUE',
      severity: 'refusal',
      field: `${path}.drugCode`,
      message: `drug ${line.drugCode} is not in the group's catalogue`,
    });
  } else {
    if (!DrugCatalogue.allowedAt(drug, level)) {
      findings.push({
        code: 'NOT_ALLOWED_AT_LEVEL',
        severity: 'refusal',
        field: `${path}.drugCode`,
        message: `${drug.genericName} ${drug.strength} is for ${drug.levels.join(', ')} institutions, not ${level}`,
      });
    }
    const alternative = drug.essential ? undefined : essentialAlternative(drug, level, catalogue, at);
    if (alternative) {
      findings.push({
        code: 'ESSENTIAL_ALTERNATIVE',
        severity: 'warning',
        field: `${path}.drugCode`,
        message: `an essential medicine of the same generic and form is in the catalogue: ${alternative.code} (${alternative.strength}, ${alternative.manufacturer})`,
        alternativeCode: alternative.code,
      });
    }
  }
  const days = judgeDaysOfSupply(line.daysOfSupply, prescription.patient, rules, diseaseList);
  const daysFinding = findingOfDays(days, `${path}.daysOfSupply`, rules);
  if (daysFinding) findings.push(daysFinding);
  return {
    drugCode: line.drugCode,
    drug,
    days,
    findings,
    amountFen:
      drug && Number.isSafeInteger(line.quantity) && line.quantity > 0
        ? drug.unifiedPriceFen * line.quantity
        : 0,
  };
}

/**
 * The essential drug to suggest instead of a non-essential one: of the same generic and form, in force and allowed
 * at the level; the same strength first, then a volume-based winner, then the lowest price, then the code.
 */
export function essentialAlternative(
  drug: Drug,
  level: InstitutionLevel,
  catalogue: PrescribingCatalogue,
  at: Date,
): Drug | undefined {
  return catalogue
    .sameGenericAndFormAt(drug, at)
    .filter((other) => other.essential && DrugCatalogue.allowedAt(other, level))
    .sort(
      (a, b) =>
        Number(b.strength === drug.strength) - Number(a.strength === drug.strength) ||
        Number(b.volumeBased) - Number(a.volumeBased) ||
        a.unifiedPriceFen - b.unifiedPriceFen ||
        a.code.localeCompare(b.code),
    )[0];
}

function findingOfDays(days: DaysOfSupplyVerdict, field: string, rules: SupplyRules): Finding | null {
  const why = days.bars.map((bar) => LONG_PRESCRIPTION_BAR_TEXT[bar]).join('; ');
  switch (days.kind) {
    case 'ordinary':
      return null;
    case 'invalid':
      return {
        code: 'INVALID_DAYS_OF_SUPPLY',
        severity: 'refusal',
        field,
        message: 'a whole number of days, at least 1',
        allowedDays: days.allowedDays,
      };
    case 'long':
      return {
        code: 'LONG_PRESCRIPTION',
        severity: 'note',
        field,
        message: `a long prescription of ${days.requestedDays} days (more than ${rules.ordinaryMaxDays})`,
        allowedDays: days.allowedDays,
      };
    case 'capped':
      return {
        code: 'DAYS_OF_SUPPLY_CAPPED',
        severity: 'refusal',
        field,
        message: `at most ${days.allowedDays} days: ${why}`,
        allowedDays: days.allowedDays,
      };
    case 'over-maximum':
      return {
        code: 'DAYS_OF_SUPPLY_OVER_MAXIMUM',
        severity: 'refusal',
        field,
        message: `${days.requestedDays} days is over the maximum of ${rules.longMaxDays}; at most ${days.allowedDays} for this patient`,
        allowedDays: days.allowedDays,
      };
  }
}
