import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { type ReimbursementTable } from '../../domain/reimbursement-table';
import { starterReimbursementRules } from '../../domain/starter/starter-reimbursement-rules';
import { TableEdit } from '../table-edit';
import { type LoadStarterReimbursementTableCommand } from './load-starter-reimbursement-table.command';

/**
 * LoadStarterReimbursementTable: the city's insurance administration starts a region from the platform's 48-row
 * starter table (docs/domain.md section 7), in force from a date, as a put of those rows would.
 */
@Injectable()
export class LoadStarterReimbursementTableUseCase {
  constructor(private readonly edit: TableEdit) {}

  execute(
    identity: Identity,
    command: LoadStarterReimbursementTableCommand,
    now = new Date(),
  ): Promise<ReimbursementTable> {
    return this.edit.run(
      identity,
      clientRequestOf('load-starter-reimbursement-table', command),
      command.regionId,
      (t) => t.load(starterReimbursementRules(command.effectiveFrom), command.fromVersion, now),
    );
  }
}
