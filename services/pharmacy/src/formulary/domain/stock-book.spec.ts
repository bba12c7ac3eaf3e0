import { refusal } from '../../test/refusal';
import { FormularyErrorCode } from './formulary-error';
import { StockBalance } from './stock-balance';
import { StockBook, type StockMove } from './stock-book';

const at = new Date('2027-01-05T08:00:00Z');
const CODE = 'XC08CAA014A001010100535';
const move = (
  institutionId: string,
  kind: StockMove['kind'],
  quantity: number,
  field = 'quantity',
): StockMove => ({
  institutionId,
  drugCode: CODE,
  kind,
  quantity,
  reason: 'distribution',
  field,
});

describe(StockBook.name, () => {
  it('moves packs from the centre to institutions in one step', () => {
    const sut = new StockBook([StockBalance.restore('centre', CODE, 10)]);

    const movements = sut.apply(
      [move('centre', 'issue', 6), move('clinic-1', 'receive', 4), move('clinic-2', 'receive', 2)],
      at,
    );

    expect(movements.map((m) => [m.institutionId, m.kind, m.onHandAfter])).toEqual([
      ['centre', 'issued', 4],
      ['clinic-1', 'received', 4],
      ['clinic-2', 'received', 2],
    ]);
    expect([sut.onHand('centre', CODE), sut.onHand('clinic-1', CODE), sut.onHand('clinic-2', CODE)]).toEqual([
      4, 4, 2,
    ]);
  });

  it('changes no balance when one move is refused, and names its field', () => {
    const sut = new StockBook([StockBalance.restore('centre', CODE, 5)]);

    expect(
      refusal(() =>
        sut.apply(
          [move('clinic-1', 'receive', 6), move('centre', 'issue', 6, 'allocations[0].quantity')],
          at,
        ),
      ),
    ).toMatchObject({
      code: FormularyErrorCode.InsufficientStock,
      violations: [{ field: 'allocations[0].quantity' }],
    });
    expect([sut.onHand('centre', CODE), sut.onHand('clinic-1', CODE)]).toEqual([5, 0]);
  });

  it('applies moves in order, so packs received may be issued in the same step', () => {
    const sut = new StockBook();

    sut.apply([move('centre', 'receive', 3), move('centre', 'issue', 3)], at);

    expect(sut.onHand('centre', CODE)).toBe(0);
    expect(sut.balancesNow()).toHaveLength(1);
  });
});
