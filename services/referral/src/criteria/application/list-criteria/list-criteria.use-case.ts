import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type CriteriaView, criteriaView } from '../criteria-view';
import { StoredCatalogue } from '../stored-catalogue';

/** ListCriteria: every entry of the catalogue, by key, for any caller (no personal data). */
@Injectable()
export class ListCriteriaUseCase {
  constructor(private readonly catalogue: StoredCatalogue) {}

  async execute(_identity: Identity): Promise<CriteriaView[]> {
    const { stored } = await this.catalogue.load();
    return stored.map(criteriaView);
  }
}
