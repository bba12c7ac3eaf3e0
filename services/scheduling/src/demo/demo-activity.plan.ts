import { addDays, isoWeekday } from '@medgrid/kernel';
import { v5 as uuidv5 } from 'uuid';
import { reservedShare, type ReserveRatio } from '../capacity/domain/reserve-ratio';
import { clinicInstant } from '../schedules/domain/clinic-time';

/**
 * The quick start's scheduling activity for the demo city, worked out without I/O so it can be
 * tested and so every run of the loader asks for exactly the same things: each hospital's weekly
 * outpatient timetable and the sessions of the coming week, its wards, the slots its group's
 * primary institutions booked for their contracted residents (the reserved pool), the public
 * bookings of its own appointment system, and patients admitted to its public beds.
 *
 * Every id a use case takes as a client request id is a UUID v5 of what it names (the hospital,
 * department, date, band and place), so a second run, on the same day or a later one, finds what
 * the first made instead of making it again.
 */

/** Fixed namespace of the demo's client request ids (UUID v5). */
export const DEMO_ACTIVITY_NAMESPACE = '6f1d2c84-5a3b-5e07-9c41-8b2e7d0a4f63';

/** The timetable is the hospital's since this date, so a template asks the same on every run. */
export const TIMETABLE_VALID_FROM = '2026-01-01';

/** Today and the next six days, the week patients book ahead in. */
export const DAYS_AHEAD = 7;

/** A hospital of the demo city as scheduling has learnt it, with the shares it reserves today. */
export interface DemoHospital {
  readonly id: string;
  readonly groupId: string;
  readonly level: 'tertiary' | 'secondary';
  /** The registry's institution type: a nursing home keeps a rehabilitation clinic and a long-stay ward. */
  readonly type: string;
  readonly departments: readonly { readonly id: string; readonly specialtyCode: string }[];
  readonly slotShare: ReserveRatio;
  readonly bedShare: ReserveRatio;
}

/** A primary institution of a group and the residents contracted with its teams (sorted, a bounded few). */
export interface DemoPrimary {
  readonly id: string;
  readonly groupId: string;
  readonly residents: readonly string[];
}

export interface DemoActivityInput {
  /** Local date (Asia/Shanghai) of the run. */
  readonly today: string;
  /** Sessions that have ended by then are not made (GenerateSessions skips them too). */
  readonly now: Date;
  readonly hospitals: readonly DemoHospital[];
  readonly primaries: readonly DemoPrimary[];
}

export type Band = 'am' | 'pm';

export interface PlannedTemplate {
  readonly key: string;
  readonly clientRequestId: string;
  readonly hospitalId: string;
  readonly departmentId: string;
  readonly weekday: number;
  readonly band: Band;
  readonly startTime: string;
  readonly endTime: string;
  readonly capacity: number;
}

/** Who asks for a claim: a primary institution's staff for its residents, or the hospital's own system. */
export interface Claimant {
  readonly role: 'primary-staff' | 'partner-system' | 'hospital-staff';
  readonly institutionId: string;
  readonly groupId: string;
}

export interface PlannedBooking {
  readonly clientRequestId: string;
  readonly pool: 'reserved' | 'public';
  readonly patientResidentId: string;
  readonly by: Claimant;
}

export interface PlannedSession {
  readonly templateKey: string;
  readonly hospitalId: string;
  readonly departmentId: string;
  readonly date: string;
  readonly capacity: number;
  /** The reserved pool GenerateSessions makes with the hospital's share. */
  readonly reserved: number;
  readonly bookings: readonly PlannedBooking[];
}

/** One hospital's sessions of one day: the loader makes them and books them in one transaction. */
export interface PlannedDay {
  readonly hospitalId: string;
  readonly groupId: string;
  readonly date: string;
  readonly generateRequestId: string;
  readonly sessions: readonly PlannedSession[];
}

export interface PlannedAdmission {
  readonly requestId: string;
  readonly assignId: string;
  readonly patientResidentId: string;
}

export interface PlannedWard {
  readonly clientRequestId: string;
  readonly hospitalId: string;
  readonly groupId: string;
  readonly departmentId: string;
  readonly specialtyCode: string;
  readonly name: string;
  readonly bedCount: number;
  readonly reservedBeds: number;
  /** Patients of the hospital's own admissions, each given a public bed. */
  readonly admissions: readonly PlannedAdmission[];
}

/** What GetDailyReport should show for a hospital today once the plan is loaded. */
export interface ExpectedFigures {
  readonly offered: number;
  readonly reservedOffered: number;
  readonly reservedUsed: number;
  readonly publicUsed: number;
  readonly beds: number;
  readonly reservedBeds: number;
  readonly publicOccupied: number;
}

export interface DemoActivityPlan {
  readonly days: readonly string[];
  readonly templates: readonly PlannedTemplate[];
  readonly hospitalDays: readonly PlannedDay[];
  readonly wards: readonly PlannedWard[];
  readonly today: ReadonlyMap<string, ExpectedFigures>;
}

interface ClinicShape {
  /** Preferred 诊疗科目 codes, in order; the hospital's first departments when it has none of them. */
  readonly specialties: readonly string[];
  readonly departments: number;
  readonly bands: readonly { band: Band; start: string; end: string; capacity: number }[];
  readonly wards: readonly { specialty: string; name: string; beds: number }[];
}

const MORNING = { band: 'am', start: '08:00', end: '12:00' } as const;
const AFTERNOON = { band: 'pm', start: '14:00', end: '17:30' } as const;

/** Capacities of a specialist clinic per half day, by the kind of hospital. */
const SHAPES: Record<'tertiary' | 'secondary' | 'nursing-home', ClinicShape> = {
  tertiary: {
    specialties: ['03.04', '03.07', '04', '07'],
    departments: 4,
    bands: [
      { ...MORNING, capacity: 24 },
      { ...AFTERNOON, capacity: 18 },
    ],
    wards: [
      { specialty: '03.04', name: '心血管内科一病区', beds: 40 },
      { specialty: '04', name: '普通外科病区', beds: 36 },
    ],
  },
  secondary: {
    specialties: ['02', '03.01', '04'],
    departments: 3,
    bands: [
      { ...MORNING, capacity: 16 },
      { ...AFTERNOON, capacity: 12 },
    ],
    wards: [{ specialty: '03.01', name: '内科综合病区', beds: 30 }],
  },
  'nursing-home': {
    specialties: ['21'],
    departments: 1,
    bands: [{ ...MORNING, capacity: 8 }],
    wards: [{ specialty: '21', name: '康复护理病区', beds: 48 }],
  },
};

/**
 * How full a clinic day is, by weekday (ISO, Monday first): Monday's clinics are the busiest, the
 * weekend's the quietest. Reserved: the share of the reserved pool primary institutions took;
 * public: of the public pool. By weekday rather than by distance from the run, so a session asks
 * for the same bookings whichever day the loader runs.
 */
const FILL: Record<number, { reserved: number; public: number }> = {
  1: { reserved: 0.75, public: 0.5 },
  2: { reserved: 0.65, public: 0.4 },
  3: { reserved: 0.6, public: 0.35 },
  4: { reserved: 0.6, public: 0.35 },
  5: { reserved: 0.55, public: 0.3 },
  6: { reserved: 0.45, public: 0.25 },
  7: { reserved: 0.35, public: 0.2 },
};

/** Share of a ward's public beds taken by the hospital's own admissions. */
const WARD_OCCUPANCY = 0.5;

const id = (name: string): string => uuidv5(name, DEMO_ACTIVITY_NAMESPACE);

/** FNV-1a: a stable offset into a resident list for a session, so its patients do not depend on the run. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function shapeOf(hospital: DemoHospital): ClinicShape {
  if (hospital.type === 'nursing-home') return SHAPES['nursing-home'];
  return SHAPES[hospital.level];
}

/** The departments a hospital runs clinics in: the shape's specialties it has, else its first ones. */
function clinicDepartments(hospital: DemoHospital, shape: ClinicShape): DemoHospital['departments'] {
  const sorted = [...hospital.departments].sort((a, b) =>
    a.specialtyCode === b.specialtyCode
      ? a.id.localeCompare(b.id)
      : a.specialtyCode.localeCompare(b.specialtyCode),
  );
  const preferred = shape.specialties.flatMap((code) =>
    sorted.filter((d) => d.specialtyCode === code).slice(0, 1),
  );
  const rest = sorted.filter((d) => !preferred.includes(d));
  return [...preferred, ...rest].slice(0, shape.departments);
}

/** Up to `count` distinct residents from `lists`, taken in turn from each at the offset. */
function patientsFrom(
  lists: readonly (readonly string[])[],
  offset: number,
  count: number,
  taken: Set<string>,
): { patient: string; list: number }[] {
  const chosen: { patient: string; list: number }[] = [];
  const usable = lists.map((l, i) => ({ l, i })).filter((x) => x.l.length > 0);
  if (usable.length === 0) return chosen;
  for (let step = 0; chosen.length < count && step < count * 4 + 8; step++) {
    const { l, i } = usable[step % usable.length]!;
    const patient = l[(offset + Math.floor(step / usable.length)) % l.length]!;
    if (taken.has(patient)) continue;
    taken.add(patient);
    chosen.push({ patient, list: i });
  }
  return chosen;
}

/** The demo's scheduling activity for the run's week (see the module's comment). */
export function planDemoActivity(input: DemoActivityInput): DemoActivityPlan {
  const days = Array.from({ length: DAYS_AHEAD }, (_, i) => addDays(input.today, i));
  const hospitals = [...input.hospitals].sort((a, b) => a.id.localeCompare(b.id));
  const templates: PlannedTemplate[] = [];
  const hospitalDays: PlannedDay[] = [];
  const wards: PlannedWard[] = [];
  const today = new Map<string, ExpectedFigures>();
  // A patient lies in one bed at a time, wherever it is.
  const admitted = new Set<string>();

  for (const hospital of hospitals) {
    const shape = shapeOf(hospital);
    const departments = clinicDepartments(hospital, shape);
    const primaries = input.primaries
      .filter((p) => p.groupId === hospital.groupId && p.residents.length > 0)
      .sort((a, b) => a.id.localeCompare(b.id));
    const residentLists = primaries.map((p) => p.residents);
    const figures = {
      offered: 0,
      reservedOffered: 0,
      reservedUsed: 0,
      publicUsed: 0,
      beds: 0,
      reservedBeds: 0,
      publicOccupied: 0,
    };

    for (const department of departments) {
      for (let weekday = 1; weekday <= 7; weekday++) {
        for (const band of shape.bands) {
          const key = `template:${hospital.id}:${department.id}:${weekday}:${band.band}`;
          templates.push({
            key,
            clientRequestId: id(key),
            hospitalId: hospital.id,
            departmentId: department.id,
            weekday,
            band: band.band,
            startTime: band.start,
            endTime: band.end,
            capacity: band.capacity,
          });
        }
      }
    }

    days.forEach((date, dayIndex) => {
      const fill = FILL[isoWeekday(date)]!;
      const sessions: PlannedSession[] = [];
      // A patient is booked once a day at a hospital, whichever clinic.
      const taken = new Set<string>();
      for (const template of templates.filter(
        (t) => t.hospitalId === hospital.id && t.weekday === isoWeekday(date),
      )) {
        const reserved = reservedShare(template.capacity, hospital.slotShare);
        const place = `${template.key}:${date}`;
        const offset = hashOf(place);
        const reservedPatients = patientsFrom(
          residentLists,
          offset,
          Math.floor(reserved * fill.reserved),
          taken,
        );
        const publicPatients = patientsFrom(
          residentLists,
          offset + 1000,
          Math.floor((template.capacity - reserved) * fill.public),
          taken,
        );
        const bookings: PlannedBooking[] = [
          ...reservedPatients.map(({ patient, list }, i) => ({
            clientRequestId: id(`booking:${place}:reserved:${i}`),
            pool: 'reserved' as const,
            patientResidentId: patient,
            by: {
              role: 'primary-staff' as const,
              institutionId: primaries[list]!.id,
              groupId: hospital.groupId,
            },
          })),
          ...publicPatients.map(({ patient }, i) => ({
            clientRequestId: id(`booking:${place}:public:${i}`),
            pool: 'public' as const,
            patientResidentId: patient,
            by: { role: 'partner-system' as const, institutionId: hospital.id, groupId: hospital.groupId },
          })),
        ];
        // Planned before this check, so a session's patients do not depend on which others have ended.
        if (clinicInstant(date, template.endTime) <= input.now) continue;
        sessions.push({
          templateKey: template.key,
          hospitalId: hospital.id,
          departmentId: template.departmentId,
          date,
          capacity: template.capacity,
          reserved,
          bookings,
        });
        if (dayIndex === 0) {
          figures.offered += template.capacity;
          figures.reservedOffered += reserved;
          figures.reservedUsed += reservedPatients.length;
          figures.publicUsed += publicPatients.length;
        }
      }
      hospitalDays.push({
        hospitalId: hospital.id,
        groupId: hospital.groupId,
        date,
        generateRequestId: id(`generate:${hospital.id}:${date}`),
        sessions,
      });
    });

    for (const ward of shape.wards) {
      const department =
        hospital.departments.find((d) => d.specialtyCode === ward.specialty) ?? departments[0];
      if (!department) continue;
      const key = `ward:${hospital.id}:${ward.specialty}:${ward.name}`;
      const reservedBeds = reservedShare(ward.beds, hospital.bedShare);
      const patients = patientsFrom(
        residentLists,
        hashOf(key),
        Math.floor((ward.beds - reservedBeds) * WARD_OCCUPANCY),
        admitted,
      );
      wards.push({
        clientRequestId: id(key),
        hospitalId: hospital.id,
        groupId: hospital.groupId,
        departmentId: department.id,
        specialtyCode: department.specialtyCode,
        name: ward.name,
        bedCount: ward.beds,
        reservedBeds,
        admissions: patients.map(({ patient }, i) => ({
          requestId: id(`${key}:admission:${i}`),
          assignId: id(`${key}:bed:${i}`),
          patientResidentId: patient,
        })),
      });
      figures.beds += ward.beds;
      figures.reservedBeds += reservedBeds;
      figures.publicOccupied += patients.length;
    }
    today.set(hospital.id, figures);
  }
  return { days, templates, hospitalDays, wards, today };
}
