import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { CatalogueEdit, type CatalogueEdited } from '../catalogue-edit';
import { type WithdrawDrugCommand } from './withdraw-drug.command';

/**
 * WithdrawDrug: a group administrator takes a drug out of the catalogue from an instant not in the past, from the
 * version read; one not in force then is refused (UNKNOWN_DRUG on code). What it was stays on record: a
 * prescription or a settlement of before reads it as it was.
 */
@Injectable()
export class WithdrawDrugUseCase {
  constructor(private readonly edit: CatalogueEdit) {}

  execute(identity: Identity, command: WithdrawDrugCommand, now = new Date()): Promise<CatalogueEdited> {
    const effectiveFrom = command.effectiveFrom ?? now;
    return this.edit.run(
      identity,
      clientRequestOf('withdraw-drug', command),
      'drug-withdrawn',
      { code: command.code, effectiveFrom },
      (c) => c.withdraw(command.code, effectiveFrom, command.fromVersion, now),
    );
  }
}
