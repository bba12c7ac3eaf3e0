import { type StockMove } from '../../formulary/domain/stock-book';
import { type PurchaseOrder } from './purchase-order';

/** Packs of a received drug given to one requisition of one institution. */
export interface Allocation {
  readonly requisitionId: string;
  readonly institutionId: string;
  /** The drug ordered for the requisition. */
  readonly orderedCode: string;
  /** The drug given: the ordered one or its substitute. */
  readonly drugCode: string;
  readonly quantity: number;
}

/** A requisition line given less than it asked for: the shortage it bears. */
export interface RequisitionShortfall {
  readonly requisitionId: string;
  readonly institutionId: string;
  readonly drugCode: string;
  readonly asked: number;
  readonly given: number;
}

export interface DistributionPlan {
  readonly allocations: readonly Allocation[];
  readonly shortfalls: readonly RequisitionShortfall[];
}

/**
 * Distribution (统一配送) of what a purchase order received: each ordered line's receipts go to the requisitions it
 * bought for, the earliest raised first, each given up to what it asked; substitutes go out as themselves. A
 * requisition given less bears a shortfall. The plan is pure: `distributionMoves` turns it into stock moves.
 */
export function planDistribution(order: PurchaseOrder): DistributionPlan {
  const allocations: Allocation[] = [];
  const shortfalls: RequisitionShortfall[] = [];
  for (const line of order.lines) {
    const stock = line.receipts.map((receipt) => ({ drugCode: receipt.drugCode, left: receipt.quantity }));
    const sources = [...line.sources].sort(
      (a, b) => a.raisedAt.getTime() - b.raisedAt.getTime() || a.requisitionId.localeCompare(b.requisitionId),
    );
    for (const source of sources) {
      let wanted = source.quantity;
      for (const batch of stock) {
        if (wanted === 0) break;
        const given = Math.min(wanted, batch.left);
        if (given === 0) continue;
        batch.left -= given;
        wanted -= given;
        const previous = allocations.find(
          (a) =>
            a.requisitionId === source.requisitionId &&
            a.drugCode === batch.drugCode &&
            a.orderedCode === line.drugCode,
        );
        if (previous)
          allocations.splice(allocations.indexOf(previous), 1, {
            ...previous,
            quantity: previous.quantity + given,
          });
        else {
          allocations.push({
            requisitionId: source.requisitionId,
            institutionId: source.institutionId,
            orderedCode: line.drugCode,
            drugCode: batch.drugCode,
            quantity: given,
          });
        }
      }
      if (wanted > 0) {
        shortfalls.push({
          requisitionId: source.requisitionId,
          institutionId: source.institutionId,
          drugCode: line.drugCode,
          asked: source.quantity,
          given: source.quantity - wanted,
        });
      }
    }
  }
  return { allocations, shortfalls };
}

/** The stock moves of a plan: out of the centre's stock, into each institution's, allocation by allocation. */
export function distributionMoves(plan: DistributionPlan, centreInstitutionId: string): StockMove[] {
  return plan.allocations.flatMap((allocation, index) => {
    const reason = `distribution for requisition ${allocation.requisitionId}`;
    const field = `allocations[${index}].quantity`;
    return [
      {
        institutionId: centreInstitutionId,
        drugCode: allocation.drugCode,
        kind: 'issue' as const,
        quantity: allocation.quantity,
        reason,
        field,
      },
      {
        institutionId: allocation.institutionId,
        drugCode: allocation.drugCode,
        kind: 'receive' as const,
        quantity: allocation.quantity,
        reason,
        field,
      },
    ];
  });
}

/**
 * The stock moves of a plan when the centre keeps no stock of its own (a group's purchasing centre is its
 * administrators, not an institution with a formulary): what a delivery brought goes straight into each
 * requisitioning institution's stock, allocation by allocation.
 */
export function receiptMoves(plan: DistributionPlan): StockMove[] {
  return plan.allocations.map((allocation, index) => ({
    institutionId: allocation.institutionId,
    drugCode: allocation.drugCode,
    kind: 'receive' as const,
    quantity: allocation.quantity,
    reason: `distribution for requisition ${allocation.requisitionId}`,
    field: `allocations[${index}].quantity`,
  }));
}
