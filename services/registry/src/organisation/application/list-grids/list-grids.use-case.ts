import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type Grid } from '../../domain/geography';
import { GeographyRepository } from '../../domain/geography.repository';
import { OrganisationError, OrganisationErrorCode } from '../../domain/organisation-error';
import { type ListGridsQuery } from './list-grids.query';

/** ListGrids: master data, open to every authenticated caller (no personal data, no audit). */
@Injectable()
export class ListGridsUseCase {
  constructor(private readonly geography: GeographyRepository) {}

  async execute(_identity: Identity, query: ListGridsQuery): Promise<Grid[]> {
    // An unknown city is a mistaken id, not a city without grids.
    const city = await this.geography.findCity(query.cityId);
    if (!city) throw new OrganisationError(OrganisationErrorCode.NotFound, 'no city with this id', 'cityId');
    return this.geography.listGrids(city.id);
  }
}
