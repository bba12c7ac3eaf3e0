/** The referral saga's figures (from config, never constants in code). */
export interface HoldRules {
  /** Days ahead the saga looks for a session for an accepted referral. */
  readonly referralSearchDays: number;
}

export abstract class HoldRulesProvider {
  abstract readonly rules: HoldRules;
}
