import { StockBalance, type StockMovement } from './stock-balance';

/** One move of packs: out of an institution's stock (issue) or into it (receive). */
export interface StockMove {
  readonly institutionId: string;
  readonly drugCode: string;
  readonly kind: 'issue' | 'receive';
  readonly quantity: number;
  readonly reason: string;
  /** The request field it came from, named when it is refused. */
  readonly field: string;
}

/**
 * The balances several moves touch, applied together or not at all: a distribution issues from the purchasing
 * centre and receives at the institutions in one step, and when one move is refused (an issue beyond what is on
 * hand) no balance changes. Moves apply in order, so receiving then issuing the same packs works.
 */
export class StockBook {
  private readonly balances = new Map<string, StockBalance>();

  constructor(balances: readonly StockBalance[] = []) {
    for (const balance of balances)
      this.balances.set(keyOf(balance.institutionId, balance.drugCode), balance);
  }

  onHand(institutionId: string, drugCode: string): number {
    return this.balances.get(keyOf(institutionId, drugCode))?.onHand ?? 0;
  }

  /** Applies every move or none; answers the movements made. */
  apply(moves: readonly StockMove[], at: Date): StockMovement[] {
    const working = new Map(this.balances);
    const movements: StockMovement[] = [];
    for (const move of moves) {
      const key = keyOf(move.institutionId, move.drugCode);
      const balance = working.get(key) ?? StockBalance.empty(move.institutionId, move.drugCode);
      const [after, movement] =
        move.kind === 'issue'
          ? balance.issue(move.quantity, move.reason, at, move.field)
          : balance.receive(move.quantity, move.reason, at, move.field);
      working.set(key, after);
      movements.push(movement);
    }
    for (const [key, balance] of working) this.balances.set(key, balance);
    return movements;
  }

  balancesNow(): StockBalance[] {
    return [...this.balances.values()];
  }
}

function keyOf(institutionId: string, drugCode: string): string {
  return `${institutionId}\u0000${drugCode}`;
}
