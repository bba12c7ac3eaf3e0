import { type ReservePolicySnapshot } from './reserve-policy';

/** reserve_policy: a hospital's own reserve rule, read and written by capacity and schedules alike. */
export abstract class ReservePolicyRepository {
  abstract findPolicy(institutionId: string, lock: boolean): Promise<ReservePolicySnapshot | null>;
  abstract savePolicy(policy: ReservePolicySnapshot): Promise<void>;
}
