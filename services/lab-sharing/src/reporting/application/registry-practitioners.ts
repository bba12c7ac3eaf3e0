import { Injectable } from '@nestjs/common';
import { RegistryView } from '@medgrid/registry-view';
import { type CentrePractitioner } from '../../centres/domain/shared-centre';
import { ReportingPractitioners } from './reporting-practitioners';

/** ReportingPractitioners read from the registry view's practitioners (kept from the registry's events). */
@Injectable()
export class RegistryPractitioners extends ReportingPractitioners {
  constructor(private readonly registry: RegistryView) {
    super();
  }

  async find(practitionerId: string): Promise<CentrePractitioner | null> {
    const known = await this.registry.practitioner(practitionerId);
    return known
      ? { id: known.id, homeInstitutionId: known.homeInstitutionId, specialtyCode: known.specialtyCode }
      : null;
  }
}
