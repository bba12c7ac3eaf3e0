// What the scheduling suites stand on, as plain values: the group the harness sets up, dates,
// resident ID numbers and the requests most tests send with only a field or two of their own.
import { type Identity } from '@medgrid/auth';
import { type bookingServiceV1, schedulingModelV1 } from '@medgrid/contracts';
import { addDays, isoWeekday, localDate } from '@medgrid/kernel';
import { aResidentId } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';

/** A medical group as the registry holds it and scheduling's projection has learnt it. */
export interface GroupFixture {
  /** The city of the group's grid. */
  readonly cityId: string;
  readonly gridId: string;
  readonly groupId: string;
  readonly hospitalId: string;
  readonly departmentId: string;
  readonly specialtyCode: string;
  readonly centreId: string;
  readonly teamId: string;
  /** The hospital's own scheduling staff. */
  readonly manager: Identity;
  /** A family doctor's institution of the group, booking for its residents. */
  readonly centre: Identity;
  readonly groupAdmin: Identity;
}

/**
 * A resident ID number no earlier run is likely to have used: the registry's topics outlive test
 * databases, and scheduling's projection of contracts is keyed by the number.
 */
export function aFreshResidentId(): string {
  return aResidentId(1 + Math.floor(Math.random() * 12_000_000));
}

/** Days after today in Asia/Shanghai, as YYYY-MM-DD. */
export const shanghaiDate = (daysFromToday: number): string => addDays(localDate(new Date()), daysFromToday);

export const ratio = (numerator: number, denominator: number) => ({ numerator, denominator });

/**
 * A claim of a seat of the session: a public one for a patient no earlier run has booked, outside a
 * referral, with a fresh request id, but for what `claim` sets.
 */
export function slotClaim(
  sessionId: string,
  claim: Partial<bookingServiceV1.SlotClaim> = {},
): bookingServiceV1.SlotClaim {
  return {
    clientRequestId: uuidv7(),
    sessionId,
    patientResidentId: aFreshResidentId(),
    pool: schedulingModelV1.Pool.POOL_PUBLIC,
    referralId: '',
    ...claim,
  };
}

/** A template of the group's department for any doctor in it, 08:00–11:30, with what `template` sets. */
export function scheduleTemplate(
  group: GroupFixture,
  template: Pick<schedulingModelV1.ScheduleTemplate, 'weekday' | 'capacity' | 'validFrom' | 'validUntil'> &
    Partial<schedulingModelV1.ScheduleTemplate>,
): schedulingModelV1.ScheduleTemplate {
  return {
    id: '',
    groupId: '',
    practitionerId: '',
    institutionId: group.hospitalId,
    departmentId: group.departmentId,
    specialtyCode: '',
    startTime: '08:00',
    endTime: '11:30',
    ...template,
  };
}

/**
 * A template of the group's own specialty valid on the one date only, so generating that date
 * makes exactly one session of it.
 */
export function oneDayTemplate(
  group: GroupFixture,
  date: string,
  template: Pick<schedulingModelV1.ScheduleTemplate, 'capacity'> &
    Partial<schedulingModelV1.ScheduleTemplate>,
): schedulingModelV1.ScheduleTemplate {
  return scheduleTemplate(group, {
    specialtyCode: group.specialtyCode,
    weekday: isoWeekday(date),
    validFrom: date,
    validUntil: date,
    ...template,
  });
}
