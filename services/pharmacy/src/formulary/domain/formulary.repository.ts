import { type InstitutionLevel } from '../../common/institution-level';
import { type Formulary, type FormularyChanged } from './formulary';
import { type StockBalance, type StockMovement } from './stock-balance';

/**
 * The institutions' formularies and stock (all SQL lives in the adapter): the drugs each stocks, its balances and
 * the history of its movements.
 */
export abstract class FormularyRepository {
  /**
   * The institution's formulary at the level the registry announced (empty before its first drug); `lock` makes
   * concurrent changes of one institution's formulary and stock wait their turn, inside the current transaction.
   */
  abstract load(institutionId: string, level: InstitutionLevel, lock: boolean): Promise<Formulary>;
  /** Stores the drugs stocked and dropped since the formulary was loaded. */
  abstract save(changes: readonly FormularyChanged[]): Promise<void>;
  /** The institution's balance of the drug (0 on hand before its first movement). */
  abstract balance(institutionId: string, drugCode: string): Promise<StockBalance>;
  /** Every balance of the institution, by drug code. */
  abstract balances(institutionId: string): Promise<StockBalance[]>;
  /** Stores a balance after a movement, and the movement. */
  abstract saveMovement(balance: StockBalance, movement: StockMovement): Promise<void>;
}
