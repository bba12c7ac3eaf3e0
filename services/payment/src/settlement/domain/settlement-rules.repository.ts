import { type SettlementRules } from './settlement-rules';

/** Each fund's settlement rules, every version whole (SQL in the adapter). */
export abstract class SettlementRulesRepository {
  /** The newest version (empty before the first load); `lock` makes loads of one fund wait their turn. */
  abstract load(fundId: string, lock: boolean): Promise<SettlementRules>;
  abstract save(rules: SettlementRules, loadedBy: string, at: Date): Promise<void>;
}
