import { Injectable } from '@nestjs/common';
import { type KnownGroup, RegistryView } from '@medgrid/registry-view';
import { CentreError, CentreErrorCode } from '../domain/centre-error';
import { type CentreInstitution, type GroupRole } from '../domain/shared-centre';

/**
 * The registry's institutions as the centres context judges them for a group (level, whether a dedicated
 * shared-centre institution, role in the group), from the registry view the registry's events keep.
 */
@Injectable()
export class CentreInstitutions {
  constructor(private readonly registry: RegistryView) {}

  /** The group as the registry announced it; refused as UNKNOWN_GROUP naming `field` when it has not. */
  async group(groupId: string, field = 'groupId'): Promise<KnownGroup> {
    const group = await this.registry.group(groupId);
    if (!group)
      throw new CentreError(CentreErrorCode.UnknownGroup, 'no medical group with this id is known', field);
    return group;
  }

  /**
   * The institution, with its role in `group` (none when it is not listed there); refused as
   * UNKNOWN_INSTITUTION naming `field` when the registry has not announced it.
   */
  async inGroup(group: KnownGroup, institutionId: string, field: string): Promise<CentreInstitution> {
    const institution = await this.registry.institution(institutionId);
    if (!institution) {
      throw new CentreError(
        CentreErrorCode.UnknownInstitution,
        'no institution with this id is known',
        field,
      );
    }
    return {
      institutionId: institution.id,
      level: institution.level,
      sharedCentreInstitution: institution.type === 'shared-centre',
      roleInGroup: roleIn(group, institution.id),
    };
  }
}

function roleIn(group: KnownGroup, institutionId: string): GroupRole | null {
  if (group.leadInstitutionId === institutionId) return 'lead';
  return group.members.find((member) => member.institutionId === institutionId)?.role ?? null;
}
