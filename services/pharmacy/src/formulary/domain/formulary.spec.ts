import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { refusal } from '../../test/refusal';
import { aFormulary } from '../test/formulary.factory';
import { Formulary } from './formulary';
import { FormularyErrorCode } from './formulary-error';

const now = new Date('2027-01-05T08:00:00Z');

describe(Formulary.name, () => {
  it('stocks a drug its level may stock, and says so with FormularyChanged', () => {
    const sut = Formulary.empty('clinic-1', 'primary');

    sut.stock(aDrug(), now);

    expect(sut.stocks(aDrug().code)).toBe(true);
    expect(sut.snapshot()).toEqual({
      institutionId: 'clinic-1',
      level: 'primary',
      drugCodes: [aDrug().code],
    });
    expect(sut.pullEvents()).toEqual([
      { institutionId: 'clinic-1', drugCode: aDrug().code, change: 'stocked', changedAt: now },
    ]);
  });

  it('refuses a drug kept to hospitals at a primary institution, naming the field', () => {
    const sut = Formulary.empty('clinic-1', 'primary');

    expect(refusal(() => sut.stock(anOriginatorDrug(), now, 'drugs[2].drugCode'))).toMatchObject({
      code: FormularyErrorCode.NotAllowedAtLevel,
      category: 'invalid-argument',
      violations: [{ field: 'drugs[2].drugCode' }],
    });
    expect(sut.stocks(anOriginatorDrug().code)).toBe(false);
  });

  it('lets a secondary hospital stock the originator', () => {
    const sut = Formulary.empty('hospital-1', 'secondary');

    sut.stock(anOriginatorDrug(), now);

    expect(sut.stocks(anOriginatorDrug().code)).toBe(true);
  });

  it('refuses to stock twice and to drop what it does not stock', () => {
    const sut = aFormulary([aDrug()]);

    expect(refusal(() => sut.stock(aDrug(), now)).code).toBe(FormularyErrorCode.AlreadyStocked);
    expect(refusal(() => sut.unstock(aMetforminDrug().code, now)).code).toBe(FormularyErrorCode.NotStocked);
    expect(sut.pullEvents()).toEqual([]);
  });

  it('drops a drug it stocks', () => {
    const sut = aFormulary([aDrug(), aMetforminDrug()]);

    sut.unstock(aDrug().code, now);

    expect(sut.snapshot().drugCodes).toEqual([aMetforminDrug().code]);
    expect(sut.pullEvents()).toEqual([
      expect.objectContaining({ change: 'unstocked', drugCode: aDrug().code }),
    ]);
  });

  it('names the request field of a drug it does not stock', () => {
    const sut = aFormulary([aDrug()]);

    expect(() => sut.checkStocks(aDrug().code, 'lines[0].drugCode')).not.toThrow();
    expect(refusal(() => sut.checkStocks(aMetforminDrug().code, 'lines[1].drugCode'))).toMatchObject({
      code: FormularyErrorCode.NotStocked,
      violations: [{ field: 'lines[1].drugCode', reason: FormularyErrorCode.NotStocked }],
    });
  });
});
