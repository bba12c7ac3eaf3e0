import { type Pool } from '../../domain/pool';

export interface ClaimSlotCommand {
  readonly mode: 'hold' | 'book';
  readonly clientRequestId: string;
  readonly sessionId: string;
  readonly patientResidentId: string;
  /** undefined: reserved when allowed, else public; null: a value the contract does not know. */
  readonly pool: Pool | undefined | null;
  /** Empty when no referral is behind the booking. */
  readonly referralId: string;
  /** 0 for the service default; holds only. */
  readonly holdMinutes: number;
}
