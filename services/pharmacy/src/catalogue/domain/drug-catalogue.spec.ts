import { aDrug, aMetforminDrug, anOriginatorDrug } from '../test/drug.factory';
import { CatalogueErrorCode } from './catalogue-error';
import { DrugCatalogue } from './drug-catalogue';
import { refusal } from '../../test/refusal';

const JAN = new Date('2027-01-01T00:00:00Z');
const FEB = new Date('2027-02-01T00:00:00Z');
const MAR = new Date('2027-03-01T00:00:00Z');
const before = (at: Date) => new Date(at.getTime() - 1);

/** A catalogue holding amlodipine (essential) and its originator from January. */
function aCatalogue(): DrugCatalogue {
  const catalogue = DrugCatalogue.empty('group-1');
  catalogue.load([aDrug(), anOriginatorDrug()], JAN, 0, JAN);
  catalogue.pullEvents();
  return catalogue;
}

describe(DrugCatalogue.name, () => {
  it('lists a load from its effective instant on, not before, and publishes each drug listed', () => {
    const sut = DrugCatalogue.empty('group-1');

    sut.load([aDrug(), aMetforminDrug()], FEB, 0, JAN);

    expect(sut.version).toBe(1);
    expect(sut.drugAt(aDrug().code, before(FEB))).toBeUndefined();
    expect(sut.drugAt(aDrug().code, FEB)).toEqual(aDrug());
    expect(sut.drugsAt(MAR).map((d) => d.genericName)).toEqual(['苯磺酸氨氯地平', '盐酸二甲双胍']);
    expect(sut.pullEvents()).toEqual([
      expect.objectContaining({
        code: aDrug().code,
        change: 'listed',
        effectiveFrom: FEB,
        catalogueVersion: 1,
      }),
      expect.objectContaining({ code: aMetforminDrug().code, change: 'listed', catalogueVersion: 1 }),
    ]);
    expect(sut.pullEvents()).toEqual([]);
  });

  it('never changes a price retroactively: each instant reads the price then in force', () => {
    const sut = aCatalogue();

    sut.put(aDrug({ unifiedPriceFen: 180, bidPriceFen: 180 }), MAR, 1, FEB);

    expect(sut.drugAt(aDrug().code, JAN)?.unifiedPriceFen).toBe(196);
    expect(sut.drugAt(aDrug().code, before(MAR))?.unifiedPriceFen).toBe(196);
    expect(sut.drugAt(aDrug().code, MAR)?.unifiedPriceFen).toBe(180);
    expect(sut.pullEvents()).toEqual([expect.objectContaining({ change: 'changed', effectiveFrom: MAR })]);
  });

  it('refuses a change effective before now, naming effectiveFrom, with nothing changed', () => {
    const sut = aCatalogue();

    expect(
      refusal(() => sut.put(aDrug({ unifiedPriceFen: 100, bidPriceFen: 100 }), JAN, 1, FEB)),
    ).toMatchObject({
      code: CatalogueErrorCode.RetroactiveChange,
      violations: [{ field: 'effectiveFrom' }],
    });
    expect(sut.drugAt(aDrug().code, FEB)?.unifiedPriceFen).toBe(196);
    expect(sut.version).toBe(1);
    expect(sut.pullEvents()).toEqual([]);
  });

  it('takes a change effective now', () => {
    const sut = aCatalogue();

    sut.put(aDrug({ unifiedPriceFen: 190, bidPriceFen: 190 }), FEB, 1, FEB);

    expect(sut.drugAt(aDrug().code, FEB)?.unifiedPriceFen).toBe(190);
  });

  it('supersedes a scheduled change that had not taken effect by a change from an earlier instant', () => {
    const sut = aCatalogue();
    sut.put(aDrug({ unifiedPriceFen: 150, bidPriceFen: 150 }), MAR, 1, JAN);

    sut.put(aDrug({ unifiedPriceFen: 170, bidPriceFen: 170 }), FEB, 2, JAN);

    expect(sut.drugAt(aDrug().code, MAR)?.unifiedPriceFen).toBe(170);
    const history = sut.snapshot().drugs.find((d) => d.code === aDrug().code);
    expect(history?.versions.map((v) => v.effectiveFrom)).toEqual([JAN, FEB]);
  });

  it('withdraws a drug from an instant on and keeps what it was before', () => {
    const sut = aCatalogue();

    sut.withdraw(anOriginatorDrug().code, MAR, 1, FEB);

    expect(sut.drugAt(anOriginatorDrug().code, before(MAR))).toEqual(anOriginatorDrug());
    expect(sut.drugAt(anOriginatorDrug().code, MAR)).toBeUndefined();
    expect(sut.pullEvents()).toEqual([
      expect.objectContaining({ change: 'withdrawn', drug: null, effectiveFrom: MAR }),
    ]);
  });

  it('lists a withdrawn drug again as listed', () => {
    const sut = aCatalogue();
    sut.withdraw(anOriginatorDrug().code, FEB, 1, FEB);

    sut.put(anOriginatorDrug(), MAR, 2, MAR);

    expect(sut.pullEvents().map((e) => e.change)).toEqual(['withdrawn', 'listed']);
    expect(sut.drugAt(anOriginatorDrug().code, MAR)).toEqual(anOriginatorDrug());
  });

  it('refuses to withdraw a drug not in force then, naming code', () => {
    const sut = aCatalogue();

    expect(refusal(() => sut.withdraw(aMetforminDrug().code, FEB, 1, FEB))).toMatchObject({
      code: CatalogueErrorCode.UnknownDrug,
      violations: [{ field: 'code' }],
    });
  });

  it('refuses a change made from a stale version, so two editors cannot overwrite each other unseen', () => {
    const sut = aCatalogue();
    sut.put(aDrug({ strength: '5mg ' }), FEB, 1, FEB);

    expect(refusal(() => sut.put(aMetforminDrug(), FEB, 1, FEB))).toMatchObject({
      code: CatalogueErrorCode.StaleCatalogueVersion,
    });
  });

  it('refuses a whole load with a bad drug or a code twice, naming every one, and lists nothing', () => {
    const sut = DrugCatalogue.empty('group-1');

    expect(
      refusal(() => sut.load([aDrug(), aMetforminDrug({ unifiedPriceFen: 2.5 }), aDrug()], FEB, 0, JAN)),
    ).toMatchObject({
      code: CatalogueErrorCode.InvalidDrug,
      violations: [
        { field: 'drugs[1].unifiedPriceFen', reason: 'NOT_FEN' },
        { field: 'drugs[2].code', reason: CatalogueErrorCode.DuplicateDrug },
      ],
    });
    expect(sut.version).toBe(0);
    expect(sut.drugsAt(MAR)).toEqual([]);
  });

  it('refuses a single bad drug, naming the field under drug', () => {
    const sut = aCatalogue();

    expect(refusal(() => sut.put(aDrug({ code: 'X1' }), FEB, 1, FEB))).toMatchObject({
      violations: [{ field: 'drug.code' }],
    });
  });

  it('names an unknown code on the field the request carried', () => {
    const sut = aCatalogue();

    expect(
      refusal(() => sut.drugAtOrThrow('XC08CAA014A001010109999', FEB, 'lines[2].drugCode')),
    ).toMatchObject({
      code: CatalogueErrorCode.UnknownDrug,
      violations: [{ field: 'lines[2].drugCode' }],
    });
  });

  it('finds the other products of the same generic and form in force, not other forms or withdrawn ones', () => {
    const sut = aCatalogue();
    const capsule = aDrug({ code: 'XC08CAA014A002010100535', dosageForm: 'capsule' });
    const tenMg = aDrug({ code: 'XC08CAA014A001010200535', strength: '10mg' });
    sut.load([capsule, tenMg], FEB, 1, FEB);
    sut.withdraw(tenMg.code, MAR, 2, MAR);

    expect(sut.sameGenericAndFormAt(aDrug(), FEB).map((d) => d.code)).toEqual([
      anOriginatorDrug().code,
      tenMg.code,
    ]);
    expect(sut.sameGenericAndFormAt(aDrug(), MAR).map((d) => d.code)).toEqual([anOriginatorDrug().code]);
  });

  it('restores from its snapshot with the same history and version', () => {
    const original = aCatalogue();
    original.put(aDrug({ unifiedPriceFen: 180, bidPriceFen: 180 }), MAR, 1, FEB);

    const sut = DrugCatalogue.restore(original.snapshot());

    expect(sut.version).toBe(2);
    expect(sut.drugAt(aDrug().code, JAN)?.unifiedPriceFen).toBe(196);
    expect(sut.drugAt(aDrug().code, MAR)?.unifiedPriceFen).toBe(180);
    expect(sut.sameGenericAndFormAt(aDrug(), JAN)).toHaveLength(1);
  });

  it('says whether a level may stock a drug', () => {
    expect(DrugCatalogue.allowedAt(anOriginatorDrug(), 'primary')).toBe(false);
    expect(DrugCatalogue.allowedAt(anOriginatorDrug(), 'secondary')).toBe(true);
  });
});
