import { type City, type Department, type Grid } from './geography';
import { type Institution, type InstitutionChanged } from './institution';
import { type InstitutionLevel, type InstitutionType } from './institution-classification';
import { type MedicalGroup, type MedicalGroupChanged } from './medical-group';

export interface InstitutionSearch {
  nameContains?: string;
  creditCode?: string;
  gridId?: string;
  groupId?: string;
  level?: InstitutionLevel;
  type?: InstitutionType;
  /** Keyset cursor: the (name, id) of the last row of the previous page. */
  after?: { name: string; id: string };
  limit: number;
}

/** Persistence port for cities, grids, institutions, groups and departments. */
export interface OrganisationRepository {
  insertCity(city: City): Promise<void>;
  findCity(id: string): Promise<City | null>;
  insertGrid(grid: Grid): Promise<void>;
  findGrid(id: string): Promise<Grid | null>;
  listGrids(cityId: string): Promise<Grid[]>;

  insertInstitution(institution: Institution): Promise<void>;
  /** Saves a changed institution if its stored version is still `expectedVersion`. */
  updateInstitution(institution: Institution, expectedVersion: number): Promise<void>;
  findInstitution(id: string, forUpdate?: boolean): Promise<Institution | null>;
  findInstitutions(ids: readonly string[]): Promise<Institution[]>;
  /**
   * The group an institution belongs to and the groups it collaborates with;
   * null when there is no such institution.
   */
  findStanding(institutionId: string): Promise<{ belongsTo: string[]; collaboratesWith: string[] } | null>;
  searchInstitutions(search: InstitutionSearch): Promise<Institution[]>;

  insertGroup(group: MedicalGroup): Promise<void>;
  /** Saves memberships and version if the stored version is still `expectedVersion`. */
  updateGroup(group: MedicalGroup, expectedVersion: number): Promise<void>;
  findGroup(id: string, forUpdate?: boolean): Promise<MedicalGroup | null>;
  /** Id of the group that serves a grid, if the grid has one yet. */
  findGroupIdByGrid(gridId: string): Promise<string | null>;

  insertDepartment(department: Department): Promise<void>;
  listDepartments(institutionId: string): Promise<Department[]>;
}

export const ORGANISATION_REPOSITORY = Symbol('ORGANISATION_REPOSITORY');

export type OrganisationEvent =
  | { kind: 'city-registered'; city: City }
  | { kind: 'grid-registered'; grid: Grid }
  | { kind: 'institution-changed'; event: InstitutionChanged }
  | { kind: 'group-changed'; event: MedicalGroupChanged }
  | { kind: 'department-registered'; department: Department };

/** Port: records events in the current transaction's outbox. */
export interface OrganisationEventPublisher {
  publish(events: readonly OrganisationEvent[]): Promise<void>;
}

export const ORGANISATION_EVENT_PUBLISHER = Symbol('ORGANISATION_EVENT_PUBLISHER');
