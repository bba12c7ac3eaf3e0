import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { CriteriaError, CriteriaErrorCode } from '../../domain/criteria-error';
import { criteriaKey } from '../../domain/criteria.repository';
import { type CriteriaView, criteriaView } from '../criteria-view';
import { StoredCatalogue } from '../stored-catalogue';
import { type LookupCriteriaQuery } from './lookup-criteria.query';

/** LookupCriteria: the most specific entry that covers a diagnosis, for any caller. */
@Injectable()
export class LookupCriteriaUseCase {
  constructor(private readonly catalogue: StoredCatalogue) {}

  async execute(_identity: Identity, query: LookupCriteriaQuery): Promise<CriteriaView> {
    const { stored, catalogue } = await this.catalogue.load();
    const entry = catalogue.lookup(query.icd10Code);
    const found = entry && stored.find((s) => criteriaKey(s.input) === entry.covers[0]);
    if (!found) {
      throw new CriteriaError(
        CriteriaErrorCode.EntryNotFound,
        `no catalogue entry covers ${query.icd10Code.trim()}`,
        [{ field: 'icd10Code', description: 'is not covered by the catalogue' }],
      );
    }
    return criteriaView(found);
  }
}
