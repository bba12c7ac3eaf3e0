import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { CatalogueEdit, type CatalogueEdited } from '../catalogue-edit';
import { type RemoveCatalogueItemCommand } from './remove-catalogue-item.command';

/** RemoveCatalogueItem: a city operator removes one item, from the version read. */
@Injectable()
export class RemoveCatalogueItemUseCase {
  constructor(private readonly edit: CatalogueEdit) {}

  execute(
    identity: Identity,
    command: RemoveCatalogueItemCommand,
    now = new Date(),
  ): Promise<CatalogueEdited> {
    return this.edit.run(
      identity,
      clientRequestOf('remove-catalogue-item', command),
      command.regionId,
      null,
      (c) => c.remove(command.itemCode, command.fromVersion, now),
    );
  }
}
