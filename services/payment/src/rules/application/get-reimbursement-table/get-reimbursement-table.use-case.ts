import { Injectable } from '@nestjs/common';
import { localDate } from '@medgrid/kernel';
import { type ReimbursementRule } from '../../domain/reimbursement-rule';
import { ReimbursementTableRepository } from '../../domain/reimbursement-table.repository';
import { type GetReimbursementTableQuery } from './get-reimbursement-table.query';

/** A table in force at an instant: the version loaded by then and its rows in force on the instant's date. */
export interface TableInForce {
  readonly regionId: string;
  readonly version: number;
  readonly loadedAt: Date | null;
  readonly on: string;
  readonly rules: readonly ReimbursementRule[];
}

/**
 * GetReimbursementTable: open to every caller, a region's published policy with no patient data. Since no version
 * changes the past, the rows answered for a past instant are the rows claims of that day were judged by.
 */
@Injectable()
export class GetReimbursementTableUseCase {
  constructor(private readonly tables: ReimbursementTableRepository) {}

  async execute(query: GetReimbursementTableQuery, now = new Date()): Promise<TableInForce> {
    const at = query.at ?? now;
    const on = localDate(at);
    const table = await this.tables.versionAt(query.regionId, at);
    const { regionId, version, loadedAt } = table.snapshot();
    return { regionId, version, loadedAt, on, rules: table.rulesOn(on) };
  }
}
