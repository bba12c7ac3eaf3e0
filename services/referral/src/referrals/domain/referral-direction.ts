/** 上转 (upward: primary → hospital) or 下转 (downward: hospital → primary). */
export type ReferralDirection = 'upward' | 'downward';
export const REFERRAL_DIRECTIONS: readonly ReferralDirection[] = ['upward', 'downward'];
