import { describe, expect, it } from 'vitest';
import { type Referral } from '../api/portal-types';
import { continuityState, hasIndications, hasPlan, pastDueFollowUps } from './referral-sections';

/** An upward referral as the demo city's gateway answers it. */
const anUpwardReferral = (overrides: Partial<Referral> = {}): Referral => ({
  id: '01a249a7-7cc2-7699-a124-654191269790',
  direction: 'REFERRAL_DIRECTION_UPWARD',
  status: 'REFERRAL_STATUS_SCHEDULED',
  icd10Code: 'I10',
  indicationCodes: ['HTN_SEVERE'],
  matchedIndicationCodes: ['HTN_SEVERE'],
  dueAt: '2026-12-08T04:40:42.933Z',
  slot: {
    bookingId: '01a249a7-9fb2-752d-bde4-ec1e9b538ba0',
    sessionId: '01a24917-94ec-719a-9dc7-c11236c3c351',
    pool: 'reserved',
  },
  submittedAt: '2026-12-06T04:40:42.933Z',
  ...overrides,
});

/** A downward referral as the pharmacy continuity suite issues it, before pharmacy assessed it. */
const aDownwardReferral = (overrides: Partial<Referral> = {}): Referral => ({
  id: '01a24b00-0000-7000-8000-000000000001',
  direction: 'REFERRAL_DIRECTION_DOWNWARD',
  status: 'REFERRAL_STATUS_ISSUED',
  icd10Code: 'I10',
  reason: 'blood pressure controlled on amlodipine',
  justification: '血压已稳定两周，可回社区随访管理',
  treatmentPlan: {
    diagnosisCodes: ['I10'],
    medications: [
      { name: '苯磺酸氨氯地平片 5mg', drugCode: 'XC08CAA040A001010104465', frequency: 'qd', days: 28 },
    ],
    followUps: [{ dueDate: '2027-01-15', item: 'blood pressure' }],
    warningSigns: ['BP ≥180/110'],
  },
  submittedAt: '2026-12-06T04:40:42.933Z',
  ...overrides,
});

describe(hasIndications.name, () => {
  it('shows the indications an upward referral claimed', () => {
    expect(hasIndications(anUpwardReferral())).toBe(true);
  });

  it('shows a referral sent on its written justification alone', () => {
    expect(
      hasIndications(
        anUpwardReferral({
          indicationCodes: undefined,
          matchedIndicationCodes: undefined,
          withoutIndication: true,
        }),
      ),
    ).toBe(true);
  });

  it('has nothing to show for a draft that claims nothing', () => {
    expect(
      hasIndications({ id: 'x', direction: 'REFERRAL_DIRECTION_UPWARD', status: 'REFERRAL_STATUS_DRAFT' }),
    ).toBe(false);
  });
});

describe(hasPlan.name, () => {
  it('shows the plan of a downward referral', () => {
    expect(hasPlan(aDownwardReferral())).toBe(true);
  });

  it('has no plan for an upward referral', () => {
    expect(hasPlan(anUpwardReferral())).toBe(false);
  });

  it('shows follow-ups recorded against a downward referral whose plan is empty', () => {
    expect(hasPlan(aDownwardReferral({ treatmentPlan: undefined, followUpCount: 2 }))).toBe(true);
    expect(hasPlan(aDownwardReferral({ treatmentPlan: undefined }))).toBe(false);
  });
});

describe(continuityState.name, () => {
  it('is pending for a downward medication list pharmacy has not assessed yet', () => {
    expect(continuityState(aDownwardReferral())).toBe('pending');
  });

  it("is assessed once referral attached pharmacy's assessment", () => {
    expect(
      continuityState(
        aDownwardReferral({ continuity: { continuous: true, daysWithinRule: true, medications: [] } }),
      ),
    ).toBe('assessed');
  });

  it('has nothing to show upward, nor downward without medication', () => {
    expect(continuityState(anUpwardReferral())).toBeNull();
    expect(continuityState(aDownwardReferral({ treatmentPlan: { diagnosisCodes: ['I10'] } }))).toBeNull();
  });
});

describe(pastDueFollowUps.name, () => {
  const followUps = [
    { dueDate: '2026-12-20', item: 'fasting glucose' },
    { dueDate: '2026-12-01', item: 'blood pressure' },
    { dueDate: '2026-12-10', item: 'blood pressure' },
  ];
  // 2026-12-10 00:30 in Shanghai, still the 9th in UTC.
  const now = new Date('2026-12-09T16:30:00.000Z');

  it("marks follow-ups due before today's Shanghai date, not the one due today", () => {
    expect(pastDueFollowUps(followUps, 0, 'REFERRAL_STATUS_RECEIVED', now)).toEqual([false, true, false]);
  });

  it('takes the follow-ups recorded to cover the earliest due', () => {
    expect(pastDueFollowUps(followUps, 1, 'REFERRAL_STATUS_FOLLOWED_UP', now)).toEqual([false, false, false]);
  });

  it('owes none once the loop is closed', () => {
    expect(pastDueFollowUps(followUps, 0, 'REFERRAL_STATUS_CLOSED', now)).toEqual([false, false, false]);
  });
});
