import { StockBalance } from './stock-balance';
import { StockBook } from './stock-book';
import { availabilityChangesAnnounced, formularyChangesAnnounced } from './formulary-announcements';

const at = new Date('2027-01-05T08:00:00Z');
const group = 'group-1';
const stocked = () => true;

describe('formulary announcements', () => {
  it('announces a drug stocked and one unstocked with its packs on hand after', () => {
    const onHand = (code: string) => (code === 'MET' ? 0 : 7);

    const announced = formularyChangesAnnounced(
      group,
      [
        { institutionId: 'clinic-1', drugCode: 'MET', change: 'stocked', changedAt: at },
        { institutionId: 'clinic-1', drugCode: 'AML', change: 'unstocked', changedAt: at },
      ],
      onHand,
    );

    expect(announced).toEqual([
      {
        groupId: group,
        institutionId: 'clinic-1',
        drugCode: 'MET',
        change: 'stocked',
        stocked: true,
        onHand: 0,
        changedAt: at,
      },
      {
        groupId: group,
        institutionId: 'clinic-1',
        drugCode: 'AML',
        change: 'unstocked',
        stocked: false,
        onHand: 7,
        changedAt: at,
      },
    ]);
  });

  it('announces packs received into an empty stock as back in stock, and not a second receipt', () => {
    const [once, first] = StockBalance.empty('clinic-1', 'MET').receive(10, 'delivery', at);
    const [, second] = once.receive(5, 'delivery', at);

    expect(availabilityChangesAnnounced(group, [first, second], stocked)).toEqual([
      {
        groupId: group,
        institutionId: 'clinic-1',
        drugCode: 'MET',
        change: 'back-in-stock',
        stocked: true,
        onHand: 10,
        changedAt: at,
      },
    ]);
  });

  it('announces the last packs issued as out of stock, and not an issue that leaves some', () => {
    const balance = StockBalance.restore('clinic-1', 'MET', 10);
    const [left, some] = balance.issue(4, 'dispensed', at);
    const [, last] = left.issue(6, 'dispensed', at);

    expect(availabilityChangesAnnounced(group, [some, last], stocked)).toEqual([
      expect.objectContaining({ drugCode: 'MET', change: 'out-of-stock', onHand: 0 }),
    ]);
  });

  it('says whether the drug is on the formulary: a substitute distributed may not be', () => {
    const [, received] = StockBalance.empty('clinic-1', 'ATO-B').receive(4, 'distribution', at);

    expect(availabilityChangesAnnounced(group, [received], () => false)).toEqual([
      expect.objectContaining({ drugCode: 'ATO-B', change: 'back-in-stock', stocked: false, onHand: 4 }),
    ]);
  });

  it('judges each move of one step on its own: a distribution into two institutions announces each', () => {
    const book = new StockBook([StockBalance.restore('clinic-2', 'MET', 3)]);
    const movements = book.apply(
      [
        { institutionId: 'clinic-1', drugCode: 'MET', kind: 'receive', quantity: 5, reason: 'd', field: 'a' },
        { institutionId: 'clinic-2', drugCode: 'MET', kind: 'receive', quantity: 5, reason: 'd', field: 'b' },
      ],
      at,
    );

    expect(
      availabilityChangesAnnounced(group, movements, stocked).map((a) => [a.institutionId, a.change]),
    ).toEqual([['clinic-1', 'back-in-stock']]);
  });
});
