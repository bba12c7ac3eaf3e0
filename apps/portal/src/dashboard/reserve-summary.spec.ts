import { describe, expect, it } from 'vitest';
import { type DailyReport } from '../api/portal-types';
import { type HospitalDay } from './load-scope';
import { bedSummary, slotSummary } from './reserve-summary';

const day = (report: Omit<DailyReport, 'institutionId' | 'date'> | null): HospitalDay => ({
  institution: { id: 'h', name: 'hospital' },
  report: report && { institutionId: 'h', date: '2026-12-06', ...report },
});

describe(slotSummary.name, () => {
  it("pools the hospitals' reserved slots and the used ones against the target", () => {
    const sut = slotSummary([
      day({
        slots: { offered: 90, reservedOffered: 30, reservedUsed: 12, targetRatioBp: 3334, targetMet: true },
      }),
      day({ slots: { offered: 30, reservedOffered: 9, reservedUsed: 9, targetRatioBp: 3334 } }),
    ]);

    expect(sut).toEqual({
      reserved: 39,
      whole: 120,
      used: 21,
      actualBp: 3250,
      targetBp: 3334,
      status: 'below',
    });
  });

  it("takes scheduling's exact judgment of each hospital over the rounded shares", () => {
    const exactThird = { offered: 168, reservedOffered: 56, reservedRatioBp: 3333, targetRatioBp: 3334 };
    expect(slotSummary([day({ slots: { ...exactThird, targetMet: true } })]).status).toBe('met');
    expect(
      slotSummary([
        day({ slots: { ...exactThird, targetMet: true } }),
        // proto3 JSON leaves a false targetMet out.
        day({ slots: { offered: 30, reservedOffered: 9, targetRatioBp: 3334 } }),
      ]).status,
    ).toBe('below');
  });

  it('has no data on a day no hospital offered anything or reported', () => {
    expect(slotSummary([day({ slots: { targetRatioBp: 3334 } }), day(null)]).status).toBe('no-data');
  });
});

describe(bedSummary.name, () => {
  it('pools reserved beds and their occupancy', () => {
    const sut = bedSummary([
      day({
        beds: { beds: 200, reservedBeds: 50, reservedOccupied: 20, targetRatioBp: 2500, targetMet: true },
      }),
    ]);

    expect(sut).toEqual({
      reserved: 50,
      whole: 200,
      used: 20,
      actualBp: 2500,
      targetBp: 2500,
      status: 'met',
    });
  });
});
