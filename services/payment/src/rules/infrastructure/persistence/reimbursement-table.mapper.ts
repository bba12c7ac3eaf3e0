import { type EncounterKind, type InstitutionLevel, type Scheme } from '../../../common/domain/insurance';
import { type Fen } from '../../../common/domain/money';
import { type BasisPoints } from '../../../common/domain/share';
import {
  type ContractStatus,
  type DeductibleBasis,
  type ReferralStatus,
  type ReimbursementRule,
} from '../../domain/reimbursement-rule';
import { ReimbursementTable } from '../../domain/reimbursement-table';
import {
  type ReimbursementTableVersionOrmEntity,
  type StoredRule,
} from './reimbursement-table-version.orm-entity';

// Every field is spelled out in both directions (no spreads), so a field added to the domain does not compile
// until it is mapped.

export function ruleToStored(rule: ReimbursementRule): StoredRule {
  return {
    scheme: rule.scheme,
    level: rule.level,
    encounter: rule.encounter,
    referral: rule.referral,
    contract: rule.contract,
    from: rule.from,
    until: rule.until,
    deductible: rule.deductible,
    deductibleBasis: rule.deductibleBasis,
    ceiling: rule.ceiling,
    rateBp: rule.rateBp,
    consultationWaived: rule.consultationWaived,
    basis: [...rule.basis],
  };
}

export function ruleFromStored(stored: StoredRule): ReimbursementRule {
  return {
    scheme: stored.scheme as Scheme,
    level: stored.level as InstitutionLevel,
    encounter: stored.encounter as EncounterKind,
    referral: stored.referral as ReferralStatus,
    contract: stored.contract as ContractStatus,
    from: stored.from,
    until: stored.until,
    deductible: stored.deductible as Fen,
    deductibleBasis: stored.deductibleBasis as DeductibleBasis,
    ceiling: stored.ceiling as Fen,
    rateBp: stored.rateBp as BasisPoints,
    consultationWaived: stored.consultationWaived,
    basis: [...stored.basis],
  };
}

export function tableFromVersion(row: ReimbursementTableVersionOrmEntity): ReimbursementTable {
  return ReimbursementTable.restore({
    regionId: row.regionId,
    version: row.version,
    rules: row.rules.map(ruleFromStored),
    loadedAt: row.loadedAt,
  });
}
