import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { type SettlementPeriod } from '../../../common/domain/effective-period';
import { type CountedClaims } from '../../domain/claims-to-settle';
import { SettlementRunRepository, type StoredSettlement } from '../../domain/settlement-run.repository';
import { ledgerToEntities, runToEntity, settlementFromEntities } from './settlement.mapper';
import { LedgerEntryOrmEntity, SettlementRunOrmEntity } from './settlement-run.orm-entity';

/** The advisory lock of a group's period: a run takes it alone, each claim of the period shares it. */
export function settlementPeriodLockKey(groupId: string, periodFrom: string): string {
  return `payment-settlement:${groupId}:${periodFrom}`;
}

/** settlement_run (one per group and period, with what it counted) and ledger_entry: inserted once, never changed. */
@Injectable()
export class SettlementRunTypeormRepository extends SettlementRunRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async lockPeriod(groupId: string, period: SettlementPeriod): Promise<void> {
    await lockForTransaction(this.uow.transactionalManager(), settlementPeriodLockKey(groupId, period.from));
  }

  async find(id: string): Promise<StoredSettlement | null> {
    const run = await this.uow.manager().findOneBy(SettlementRunOrmEntity, { id });
    return run ? this.withLedger(run) : null;
  }

  async findFor(groupId: string, period: SettlementPeriod): Promise<StoredSettlement | null> {
    const run = await this.uow
      .manager()
      .findOneBy(SettlementRunOrmEntity, { groupId, periodFrom: period.from });
    return run ? this.withLedger(run) : null;
  }

  async listFor(groupId: string): Promise<readonly StoredSettlement[]> {
    const runs = await this.uow
      .manager()
      .find(SettlementRunOrmEntity, { where: { groupId }, order: { periodFrom: 'DESC' } });
    return Promise.all(runs.map((run) => this.withLedger(run)));
  }

  async save(settlement: StoredSettlement, counted: CountedClaims): Promise<void> {
    const db = this.uow.transactionalManager();
    await db.insert(SettlementRunOrmEntity, {
      ...runToEntity(settlement),
      claims: counted.claims,
      claimsChecksum: counted.checksum,
    });
    const lines = ledgerToEntities(settlement.id, settlement.result.ledger);
    if (lines.length) await db.insert(LedgerEntryOrmEntity, lines);
  }

  async countedBy(runId: string): Promise<CountedClaims | null> {
    const run = await this.uow.manager().findOneBy(SettlementRunOrmEntity, { id: runId });
    return run?.claimsChecksum ? { claims: run.claims, checksum: run.claimsChecksum } : null;
  }

  private async withLedger(run: SettlementRunOrmEntity): Promise<StoredSettlement> {
    const lines = await this.uow
      .manager()
      .find(LedgerEntryOrmEntity, { where: { runId: run.id }, order: { line: 'ASC' } });
    return settlementFromEntities(run, lines);
  }
}
