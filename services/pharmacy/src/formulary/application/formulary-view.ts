import { type InstitutionLevel } from '../../common/institution-level';
import { type Formulary } from '../domain/formulary';
import { type StockBalance } from '../domain/stock-balance';

/** A formulary as the operations answer it: each drug stocked with its packs on hand. */
export interface FormularyView {
  readonly institutionId: string;
  readonly level: InstitutionLevel;
  readonly items: readonly { readonly drugCode: string; readonly onHand: number }[];
}

export function formularyView(formulary: Formulary, balances: readonly StockBalance[]): FormularyView {
  const onHand = new Map(balances.map((balance) => [balance.drugCode, balance.onHand]));
  const { institutionId, level, drugCodes } = formulary.snapshot();
  return {
    institutionId,
    level,
    items: drugCodes.map((drugCode) => ({ drugCode, onHand: onHand.get(drugCode) ?? 0 })),
  };
}
