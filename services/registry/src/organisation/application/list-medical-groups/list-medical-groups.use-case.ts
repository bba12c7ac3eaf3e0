import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { GeographyRepository } from '../../domain/geography.repository';
import { MedicalGroupRepository } from '../../domain/medical-group.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { GroupCompleteness, type MedicalGroupView } from '../group-completeness';
import { type ListMedicalGroupsQuery } from './list-medical-groups.query';

/**
 * ListMedicalGroups: master data, open to every authenticated caller (no personal data, no audit). A grid
 * has at most one group, and a city tens of grids, so the groups are read grid by grid.
 */
@Injectable()
export class ListMedicalGroupsUseCase {
  constructor(
    private readonly geography: GeographyRepository,
    private readonly groups: MedicalGroupRepository,
    private readonly completeness: GroupCompleteness,
  ) {}

  async execute(_identity: Identity, query: ListMedicalGroupsQuery): Promise<MedicalGroupView[]> {
    const city = await this.geography.findCity(query.cityId);
    if (!city) throw new OrganisationError(OrganisationErrorCode.NotFound, 'no city with this id', 'cityId');
    const views: MedicalGroupView[] = [];
    for (const grid of await this.geography.listGrids(city.id)) {
      const id = await this.groups.findIdByGrid(grid.id);
      const group = id ? await this.groups.findById(id) : null;
      if (group) views.push(await this.completeness.view(group.snapshot()));
    }
    return views;
  }
}
