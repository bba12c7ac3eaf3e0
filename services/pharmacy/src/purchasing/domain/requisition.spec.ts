import { aDrug, aMetforminDrug, anOriginatorDrug } from '../../catalogue/test/drug.factory';
import { aFormulary } from '../../formulary/test/formulary.factory';
import { refusal } from '../../test/refusal';
import { aPurchasingCatalogue, aRequisition, CLINIC_1 } from '../test/purchasing.factory';
import { PurchasingErrorCode } from './purchasing-error';
import { Requisition } from './requisition';

const at = new Date('2027-02-01T08:00:00Z');
const UNKNOWN = 'XC08CAA014A001010109999';

describe(Requisition.name, () => {
  it('raises an open requisition for drugs on the institution formulary', () => {
    const sut = Requisition.raise(
      { id: 'req-1', lines: [{ drugCode: aDrug().code, quantity: 20 }] },
      aFormulary([aDrug()]),
      aPurchasingCatalogue(),
      at,
    );

    expect(sut.snapshot()).toEqual({
      id: 'req-1',
      institutionId: CLINIC_1,
      lines: [{ drugCode: aDrug().code, quantity: 20 }],
      status: 'open',
      purchaseOrderIds: [],
      raisedAt: at,
    });
  });

  it('refuses every bad line at once, each named as the request carries it, and raises nothing', () => {
    const act = () =>
      Requisition.raise(
        {
          id: 'req-1',
          lines: [
            { drugCode: aDrug().code, quantity: 10 },
            { drugCode: anOriginatorDrug().code, quantity: 5 },
            { drugCode: aMetforminDrug().code, quantity: -3 },
            { drugCode: UNKNOWN, quantity: 1 },
            { drugCode: aDrug().code, quantity: 1.5 },
          ],
        },
        aFormulary([aDrug(), aMetforminDrug()]),
        aPurchasingCatalogue(),
        at,
      );

    expect(refusal(act)).toMatchObject({
      code: PurchasingErrorCode.InvalidRequisition,
      category: 'invalid-argument',
    });
    expect(refusal(act).violations.map((v) => [v.field, v.reason])).toEqual([
      ['lines[1].drugCode', PurchasingErrorCode.ItemNotStocked],
      ['lines[2].quantity', PurchasingErrorCode.InvalidQuantity],
      ['lines[3].drugCode', PurchasingErrorCode.UnknownDrug],
      ['lines[4].drugCode', PurchasingErrorCode.DuplicateLine],
      ['lines[4].quantity', PurchasingErrorCode.InvalidQuantity],
    ]);
  });

  it('refuses a requisition without lines, and one of more than 200', () => {
    const formulary = aFormulary([aDrug()]);
    const many = Array.from({ length: 201 }, () => ({ drugCode: aDrug().code, quantity: 1 }));

    expect(
      refusal(() => Requisition.raise({ id: 'r', lines: [] }, formulary, aPurchasingCatalogue(), at))
        .violations,
    ).toEqual([expect.objectContaining({ field: 'lines', description: 'at least one line' })]);
    expect(
      refusal(() => Requisition.raise({ id: 'r', lines: many }, formulary, aPurchasingCatalogue(), at))
        .violations[0],
    ).toMatchObject({ field: 'lines', description: 'at most 200 lines' });
  });

  it('is cancelled while open, and then neither cancelled nor ordered again', () => {
    const sut = aRequisition('req-1', [{ drugCode: aDrug().code, quantity: 1 }]);

    sut.cancel();

    expect(sut.status).toBe('cancelled');
    expect(refusal(() => sut.cancel())).toMatchObject({
      code: PurchasingErrorCode.RequisitionNotOpen,
      category: 'failed-precondition',
    });
    expect(refusal(() => sut.markOrdered(['po-1'])).code).toBe(PurchasingErrorCode.RequisitionNotOpen);
  });
});
