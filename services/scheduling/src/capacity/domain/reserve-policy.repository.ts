import { type ReservePolicySnapshot } from './reserve-policy';

/**
 * reserve_policy: a hospital's own reserve rule. Its rows live beside the
 * sessions they split, so the schedules context's repository serves this port
 * (it extends it); capacity reads and writes policies only through it.
 */
export abstract class ReservePolicyRepository {
  abstract findPolicy(institutionId: string, lock: boolean): Promise<ReservePolicySnapshot | null>;
  abstract savePolicy(policy: ReservePolicySnapshot): Promise<void>;
}
