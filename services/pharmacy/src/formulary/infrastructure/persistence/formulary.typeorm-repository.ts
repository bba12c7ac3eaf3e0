import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { v7 as uuidv7 } from 'uuid';
import { type InstitutionLevel } from '../../../common/institution-level';
import { Formulary, type FormularyChanged } from '../../domain/formulary';
import { FormularyRepository } from '../../domain/formulary.repository';
import { StockBalance, type StockMovement } from '../../domain/stock-balance';
import { balanceFromEntity, balanceToEntity, movementToEntity } from './formulary.mapper';
import { FormularyItemOrmEntity } from './formulary-item.orm-entity';
import { StockBalanceOrmEntity } from './stock-balance.orm-entity';
import { StockMovementOrmEntity } from './stock-movement.orm-entity';

/**
 * formulary_item (the drugs stocked), stock_balance (packs on hand) and stock_movement (their history); joins the
 * current UnitOfWork transaction.
 */
@Injectable()
export class FormularyTypeormRepository extends FormularyRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async load(institutionId: string, level: InstitutionLevel, lock: boolean): Promise<Formulary> {
    // An institution with no formulary yet has no row to lock, so changes queue on an advisory lock.
    if (lock) await lockForTransaction(this.uow.transactionalManager(), `formulary:${institutionId}`);
    const rows = await this.uow.manager().find(FormularyItemOrmEntity, {
      where: { institutionId },
      order: { drugCode: 'ASC' },
    });
    return Formulary.restore({ institutionId, level, drugCodes: rows.map((row) => row.drugCode) });
  }

  async save(changes: readonly FormularyChanged[]): Promise<void> {
    const db = this.uow.transactionalManager();
    for (const change of changes) {
      if (change.change === 'stocked') {
        await db.insert(FormularyItemOrmEntity, {
          institutionId: change.institutionId,
          drugCode: change.drugCode,
          stockedAt: change.changedAt,
        });
      } else {
        await db.delete(FormularyItemOrmEntity, {
          institutionId: change.institutionId,
          drugCode: change.drugCode,
        });
      }
    }
  }

  async balance(institutionId: string, drugCode: string): Promise<StockBalance> {
    const row = await this.uow.manager().findOneBy(StockBalanceOrmEntity, { institutionId, drugCode });
    return row ? balanceFromEntity(row) : StockBalance.empty(institutionId, drugCode);
  }

  async balances(institutionId: string): Promise<StockBalance[]> {
    const rows = await this.uow.manager().find(StockBalanceOrmEntity, {
      where: { institutionId },
      order: { drugCode: 'ASC' },
    });
    return rows.map(balanceFromEntity);
  }

  async saveMovement(balance: StockBalance, movement: StockMovement): Promise<void> {
    const db = this.uow.transactionalManager();
    await db.upsert(StockBalanceOrmEntity, balanceToEntity(balance), ['institutionId', 'drugCode']);
    await db.insert(StockMovementOrmEntity, movementToEntity(uuidv7(), movement));
  }
}
