import { paymentV1 } from '@medgrid/contracts';
import { keyOf } from '@medgrid/kernel';
import { type EncounterKind, type InstitutionLevel, type Scheme } from '../domain/insurance';

const SCHEMES: Record<Scheme, paymentV1.Scheme> = {
  'urban-employee': paymentV1.Scheme.SCHEME_URBAN_EMPLOYEE,
  'urban-rural-resident': paymentV1.Scheme.SCHEME_URBAN_RURAL_RESIDENT,
};

const LEVELS: Record<InstitutionLevel, paymentV1.InstitutionLevel> = {
  primary: paymentV1.InstitutionLevel.INSTITUTION_LEVEL_PRIMARY,
  secondary: paymentV1.InstitutionLevel.INSTITUTION_LEVEL_SECONDARY,
  tertiary: paymentV1.InstitutionLevel.INSTITUTION_LEVEL_TERTIARY,
};

const ENCOUNTERS: Record<EncounterKind, paymentV1.EncounterKind> = {
  outpatient: paymentV1.EncounterKind.ENCOUNTER_KIND_OUTPATIENT,
  inpatient: paymentV1.EncounterKind.ENCOUNTER_KIND_INPATIENT,
};

/**
 * A request's enum as the domain's value; UNSPECIFIED (or a number added since) reads as an empty string, which the
 * domain's checks refuse naming the field (`rows[3].scheme`), with every other bad field of the request.
 */
export function enumFromProto<K extends string, V>(table: Readonly<Record<K, V>>): (value: V) => K {
  const read = keyOf(table);
  return (value) => read(value) ?? ('' as K);
}

export const schemeFromProto = enumFromProto(SCHEMES);
export const levelFromProto = enumFromProto(LEVELS);
export const encounterFromProto = enumFromProto(ENCOUNTERS);

export function schemeToProto(scheme: Scheme): paymentV1.Scheme {
  return SCHEMES[scheme];
}

export function levelToProto(level: InstitutionLevel): paymentV1.InstitutionLevel {
  return LEVELS[level];
}

export function encounterToProto(kind: EncounterKind): paymentV1.EncounterKind {
  return ENCOUNTERS[kind];
}

/** A local date as the contracts carry it, an open end as empty; and back. */
export function untilToProto(until: string | null): string {
  return until ?? '';
}

export function untilFromProto(until: string): string | null {
  return until.trim() === '' ? null : until.trim();
}
