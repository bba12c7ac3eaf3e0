import { shareBp } from '@medgrid/kernel';
import { type Fen } from '../../common/fen';
import { type Delivery } from './purchase-order';

export interface ProcurementSavings {
  /** What the delivered packs cost at listed prices. */
  readonly listAmountFen: Fen;
  /** What they cost at the prices paid (bids and the group's prices). */
  readonly paidAmountFen: Fen;
  /** listAmountFen − paidAmountFen; negative if the group paid above list. */
  readonly savedFen: number;
  /** savedFen / listAmountFen in basis points, rounded down; 0 when paid above list; null with nothing delivered. */
  readonly savedShareBp: number | null;
  /** Purchase orders the deliveries were for (a procurement each). */
  readonly procurements: number;
}

/**
 * What unified purchasing saved against listed prices, from what was delivered (Xiangcheng reported ¥710,100 saved
 * over 162 procurements in a year, 71,010,000 fen): per delivered line, packs × (listed price − price paid).
 */
export function procurementSavings(deliveries: readonly Delivery[]): ProcurementSavings {
  const lines = deliveries.flatMap((delivery) => delivery.lines);
  const listAmountFen = lines.reduce((sum, line) => sum + line.quantity * line.listPriceFen, 0);
  const paidAmountFen = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceFen, 0);
  const savedFen = listAmountFen - paidAmountFen;
  return {
    listAmountFen,
    paidAmountFen,
    savedFen,
    savedShareBp: listAmountFen > 0 ? shareBp(Math.max(savedFen, 0), listAmountFen) : null,
    procurements: new Set(deliveries.map((delivery) => delivery.purchaseOrderId)).size,
  };
}
