import { formularyServiceV1 as pb } from '@medgrid/contracts';
import { keyOf } from '@medgrid/kernel';
import { type FormularyView } from '../application/formulary-view';
import { type StockMovement, type StockMovementKind } from '../domain/stock-balance';

const KIND_TO: Record<StockMovementKind, pb.StockMovementKind> = {
  received: pb.StockMovementKind.STOCK_MOVEMENT_KIND_RECEIVED,
  issued: pb.StockMovementKind.STOCK_MOVEMENT_KIND_ISSUED,
};

/** A movement's kind as the request carries it; undefined for UNSPECIFIED, refused by the command. */
export const stockMovementKindFromProto = keyOf(KIND_TO);

export function formularyToProto(view: FormularyView): pb.Formulary {
  return {
    institutionId: view.institutionId,
    level: view.level,
    items: view.items.map((item) => ({ drugCode: item.drugCode, onHand: item.onHand })),
  };
}

export function stockMovementToProto(movement: StockMovement): pb.StockMovement {
  return {
    drugCode: movement.drugCode,
    kind: KIND_TO[movement.kind],
    quantity: movement.quantity,
    onHandAfter: movement.onHandAfter,
    reason: movement.reason,
  };
}
