import { type FormularyChanged } from './formulary';
import { type FormularyItemChanged } from './formulary-event-publisher';
import { type StockMovement } from './stock-balance';

/**
 * What stocking or unstocking announces: the item as it stands after, with its packs on hand (an unstocked drug
 * keeps the packs it had: they are still on the shelf until issued).
 */
export function formularyChangesAnnounced(
  groupId: string,
  changes: readonly FormularyChanged[],
  onHand: (drugCode: string) => number,
): FormularyItemChanged[] {
  return changes.map((change) => ({
    groupId,
    institutionId: change.institutionId,
    drugCode: change.drugCode,
    change: change.change,
    stocked: change.change === 'stocked',
    onHand: onHand(change.drugCode),
    changedAt: change.changedAt,
  }));
}

/**
 * What stock movements announce: only those that change whether the drug is available at the institution, packs
 * received into a stock that had none (back in stock) or the last packs issued (out of stock). A move that leaves
 * some on hand either side says nothing a prescriber or a referral would act on, and dispensing would flood the
 * topic. `stocks` says whether the drug is on the institution's formulary: a distribution may bring a substitute the
 * institution does not list into its stock.
 */
export function availabilityChangesAnnounced(
  groupId: string,
  movements: readonly StockMovement[],
  stocks: (institutionId: string, drugCode: string) => boolean,
): FormularyItemChanged[] {
  return movements.flatMap((movement): FormularyItemChanged[] => {
    const before =
      movement.kind === 'received'
        ? movement.onHandAfter - movement.quantity
        : movement.onHandAfter + movement.quantity;
    const change =
      before === 0 && movement.onHandAfter > 0
        ? 'back-in-stock'
        : before > 0 && movement.onHandAfter === 0
          ? 'out-of-stock'
          : null;
    if (change === null) return [];
    return [
      {
        groupId,
        institutionId: movement.institutionId,
        drugCode: movement.drugCode,
        change,
        stocked: stocks(movement.institutionId, movement.drugCode),
        onHand: movement.onHandAfter,
        changedAt: movement.at,
      },
    ];
  });
}
