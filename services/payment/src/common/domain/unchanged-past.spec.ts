import { pastChangeViolations, RETROACTIVE_CHANGE } from './unchanged-past';

interface Row {
  from: string;
  until: string | null;
  amount: number;
}

describe(pastChangeViolations.name, () => {
  const sut = (before: Row[], after: Row[]) => pastChangeViolations(before, after, '2026-06-15', 'rates');
  const inForce: Row = { from: '2026-01-01', until: null, amount: 100 };

  it('lets a row in force be ended after today and a successor start then', () => {
    expect(
      sut(
        [inForce],
        [
          { ...inForce, until: '2026-07-01' },
          { from: '2026-07-01', until: null, amount: 120 },
        ],
      ),
    ).toEqual([]);
  });

  it('reads a row the same whatever the order of its keys (as a jsonb column gives them back)', () => {
    const stored = JSON.parse('{"amount": 100, "until": null, "from": "2026-01-01"}') as Row;

    expect(sut([stored], [inForce])).toEqual([]);
  });

  it('lets rows that have not begun change freely', () => {
    expect(sut([{ from: '2026-09-01', until: null, amount: 1 }], [])).toEqual([]);
  });

  it('refuses a changed figure of a row in force, naming it', () => {
    expect(sut([inForce], [{ ...inForce, amount: 90 }])).toEqual([
      expect.objectContaining({ field: 'rates[0]', reason: RETROACTIVE_CHANGE }),
      expect.objectContaining({ field: 'rates', reason: RETROACTIVE_CHANGE }),
    ]);
  });

  it('refuses a row ended by today, a row dropped and a new row starting today', () => {
    expect(sut([inForce], [{ ...inForce, until: '2026-06-15' }]).map((v) => v.field)).toEqual([
      'rates[0]',
      'rates',
    ]);
    expect(sut([inForce], []).map((v) => v.field)).toEqual(['rates']);
    expect(sut([], [{ from: '2026-06-15', until: null, amount: 1 }]).map((v) => v.field)).toEqual([
      'rates[0]',
    ]);
  });
});
