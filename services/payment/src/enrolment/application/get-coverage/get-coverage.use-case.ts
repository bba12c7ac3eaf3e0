import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { localDate } from '@medgrid/kernel';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { type CoverageSpell } from '../../domain/resident-coverage';
import { ResidentCoverageRepository } from '../../domain/resident-coverage.repository';
import { type GetCoverageQuery } from './get-coverage.query';

/** A resident's coverage as GetCoverage answers it. */
export interface CoverageView {
  readonly residentId: string;
  /** The local date (Asia/Shanghai) of the instant asked about. */
  readonly on: string;
  /** The spell in force on that date, or null when not covered. */
  readonly spell: CoverageSpell | null;
  readonly spells: readonly CoverageSpell[];
}

/** GetCoverage: a resident's scheme at an instant and every spell, the read audited with its purpose. */
@Injectable()
export class GetCoverageUseCase {
  constructor(
    private readonly coverages: ResidentCoverageRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(identity: Identity, query: GetCoverageQuery, now = new Date()): Promise<CoverageView> {
    PaymentAccess.require(PaymentAccess.readsCoverage(identity), "read a resident's coverage");
    const on = localDate(query.at ?? now);
    const coverage = await this.coverages.find(query.residentId);
    await this.audit.recordRead(identity, { kind: 'resident', id: query.residentId }, query.purpose);
    return {
      residentId: query.residentId,
      on,
      spell: coverage?.spellOn(on) ?? null,
      spells: coverage?.snapshot().spells ?? [],
    };
  }
}
