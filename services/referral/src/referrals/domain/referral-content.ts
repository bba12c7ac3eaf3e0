/** 绿色通道 kinds, as the criteria catalogue names them. */
export type { GreenChannel } from '../../criteria/domain/disease-criteria';

export type ResultKind = 'lab' | 'imaging' | 'ecg' | 'pathology';
export const RESULT_KINDS: readonly ResultKind[] = ['lab', 'imaging', 'ecg', 'pathology'];

/** An existing result (lab-sharing's registry) the receiving side need not repeat. */
export interface ResultReference {
  readonly kind: ResultKind;
  readonly resultId: string;
  readonly summary: string;
}

export interface PlannedMedication {
  readonly name: string;
  /** The national insurance drug code (pharmacy assesses continuity by it); '' when the hospital names none. */
  readonly drugCode: string;
  readonly dose: string;
  readonly frequency: string;
  readonly days: number;
}

export interface PlannedFollowUp {
  /** Local date (Asia/Shanghai), YYYY-MM-DD. */
  readonly dueDate: string;
  readonly item: string;
}

/** The written plan a downward referral carries to the primary institution. */
export interface TreatmentPlan {
  readonly diagnosisCodes: readonly string[];
  readonly medications: readonly PlannedMedication[];
  readonly followUps: readonly PlannedFollowUp[];
  readonly warningSigns: readonly string[];
  readonly notes: string;
}

/** The slot scheduling holds for an upward referral, or the waitlist it waits on. */
export interface ReferralSlot {
  readonly bookingId: string;
  readonly sessionId: string;
  readonly pool: string;
  readonly waitlisted: boolean;
}
