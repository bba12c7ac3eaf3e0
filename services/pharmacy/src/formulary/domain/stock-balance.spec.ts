import { refusal } from '../../test/refusal';
import { FormularyErrorCode } from './formulary-error';
import { StockBalance } from './stock-balance';

const at = new Date('2027-01-05T08:00:00Z');
const CODE = 'XC08CAA014A001010100535';

describe(StockBalance.name, () => {
  it('receives packs and answers the balance after with its movement', () => {
    const sut = StockBalance.empty('clinic-1', CODE);

    const [after, movement] = sut.receive(20, 'distribution', at);

    expect(after.onHand).toBe(20);
    expect(movement).toEqual({
      institutionId: 'clinic-1',
      drugCode: CODE,
      kind: 'received',
      quantity: 20,
      onHandAfter: 20,
      reason: 'distribution',
      at,
    });
    expect(sut.onHand).toBe(0);
  });

  it('issues down to zero exactly', () => {
    const sut = StockBalance.restore('clinic-1', CODE, 3);

    const [after, movement] = sut.issue(3, 'dispensed', at);

    expect(after.onHand).toBe(0);
    expect(movement).toMatchObject({ kind: 'issued', quantity: 3, onHandAfter: 0 });
  });

  it('refuses an issue larger than what is on hand, whole, and never goes negative', () => {
    const sut = StockBalance.restore('clinic-1', CODE, 3);

    expect(refusal(() => sut.issue(4, 'dispensed', at, 'lines[0].quantity'))).toMatchObject({
      code: FormularyErrorCode.InsufficientStock,
      category: 'failed-precondition',
      message: `4 packs of ${CODE} asked, 3 on hand`,
      violations: [{ field: 'lines[0].quantity' }],
    });
    expect(sut.onHand).toBe(3);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])(
    'refuses a quantity of %s, naming the field',
    (quantity) => {
      const sut = StockBalance.restore('clinic-1', CODE, 10);

      for (const act of [() => sut.receive(quantity, 'x', at), () => sut.issue(quantity, 'x', at)]) {
        expect(refusal(act)).toMatchObject({
          code: FormularyErrorCode.InvalidQuantity,
          violations: [{ field: 'quantity' }],
        });
      }
    },
  );

  it('keeps arithmetic whole through a run of movements', () => {
    let sut = StockBalance.empty('clinic-1', CODE);
    const script: ['receive' | 'issue', number][] = [
      ['receive', 10],
      ['issue', 4],
      ['receive', 7],
      ['issue', 13],
    ];

    for (const [op, quantity] of script) [sut] = sut[op](quantity, op, at);

    expect(sut.onHand).toBe(0);
    expect(refusal(() => sut.issue(1, 'dispensed', at)).code).toBe(FormularyErrorCode.InsufficientStock);
  });
});
