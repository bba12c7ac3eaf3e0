import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { STARTER_CATALOGUE } from '../../domain/starter/starter-catalogue';
import { CatalogueEdit, type CatalogueEdited } from '../catalogue-edit';
import { type LoadStarterCatalogueCommand } from './load-starter-catalogue.command';

/**
 * LoadStarterCatalogue: a city operator starts the region from the platform's starter catalogue (200-odd recognised items, their
 * windows defaults to review), as a load of those items would.
 */
@Injectable()
export class LoadStarterCatalogueUseCase {
  constructor(private readonly edit: CatalogueEdit) {}

  execute(
    identity: Identity,
    command: LoadStarterCatalogueCommand,
    now = new Date(),
  ): Promise<CatalogueEdited> {
    return this.edit.run(
      identity,
      clientRequestOf('load-starter-catalogue', command),
      command.regionId,
      null,
      (c) => c.load(STARTER_CATALOGUE, command.fromVersion, now),
    );
  }
}
