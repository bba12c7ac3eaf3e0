import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { starterCatalogue } from '../../domain/starter/starter-catalogue';
import { CatalogueEdit, type CatalogueEdited } from '../catalogue-edit';
import { type LoadStarterCatalogueCommand } from './load-starter-catalogue.command';

/**
 * LoadStarterDrugCatalogue: a group administrator starts the group's catalogue from the platform's starter catalogue
 * (240 common chronic-disease and primary-care drugs, for the group's pharmacy department to review), as a load of
 * those drugs would.
 */
@Injectable()
export class LoadStarterCatalogueUseCase {
  constructor(private readonly edit: CatalogueEdit) {}

  execute(
    identity: Identity,
    command: LoadStarterCatalogueCommand,
    now = new Date(),
  ): Promise<CatalogueEdited> {
    return this.edit.run(identity, clientRequestOf('load-starter-catalogue', command), 'loaded', null, (c) =>
      c.load(starterCatalogue(), command.effectiveFrom ?? now, command.fromVersion, now),
    );
  }
}
