import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { type ReimbursementTable } from '../../domain/reimbursement-table';
import { TableEdit } from '../table-edit';
import { type PutReimbursementTableCommand } from './put-reimbursement-table.command';

/**
 * PutReimbursementTable: the city's insurance administration replaces the region's table with a new version; one
 * bad row refuses it whole, and so does a change to a rule in force on or before today.
 */
@Injectable()
export class PutReimbursementTableUseCase {
  constructor(private readonly edit: TableEdit) {}

  execute(
    identity: Identity,
    command: PutReimbursementTableCommand,
    now = new Date(),
  ): Promise<ReimbursementTable> {
    return this.edit.run(
      identity,
      clientRequestOf('put-reimbursement-table', command),
      command.regionId,
      (t) => t.load(command.rules, command.fromVersion, now),
    );
  }
}
