import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { SettlementRules } from '../../domain/settlement-rules';
import { SettlementRulesRepository } from '../../domain/settlement-rules.repository';
import { SettlementRulesVersionOrmEntity } from './settlement-rules-version.orm-entity';

/** settlement_rules_version: every version of a fund's policies and composite schemes, whole (jsonb). */
@Injectable()
export class SettlementRulesTypeormRepository extends SettlementRulesRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load(fundId: string, lock: boolean): Promise<SettlementRules> {
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `payment-settlement-rules:${fundId}`);
    const row = await this.uow
      .manager()
      .findOne(SettlementRulesVersionOrmEntity, { where: { fundId }, order: { version: 'DESC' } });
    if (!row) return SettlementRules.empty(fundId);
    return SettlementRules.restore({
      fundId,
      version: row.version,
      policies: row.policies,
      schemes: row.schemes,
    });
  }

  async save(rules: SettlementRules, loadedBy: string, at: Date): Promise<void> {
    const snapshot = rules.snapshot();
    await this.uow.transactionalManager().insert(SettlementRulesVersionOrmEntity, {
      fundId: snapshot.fundId,
      version: snapshot.version,
      policies: [...snapshot.policies],
      schemes: [...snapshot.schemes],
      loadedAt: at,
      loadedBy,
    });
  }
}
