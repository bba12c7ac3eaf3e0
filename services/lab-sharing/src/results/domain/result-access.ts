import { type Role } from '@medgrid/auth';
import { type DataClass, isSensitive } from '../../common/data-class';
import { type Observation } from '../../reporting/domain/observation';
import { type ResultRecordSnapshot } from './result-record';

/**
 * Why a result is read, from the call's `x-purpose`: care of the patient (诊疗), a referral's receiving hospital
 * reading what travels with the patient, the legal reporting of notifiable infectious diseases, quality control
 * of a centre's work, statistics. Anything else reads as `unspecified`.
 */
export const READ_PURPOSES = [
  'treatment',
  'referral',
  'public-health-reporting',
  'quality-control',
  'statistics',
] as const;
export type ReadPurpose = (typeof READ_PURPOSES)[number] | 'unspecified';

export function readPurposeOf(value: string | undefined): ReadPurpose {
  return (READ_PURPOSES as readonly string[]).includes(value ?? '') ? (value as ReadPurpose) : 'unspecified';
}

/**
 * Who may read the values of a sensitive result (数据分级分类): clinicians (primary and hospital staff, and a
 * partner system acting for its institution) caring for the patient or receiving them on referral; for
 * infectious-disease serology also for the notifiable-disease report. Administrators and city operators see that
 * a result exists, never its values. General results are open to any reader the access policy lets in.
 */
export const SENSITIVE_ACCESS: Readonly<
  Record<
    Exclude<DataClass, 'general'>,
    { readonly roles: readonly Role[]; readonly purposes: readonly ReadPurpose[] }
  >
> = {
  'infectious-disease': {
    roles: ['primary-staff', 'hospital-staff', 'partner-system'],
    purposes: ['treatment', 'referral', 'public-health-reporting'],
  },
  psychiatric: {
    roles: ['primary-staff', 'hospital-staff', 'partner-system'],
    purposes: ['treatment', 'referral'],
  },
};

export interface ResultReader {
  readonly role: Role;
  readonly purpose: ReadPurpose;
}

export function mayReadValues(dataClass: DataClass, reader: ResultReader): boolean {
  if (!isSensitive(dataClass)) return true;
  const rule = SENSITIVE_ACCESS[dataClass as Exclude<DataClass, 'general'>];
  return rule.roles.includes(reader.role) && rule.purposes.includes(reader.purpose);
}

/** An observation with its value withheld: the item and its name stay, so a reader knows what exists. */
export type MaskedObservation = Omit<Observation, 'value' | 'referenceRange' | 'flag'> & {
  readonly masked: true;
};

export type ResultView =
  | { readonly masked: false; readonly result: ResultRecordSnapshot }
  | {
      readonly masked: true;
      readonly dataClass: DataClass;
      readonly result: Omit<ResultRecordSnapshot, 'observations' | 'conclusion'> & {
        readonly observations: readonly MaskedObservation[];
        readonly conclusion: null;
      };
    };

/** The result as this reader may see it: whole, or with its values, flags and conclusion withheld. */
export function viewOf(result: ResultRecordSnapshot, reader: ResultReader): ResultView {
  if (mayReadValues(result.dataClass, reader)) return { masked: false, result };
  return {
    masked: true,
    dataClass: result.dataClass,
    result: {
      ...result,
      observations: result.observations.map((o) => ({
        itemCode: o.itemCode,
        nationalCode: o.nationalCode,
        loinc: o.loinc,
        name: o.name,
        masked: true as const,
      })),
      conclusion: null,
    },
  };
}
