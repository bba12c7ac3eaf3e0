import { type InstitutionLevel } from '../../organisation/domain/institution-classification';

export type PractitionerTitle =
  'resident' | 'attending' | 'associate-chief' | 'chief' | 'nurse' | 'public-health';

export interface PractitionerSnapshot {
  readonly id: string;
  readonly licenceNumber: string;
  readonly name: string;
  readonly title: PractitionerTitle;
  readonly specialtyCode: string;
  readonly homeInstitutionId: string;
  readonly version: number;
}

/** Licence numbers: 医师执业证书编码 are 15 digits; nursing and other boards use 8-30 letters and digits. */
export function isLicenceNumber(value: string): boolean {
  return /^[0-9A-Z]{8,30}$/.test(value);
}

/** Where an institution stands, as the workforce rules need it. */
export interface InstitutionPlace {
  readonly id: string;
  readonly level: InstitutionLevel;
  /** Group it leads or belongs to. */
  readonly groupId: string | null;
}

export type PractisingRight =
  | { allowed: true; reason: 'home institution' | 'same medical group' }
  | { allowed: false; reason: 'different medical group' | 'home institution is in no medical group' };

/**
 * 多点执业 inside a tight-knit group: a practitioner registered at one
 * institution may practise at any institution of the same group without
 * registering again; elsewhere they need a registration of their own.
 */
export function practisingRight(home: InstitutionPlace, at: InstitutionPlace): PractisingRight {
  if (home.id === at.id) return { allowed: true, reason: 'home institution' };
  if (home.groupId === null) return { allowed: false, reason: 'home institution is in no medical group' };
  return home.groupId === at.groupId
    ? { allowed: true, reason: 'same medical group' }
    : { allowed: false, reason: 'different medical group' };
}
