import { StockBalance, type StockMovement, type StockMovementKind } from '../../domain/stock-balance';
import { type StockBalanceOrmEntity } from './stock-balance.orm-entity';
import { type StockMovementOrmEntity } from './stock-movement.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to an entity or a field added to
// the domain does not compile until it is mapped.

export function balanceToEntity(balance: StockBalance): StockBalanceOrmEntity {
  return { institutionId: balance.institutionId, drugCode: balance.drugCode, onHand: balance.onHand };
}

export function balanceFromEntity(e: StockBalanceOrmEntity): StockBalance {
  return StockBalance.restore(e.institutionId, e.drugCode, e.onHand);
}

export function movementToEntity(id: string, movement: StockMovement): StockMovementOrmEntity {
  return {
    id,
    institutionId: movement.institutionId,
    drugCode: movement.drugCode,
    kind: movement.kind,
    quantity: movement.quantity,
    onHandAfter: movement.onHandAfter,
    reason: movement.reason,
    at: movement.at,
  };
}

export function movementFromEntity(e: StockMovementOrmEntity): StockMovement {
  return {
    institutionId: e.institutionId,
    drugCode: e.drugCode,
    kind: e.kind as StockMovementKind,
    quantity: e.quantity,
    onHandAfter: e.onHandAfter,
    reason: e.reason,
    at: e.at,
  };
}
