import { thrownBy } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { CriticalValueAlert, DEFAULT_CRITICAL_ACK_MINUTES } from './critical-value';
import { ReportingError, ReportingErrorCode } from './reporting-error';

const MINUTE = 60_000;
const now = new Date('2026-12-04T02:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
const site = uuidv7();
const clinician = { practitionerId: uuidv7(), institutionId: site };

function anAlert(minutes = DEFAULT_CRITICAL_ACK_MINUTES): CriticalValueAlert {
  return CriticalValueAlert.raise(
    {
      id: uuidv7(),
      reportId: uuidv7(),
      reportVersion: 1,
      orderId: uuidv7(),
      groupId: uuidv7(),
      centreId: uuidv7(),
      orderingInstitutionId: site,
      patientResidentId: '11010519491231002X',
      note: '血钾 6.8 mmol/L',
    },
    minutes,
    now,
  );
}

function refusal(act: () => unknown): { code: string; category: string } {
  const { code, category } = thrownBy(ReportingError, act);
  return { code, category };
}

describe(CriticalValueAlert.name, () => {
  it('gives the ordering site 15 minutes by default, and records who acknowledged and when', () => {
    const sut = anAlert();
    sut.pullEvents();

    sut.acknowledge(clinician, later(14));

    expect(sut.snapshot()).toMatchObject({
      acknowledgeBy: later(15),
      status: 'acknowledged',
      acknowledgedAt: later(14),
      acknowledgedBy: clinician.practitionerId,
    });
    expect(sut.isLate(later(20))).toBe(false);
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['acknowledged']);
  });

  it('escalates once when not acknowledged in time, and can still be acknowledged, late', () => {
    const sut = anAlert(10);
    sut.pullEvents();

    expect(sut.escalateIfDue(later(9))).toBe(false);
    expect(sut.escalateIfDue(later(10))).toBe(true);
    expect(sut.escalateIfDue(later(11))).toBe(false);
    sut.acknowledge(clinician, later(12));

    expect(sut.snapshot()).toMatchObject({ status: 'acknowledged', escalatedAt: later(10) });
    expect(sut.isLate(later(12))).toBe(true);
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['escalated', 'acknowledged']);
  });

  it('does not escalate an acknowledged value', () => {
    const sut = anAlert();
    sut.acknowledge(clinician, later(1));

    expect(sut.escalateIfDue(later(60))).toBe(false);
  });

  it('refuses an acknowledgement from another institution, or without a clinician, and changes nothing', () => {
    const sut = anAlert();

    expect(
      refusal(() => sut.acknowledge({ practitionerId: uuidv7(), institutionId: uuidv7() }, later(1))),
    ).toEqual({
      code: ReportingErrorCode.NotTheOrderingInstitution,
      category: 'permission-denied',
    });
    expect(refusal(() => sut.acknowledge({ practitionerId: null, institutionId: site }, later(1))).code).toBe(
      ReportingErrorCode.ClinicianRequired,
    );
    expect(sut.status).toBe('raised');
  });

  it('is acknowledged once', () => {
    const sut = anAlert();
    sut.acknowledge(clinician, later(1));

    expect(refusal(() => sut.acknowledge(clinician, later(2))).code).toBe(
      ReportingErrorCode.AlreadyAcknowledged,
    );
  });
});
