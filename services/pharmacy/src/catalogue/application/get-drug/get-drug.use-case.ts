import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { CatalogueError, CatalogueErrorCode } from '../../domain/catalogue-error';
import { type Drug } from '../../domain/drug';
import { type DrugVersion } from '../../domain/drug-catalogue';
import { type CatalogueHead, DrugCatalogueRepository } from '../../domain/drug-catalogue.repository';
import { CatalogueAccess } from '../catalogue-access.policy';
import { type GetDrugQuery } from './get-drug.query';

export interface DrugRecord {
  readonly catalogue: CatalogueHead;
  /** In force at the instant; null when not (not yet, or withdrawn). */
  readonly inForce: Drug | null;
  /** Oldest first. */
  readonly versions: readonly DrugVersion[];
}

/** GetDrug: a drug of a group's catalogue (as GetDrugCatalogue reads it); a code never listed is refused (UNKNOWN_DRUG on `code`). */
@Injectable()
export class GetDrugUseCase {
  constructor(private readonly catalogues: DrugCatalogueRepository) {}

  async execute(identity: Identity, query: GetDrugQuery, now = new Date()): Promise<DrugRecord> {
    const groupId = CatalogueAccess.readableGroup(identity, query.groupId);
    const [head, part] = await Promise.all([
      this.catalogues.head(groupId),
      this.catalogues.part(groupId, { codes: [query.code] }),
    ]);
    const history = part.snapshot().drugs.find((drug) => drug.code === query.code);
    if (!history) {
      throw new CatalogueError(
        CatalogueErrorCode.UnknownDrug,
        `drug ${query.code} was never in the group's catalogue`,
        'code',
      );
    }
    return {
      catalogue: head,
      inForce: part.drugAt(query.code, query.at ?? now) ?? null,
      versions: history.versions,
    };
  }
}
