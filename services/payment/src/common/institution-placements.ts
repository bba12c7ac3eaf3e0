import { Injectable } from '@nestjs/common';
import { RegistryView } from '@medgrid/registry-view';
import { CommonError, CommonErrorCode } from './domain/common-error';
import { type InstitutionLevel } from './domain/insurance';

/** What payment needs to know of an institution: its level, its group and its region (its group's city). */
export interface InstitutionPlacement {
  readonly institutionId: string;
  readonly level: InstitutionLevel;
  readonly groupId: string | null;
  readonly regionId: string;
}

/**
 * An institution's level, group and region as the registry's events told this service (never as the caller says):
 * a claim is judged by the level the registry has and the table of the institution's city.
 */
@Injectable()
export class InstitutionPlacements {
  constructor(private readonly registry: RegistryView) {}

  async of(institutionId: string): Promise<InstitutionPlacement> {
    const institution = await this.registry.institution(institutionId);
    if (!institution || institution.level === 'unknown') {
      throw new CommonError(
        CommonErrorCode.InstitutionNotKnown,
        `the registry has not told payment the level of institution ${institutionId} yet`,
      );
    }
    const regionId = await this.registry.cityOfInstitution(institutionId);
    if (regionId === null) {
      throw new CommonError(
        CommonErrorCode.NoRegion,
        `institution ${institutionId} has no group whose city payment knows: its region's rule table cannot be found`,
      );
    }
    return { institutionId, level: institution.level, groupId: institution.groupId, regionId };
  }

  /** Refuses a region the registry does not know as a city (UNKNOWN_REGION, naming `field`). */
  async requireRegion(regionId: string, field = 'regionId'): Promise<void> {
    if (!(await this.registry.city(regionId))) {
      throw new CommonError(
        CommonErrorCode.UnknownRegion,
        'no city with this id is known: a reimbursement table is kept per city',
        field,
      );
    }
  }
}
