import { type Fen } from '../../common/domain/money';
import { aLine } from '../test/claim.factory';
import { ClaimErrorCode } from './claim-error';
import { claimLineViolations, expectedAmount } from './claim-line';

describe(claimLineViolations.name, () => {
  const sut = claimLineViolations;

  it('takes a line whose amount is quantity × unit price, rounded half-up to the fen', () => {
    expect(sut(aLine({ quantity: 2, unitPrice: 1250 as Fen, amount: 2500 as Fen }), 'lines[0]')).toEqual([]);
    expect(sut(aLine({ quantity: 0.5, unitPrice: 1001 as Fen, amount: 501 as Fen }), 'lines[0]')).toEqual([]);
  });

  it('refuses an amount that does not add up, saying what it should be', () => {
    const violations = sut(aLine({ quantity: 2, unitPrice: 1250 as Fen, amount: 2600 as Fen }), 'lines[1]');

    expect(violations.map((v) => [v.field, v.reason])).toEqual([
      ['lines[1].amount', ClaimErrorCode.AmountMismatch],
    ]);
    expect(violations[0]?.description).toContain('2500 fen');
  });

  it('refuses a negative or zero quantity, a fraction of a fen and a bad code, field by field', () => {
    const violations = sut(
      aLine({ code: '', quantity: -1, unitPrice: 10.5 as Fen, amount: 12.25 as Fen }),
      'lines[2]',
    );

    expect(violations.map((v) => [v.field, v.reason])).toEqual([
      ['lines[2].code', ClaimErrorCode.InvalidClaim],
      ['lines[2].quantity', ClaimErrorCode.NegativeQuantity],
      ['lines[2].unitPrice', 'FRACTION_OF_A_FEN'],
      ['lines[2].amount', 'FRACTION_OF_A_FEN'],
    ]);
    expect(sut(aLine({ quantity: 0 }), 'l').map((v) => v.reason)).toEqual([ClaimErrorCode.NegativeQuantity]);
  });

  it('refuses a quantity with more than three decimals and an unknown kind', () => {
    expect(sut(aLine({ quantity: 1.0005, amount: 5003 as Fen }), 'l').map((v) => v.field)).toEqual([
      'l.quantity',
    ]);
    expect(sut(aLine({ kind: 'bed' as never }), 'l').map((v) => v.field)).toEqual(['l.kind']);
  });
});

describe(expectedAmount.name, () => {
  it('rounds half a fen up, as a bill does', () => {
    expect(expectedAmount(0.5, 1001 as Fen)).toBe(501);
    expect(expectedAmount(0.5, 1003 as Fen)).toBe(502);
    expect(expectedAmount(1.5, 3 as Fen)).toBe(5);
  });
});
