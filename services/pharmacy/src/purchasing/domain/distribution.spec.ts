import { aDrug, aMetforminDrug } from '../../catalogue/test/drug.factory';
import { StockBalance } from '../../formulary/domain/stock-balance';
import { StockBook } from '../../formulary/domain/stock-book';
import { FormularyErrorCode } from '../../formulary/domain/formulary-error';
import { refusal } from '../../test/refusal';
import {
  aPurchasingCatalogue,
  aRequisition,
  atorvastatin,
  atorvastatinOtherMaker,
  CLINIC_1,
  CLINIC_2,
} from '../test/purchasing.factory';
import { distributionMoves, planDistribution, receiptMoves } from './distribution';
import { aggregateRequisitions, type PurchaseOrder } from './purchase-order';

const at = new Date('2027-02-03T08:00:00Z');
const CENTRE = 'centre';

/** Clinic 1 (earlier) asks 20 amlodipine and 4 atorvastatin, clinic 2 asks 10 amlodipine and 5 metformin. */
function orders(): readonly PurchaseOrder[] {
  const first = aRequisition(
    'req-1',
    [
      { drugCode: aDrug().code, quantity: 20 },
      { drugCode: atorvastatin.code, quantity: 4 },
    ],
    CLINIC_1,
    new Date('2027-02-01T08:00:00Z'),
  );
  const second = aRequisition(
    'req-2',
    [
      { drugCode: aDrug().code, quantity: 10 },
      { drugCode: aMetforminDrug().code, quantity: 5 },
    ],
    CLINIC_2,
    new Date('2027-02-02T08:00:00Z'),
  );
  let n = 0;
  return aggregateRequisitions([second, first], aPurchasingCatalogue(), at, () => `po-${++n}`).orders;
}

describe(planDistribution.name, () => {
  const sut = planDistribution;

  it('gives every requisition what it asked when all was delivered', () => {
    const order = orders()[1]!;
    order.receive(
      {
        deliveryId: 'dn-1',
        lines: [
          { drugCode: aDrug().code, quantity: 30 },
          { drugCode: aMetforminDrug().code, quantity: 5 },
        ],
      },
      aPurchasingCatalogue(),
      at,
    );

    expect(sut(order)).toEqual({
      allocations: [
        {
          requisitionId: 'req-2',
          institutionId: CLINIC_2,
          orderedCode: aMetforminDrug().code,
          drugCode: aMetforminDrug().code,
          quantity: 5,
        },
        {
          requisitionId: 'req-1',
          institutionId: CLINIC_1,
          orderedCode: aDrug().code,
          drugCode: aDrug().code,
          quantity: 20,
        },
        {
          requisitionId: 'req-2',
          institutionId: CLINIC_2,
          orderedCode: aDrug().code,
          drugCode: aDrug().code,
          quantity: 10,
        },
      ],
      shortfalls: [],
    });
  });

  it('serves the earliest requisition first when delivered short, and records the shortfall of the others', () => {
    const order = orders()[1]!;
    order.receive(
      { deliveryId: 'dn-1', lines: [{ drugCode: aDrug().code, quantity: 24 }] },
      aPurchasingCatalogue(),
      at,
    );

    const plan = sut(order);

    expect(plan.allocations.map((a) => [a.requisitionId, a.drugCode, a.quantity])).toEqual([
      ['req-1', aDrug().code, 20],
      ['req-2', aDrug().code, 4],
    ]);
    expect(plan.shortfalls).toEqual([
      {
        requisitionId: 'req-2',
        institutionId: CLINIC_2,
        drugCode: aMetforminDrug().code,
        asked: 5,
        given: 0,
      },
      { requisitionId: 'req-2', institutionId: CLINIC_2, drugCode: aDrug().code, asked: 10, given: 4 },
    ]);
  });

  it('sends a substitute out as itself, across two deliveries', () => {
    const order = orders()[0]!;
    order.receive(
      { deliveryId: 'dn-1', lines: [{ drugCode: atorvastatin.code, quantity: 1 }] },
      aPurchasingCatalogue(),
      at,
    );
    order.receive(
      {
        deliveryId: 'dn-2',
        lines: [{ drugCode: atorvastatinOtherMaker.code, quantity: 3, substituteFor: atorvastatin.code }],
      },
      aPurchasingCatalogue(),
      at,
    );

    expect(
      sut(order).allocations.map((a) => [a.requisitionId, a.orderedCode, a.drugCode, a.quantity]),
    ).toEqual([
      ['req-1', atorvastatin.code, atorvastatin.code, 1],
      ['req-1', atorvastatin.code, atorvastatinOtherMaker.code, 3],
    ]);
  });
});

describe(distributionMoves.name, () => {
  const sut = distributionMoves;

  it('moves the allocated packs out of the centre and into each institution, all in one step', () => {
    const order = orders()[1]!;
    order.receive(
      { deliveryId: 'dn-1', lines: [{ drugCode: aDrug().code, quantity: 30 }] },
      aPurchasingCatalogue(),
      at,
    );
    const book = new StockBook([StockBalance.restore(CENTRE, aDrug().code, 30)]);

    book.apply(sut(planDistribution(order), CENTRE), at);

    expect([
      book.onHand(CENTRE, aDrug().code),
      book.onHand(CLINIC_1, aDrug().code),
      book.onHand(CLINIC_2, aDrug().code),
    ]).toEqual([0, 20, 10]);
  });

  it('moves nothing when the centre does not hold what the plan gives out', () => {
    const order = orders()[1]!;
    order.receive(
      { deliveryId: 'dn-1', lines: [{ drugCode: aDrug().code, quantity: 30 }] },
      aPurchasingCatalogue(),
      at,
    );
    const book = new StockBook([StockBalance.restore(CENTRE, aDrug().code, 25)]);

    expect(refusal(() => book.apply(sut(planDistribution(order), CENTRE), at))).toMatchObject({
      code: FormularyErrorCode.InsufficientStock,
      violations: [{ field: 'allocations[1].quantity' }],
    });
    expect([book.onHand(CENTRE, aDrug().code), book.onHand(CLINIC_1, aDrug().code)]).toEqual([25, 0]);
  });
});

describe(receiptMoves.name, () => {
  const sut = receiptMoves;

  it('receives the allocated packs straight into each institution, the centre holding none', () => {
    const order = orders()[1]!;
    order.receive(
      { deliveryId: 'dn-1', lines: [{ drugCode: aDrug().code, quantity: 25 }] },
      aPurchasingCatalogue(),
      at,
    );
    const book = new StockBook([StockBalance.restore(CLINIC_1, aDrug().code, 3)]);

    const moves = sut(planDistribution(order));
    book.apply(moves, at);

    expect(moves.map((m) => [m.institutionId, m.kind, m.quantity, m.field])).toEqual([
      [CLINIC_1, 'receive', 20, 'allocations[0].quantity'],
      [CLINIC_2, 'receive', 5, 'allocations[1].quantity'],
    ]);
    expect([book.onHand(CLINIC_1, aDrug().code), book.onHand(CLINIC_2, aDrug().code)]).toEqual([23, 5]);
  });
});
