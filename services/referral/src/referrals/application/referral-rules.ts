import { type ReferralRules } from '../domain/referral';

/** The policy numbers in force, from the validated configuration. */
export abstract class ReferralRulesProvider {
  abstract readonly rules: ReferralRules;
}
