import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { CatalogueEdit, type CatalogueEdited } from '../catalogue-edit';
import { type PutCatalogueItemCommand } from './put-catalogue-item.command';

/** PutCatalogueItem: a city operator adds or replaces one item, from the version read. */
@Injectable()
export class PutCatalogueItemUseCase {
  constructor(private readonly edit: CatalogueEdit) {}

  execute(identity: Identity, command: PutCatalogueItemCommand, now = new Date()): Promise<CatalogueEdited> {
    return this.edit.run(
      identity,
      clientRequestOf('put-catalogue-item', command),
      command.regionId,
      command.item.code,
      (c) => c.put(command.item, command.fromVersion, now),
    );
  }
}
