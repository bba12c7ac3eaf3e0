import { describe, expect, it } from 'vitest';
import {
  firstContactsIn,
  prescribingIn,
  recognitionIn,
  shareBp,
  spendAgainstBudget,
} from './care-indicators';

const all = () => true;
const only =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);

describe('care indicators of a scope', () => {
  it('pools first contacts of the institutions in scope and judges the share against 70%', () => {
    const figures = [
      { institutionId: 'centre', firstContacts: 80, primaryFirstContacts: 80, referredVisits: 3 },
      { institutionId: 'hospital', firstContacts: 40, primaryFirstContacts: 0, referredVisits: 9 },
      { institutionId: 'elsewhere', firstContacts: 1000, primaryFirstContacts: 0 },
    ];
    expect(firstContactsIn(figures, only('centre', 'hospital'))).toEqual({
      firstContacts: 120,
      primary: 80,
      referredVisits: 12,
      shareBp: 6666,
      status: 'below',
    });
    expect(firstContactsIn(figures, only('centre')).status).toBe('met');
    expect(firstContactsIn([], all)).toMatchObject({ shareBp: null, status: 'no-data' });
  });

  it('rates recognition as reused among decided look-ups, not among all look-ups', () => {
    const figures = [
      { institutionId: 'a', itemCode: 'HBA1C', lookups: 12, reused: 9, orderedAnyway: 1 },
      { institutionId: 'a', itemCode: 'LDL', lookups: 5, reused: 0, orderedAnyway: 0 },
    ];
    expect(recognitionIn(figures, all)).toEqual({
      lookups: 17,
      reused: 9,
      orderedAnyway: 1,
      rateBp: 9000,
      status: 'met',
    });
  });

  it('takes the essential share of catalogued lines against half', () => {
    const figures = [
      { institutionId: 'a', checks: 10, lines: 30, essentialLines: 14, volumeBasedLines: 6 },
      { institutionId: 'b', checks: 2, lines: 10, essentialLines: 6, longPrescriptionsAccepted: 1 },
    ];
    expect(prescribingIn(figures, all)).toMatchObject({
      checks: 12,
      lines: 40,
      essentialShareBp: 5000,
      volumeBasedShareBp: 1500,
      longAccepted: 1,
      status: 'met',
    });
    expect(prescribingIn(figures, only('a')).status).toBe('below');
  });

  it('sums settled budgets and spend in whole fen, beyond what a float holds exactly', () => {
    const spend = spendAgainstBudget([
      { runId: 'r1', groupId: 'g1', budget: '900719925474099300', fundPaid: '900719925474099200' },
      {
        runId: 'r2',
        groupId: 'g2',
        budget: '100',
        fundPaid: '150',
        balance: { kind: 'OVERSPEND', amount: '50' },
      },
    ]);
    expect(spend.budget).toBe(900719925474099400n);
    expect(spend.balance).toBe(50n);
    expect(spend.overspentGroups).toBe(1);
    expect(spend.status).toBe('below');
    expect(spendAgainstBudget([]).status).toBe('no-data');
  });

  it('rounds an achieved share down', () => {
    expect(shareBp(2, 3)).toBe(6666);
    expect(shareBp(1, 0)).toBeNull();
  });
});
