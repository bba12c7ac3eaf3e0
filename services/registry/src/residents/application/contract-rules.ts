import { type ContractRules } from '../domain/contract';

/** The city's contract rules in force, from the validated configuration. */
export abstract class ContractRulesProvider {
  abstract readonly rules: ContractRules;
}
