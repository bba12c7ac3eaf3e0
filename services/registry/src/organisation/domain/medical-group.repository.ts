import { type MedicalGroup } from './medical-group';

/** Persistence port of medical groups and their memberships. */
export abstract class MedicalGroupRepository {
  /** Refuses a second group of one grid (GRID_ALREADY_HAS_GROUP). */
  abstract insert(group: MedicalGroup): Promise<void>;
  /**
   * Saves memberships and version if the stored version is still `expectedVersion` (else
   * VERSION_CONFLICT); an institution already in another group is ALREADY_MEMBER_OF_ANOTHER_GROUP,
   * a second lead SECOND_LEAD_HOSPITAL.
   */
  abstract update(group: MedicalGroup, expectedVersion: number): Promise<void>;
  /** With `forUpdate`, inside a transaction, the row stays locked until it ends. */
  abstract findById(id: string, forUpdate?: boolean): Promise<MedicalGroup | null>;
  /** Id of the group that serves a grid, if the grid has one yet. */
  abstract findIdByGrid(gridId: string): Promise<string | null>;
}
