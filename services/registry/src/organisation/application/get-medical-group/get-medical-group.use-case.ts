import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { MedicalGroupRepository } from '../../domain/medical-group.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { GroupCompleteness, type MedicalGroupView } from '../group-completeness';
import { type GetMedicalGroupQuery } from './get-medical-group.query';

/** GetMedicalGroup: master data, open to every authenticated caller (no personal data, no audit). */
@Injectable()
export class GetMedicalGroupUseCase {
  constructor(
    private readonly groups: MedicalGroupRepository,
    private readonly completeness: GroupCompleteness,
  ) {}

  async execute(_identity: Identity, query: GetMedicalGroupQuery): Promise<MedicalGroupView> {
    const group = await this.groups.findById(query.id);
    if (!group) {
      throw new OrganisationError(OrganisationErrorCode.NotFound, 'no medical group with this id', 'id');
    }
    return this.completeness.view(group.snapshot());
  }
}
