import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { readCatalogueRows, type RowProblem } from '../../domain/catalogue-rows';
import { type CatalogueHead, DrugCatalogueRepository } from '../../domain/drug-catalogue.repository';
import { CatalogueAccess } from '../catalogue-access.policy';
import { CatalogueEdit } from '../catalogue-edit';
import { type LoadCatalogueCsvCommand } from './load-catalogue-csv.command';

export interface CatalogueCsvLoaded {
  readonly committed: boolean;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: readonly RowProblem[];
  readonly catalogue: CatalogueHead;
}

/**
 * LoadDrugCatalogueCsv: a group administrator loads a file of drugs from an instant on, all or nothing. A file with any
 * rejected cell loads nothing and is answered with every problem by line and column; its client request is not
 * kept, so the corrected file may be sent under the same id.
 */
@Injectable()
export class LoadCatalogueCsvUseCase {
  constructor(
    private readonly edit: CatalogueEdit,
    private readonly catalogues: DrugCatalogueRepository,
  ) {}

  async execute(
    identity: Identity,
    command: LoadCatalogueCsvCommand,
    now = new Date(),
  ): Promise<CatalogueCsvLoaded> {
    const groupId = CatalogueAccess.require(
      identity,
      CatalogueAccess.canEdit(identity),
      "change a group's drug catalogue",
    );
    const report = readCatalogueRows(command.rows);
    if (report.rejected.length) {
      return {
        committed: false,
        rows: report.rows,
        accepted: 0,
        rejected: report.rejected,
        catalogue: await this.catalogues.head(groupId),
      };
    }
    const { catalogue } = await this.edit.run(
      identity,
      clientRequestOf('load-catalogue-csv', command),
      'loaded',
      null,
      (c) => c.load(report.drugs, command.effectiveFrom ?? now, command.fromVersion, now),
    );
    return { committed: true, rows: report.rows, accepted: report.drugs.length, rejected: [], catalogue };
  }
}
