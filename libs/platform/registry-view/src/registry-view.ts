/** The registry's kinds of institution (InstitutionType); `unknown` for a row projected before types were kept. */
export const KNOWN_INSTITUTION_TYPES = [
  'general-hospital',
  'specialist-hospital',
  'tcm-hospital',
  'rehabilitation-hospital',
  'nursing-home',
  'community-health-centre',
  'community-health-station',
  'township-health-centre',
  'village-clinic',
  'shared-centre',
  'unknown',
] as const;
export type KnownInstitutionType = (typeof KNOWN_INSTITUTION_TYPES)[number];

/** What a service knows of the registry, kept from the registry's compacted topics. */
export interface KnownInstitution {
  readonly id: string;
  readonly groupId: string | null;
  readonly level: 'tertiary' | 'secondary' | 'primary' | 'unknown';
  /** `unknown` until the institution's next event when its row was projected before types were kept. */
  readonly type: KnownInstitutionType;
  readonly version: number;
}

export type KnownPractitionerTitle =
  'resident' | 'attending' | 'associate-chief' | 'chief' | 'nurse' | 'public-health' | 'unknown';

/** A registered practitioner: licence, title, 诊疗科目 specialty and home institution (执业机构). */
export interface KnownPractitioner {
  readonly id: string;
  readonly licenceNumber: string;
  readonly name: string;
  readonly title: KnownPractitionerTitle;
  readonly specialtyCode: string;
  readonly homeInstitutionId: string;
  readonly version: number;
}

export type KnownMembershipRole = 'lead' | 'member' | 'collaborating';

export interface KnownGroup {
  readonly id: string;
  /** The grid the group serves; null for a row projected before grids were kept. */
  readonly gridId: string | null;
  readonly leadInstitutionId: string | null;
  readonly members: readonly { readonly institutionId: string; readonly role: KnownMembershipRole }[];
  readonly version: number;
}

/** A grid of a city (registered once, never changed). */
export interface KnownGrid {
  readonly id: string;
  readonly cityId: string;
}

/** A city (registered once, never changed). */
export interface KnownCity {
  readonly id: string;
  readonly divisionCode: string;
  readonly name: string;
}

export interface KnownDepartment {
  readonly id: string;
  readonly institutionId: string;
  readonly specialtyCode: string;
}

export interface KnownTeam {
  readonly id: string;
  readonly institutionId: string;
  readonly groupId: string;
  readonly version: number;
}

export interface KnownContract {
  readonly id: string;
  readonly residentIdNumber: string;
  readonly teamId: string;
  readonly status: 'active' | 'ended' | 'expired' | 'unknown';
  readonly startDate: string;
  readonly endDate: string;
  readonly version: number;
}

/** A registered resident, by identity number only. */
export interface KnownResident {
  readonly id: string;
  readonly residentIdNumber: string;
  readonly version: number;
}

/** Only hospitals keep schedules and wards (primary institutions send patients to them). */
export const isHospital = (institution: KnownInstitution): boolean =>
  institution.level === 'tertiary' || institution.level === 'secondary';

/**
 * Read model of the registry. Writes are upserts that keep the newest version,
 * so a replay from offset 0 or an out-of-order duplicate changes nothing.
 */
export abstract class RegistryView {
  abstract upsertInstitution(value: KnownInstitution): Promise<void>;
  abstract upsertGroup(value: KnownGroup): Promise<void>;
  abstract upsertDepartment(value: KnownDepartment): Promise<void>;
  abstract upsertTeam(value: KnownTeam): Promise<void>;
  abstract upsertContract(value: KnownContract): Promise<void>;
  abstract upsertResident(value: KnownResident): Promise<void>;
  abstract upsertGrid(value: KnownGrid): Promise<void>;
  abstract upsertCity(value: KnownCity): Promise<void>;
  abstract upsertPractitioner(value: KnownPractitioner): Promise<void>;
  abstract institution(id: string): Promise<KnownInstitution | null>;
  abstract department(id: string): Promise<KnownDepartment | null>;
  abstract group(id: string): Promise<KnownGroup | null>;
  abstract city(id: string): Promise<KnownCity | null>;
  abstract practitioner(id: string): Promise<KnownPractitioner | null>;
  /** The practitioners whose home institution is `institutionId`, by name then id. */
  abstract practitionersAt(institutionId: string): Promise<KnownPractitioner[]>;
  /**
   * The city of an institution's medical group (group → its grid → the grid's city); null when the
   * institution has no group or the projection has not learnt the group's grid or city yet.
   */
  abstract cityOfInstitution(institutionId: string): Promise<string | null>;
  /**
   * The groups an institution leads or is a member of (known_institution's group, and any group
   * whose members list it so) and those it collaborates with; null when the projection has
   * neither the institution nor a group listing it.
   */
  abstract standingOf(
    institutionId: string,
  ): Promise<{ belongsTo: string[]; collaboratesWith: string[] } | null>;
  /** Departments of the given institutions. */
  abstract departmentsOf(institutionIds: readonly string[]): Promise<KnownDepartment[]>;
  /** Whether the registry has registered a resident with this identity number (as far as projected). */
  abstract isRegisteredResident(residentIdNumber: string): Promise<boolean>;
  /** Institutions (team homes) of the resident's contracts in force on the date. */
  abstract contractedInstitutions(residentIdNumber: string, date: string): Promise<string[]>;
}
