import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { CatalogueEdit, type CatalogueEdited } from '../catalogue-edit';
import { type PutDrugCommand } from './put-drug.command';

/** PutDrug: a group administrator lists or changes one drug from an instant not in the past, from the version read. */
@Injectable()
export class PutDrugUseCase {
  constructor(private readonly edit: CatalogueEdit) {}

  execute(identity: Identity, command: PutDrugCommand, now = new Date()): Promise<CatalogueEdited> {
    const effectiveFrom = command.effectiveFrom ?? now;
    return this.edit.run(
      identity,
      clientRequestOf('put-drug', command),
      'drug-put',
      { code: command.drug.code, effectiveFrom },
      (c) => c.put(command.drug, effectiveFrom, command.fromVersion, now),
    );
  }
}
