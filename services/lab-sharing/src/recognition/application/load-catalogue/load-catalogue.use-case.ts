import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { CatalogueEdit, type CatalogueEdited } from '../catalogue-edit';
import { type LoadCatalogueCommand } from './load-catalogue.command';

/** LoadCatalogue: a city operator replaces the region's whole catalogue; one bad item refuses the whole load. */
@Injectable()
export class LoadCatalogueUseCase {
  constructor(private readonly edit: CatalogueEdit) {}

  execute(identity: Identity, command: LoadCatalogueCommand, now = new Date()): Promise<CatalogueEdited> {
    return this.edit.run(identity, clientRequestOf('load-catalogue', command), command.regionId, null, (c) =>
      c.load(command.items, command.fromVersion, now),
    );
  }
}
