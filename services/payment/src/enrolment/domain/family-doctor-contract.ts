/**
 * The chronic diseases a family-doctor contract says the resident is managed for (the registry's key-population
 * tags of the contract: 高血压, 糖尿病, 严重精神障碍, 肺结核), each by the ICD-10 category a fund's per-disease
 * capitation rate names it with.
 */
export const MANAGED_DISEASES = {
  hypertension: 'I10',
  diabetes: 'E11',
  'severe-mental-disorder': 'F20',
  tuberculosis: 'A15',
} as const;
export type ManagedDisease = keyof typeof MANAGED_DISEASES;

/**
 * A resident's family-doctor contract with a team as payment keeps it from the registry's contract topic: its
 * dates, its status, the day it was ended early (if it was) and the diseases it manages.
 */
export interface FamilyDoctorContract {
  readonly id: string;
  readonly residentIdNumber: string;
  readonly teamId: string;
  readonly status: 'active' | 'ended' | 'expired' | 'unknown';
  /** Local dates (YYYY-MM-DD, Asia/Shanghai). */
  readonly startDate: string;
  readonly endDate: string;
  /** The local date it was ended early on; null when it was not. */
  readonly endedOn: string | null;
  readonly diseases: readonly ManagedDisease[];
  readonly version: number;
}

/** The local date (Asia/Shanghai, UTC+8 all year) of an instant. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether the contract was in force on a local date: within its term, and not yet ended on it when it was ended
 * early (a contract ended on a day covers the days before only). An expired contract was in force during its
 * term: what counts is the service date, not today.
 */
export function inForceOn(contract: FamilyDoctorContract, date: string): boolean {
  if (contract.status === 'unknown') return false;
  if (date < contract.startDate || date > contract.endDate) return false;
  return contract.endedOn === null || date < contract.endedOn;
}

/** Who a group manages on a day: its contracted residents, and of them those managed for each disease. */
export interface ManagedResidents {
  readonly contracted: number;
  readonly byDisease: Readonly<Record<ManagedDisease, number>>;
}
