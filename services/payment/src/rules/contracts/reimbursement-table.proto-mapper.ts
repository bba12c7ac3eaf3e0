import { paymentV1, type ruleServiceV1 } from '@medgrid/contracts';
import {
  encounterFromProto,
  encounterToProto,
  enumFromProto,
  levelFromProto,
  levelToProto,
  schemeFromProto,
  schemeToProto,
  untilFromProto,
  untilToProto,
} from '../../common/contracts/insurance.proto-mapper';
import { type Fen } from '../../common/domain/money';
import { type BasisPoints } from '../../common/domain/share';
import { type TableInForce } from '../application/get-reimbursement-table/get-reimbursement-table.use-case';
import {
  type ContractStatus,
  type DeductibleBasis,
  type ReferralStatus,
  type ReimbursementRule,
} from '../domain/reimbursement-rule';
import { type ReimbursementTable } from '../domain/reimbursement-table';

const REFERRALS: Record<ReferralStatus, paymentV1.ReferralStatus> = {
  referred: paymentV1.ReferralStatus.REFERRAL_STATUS_REFERRED,
  unreferred: paymentV1.ReferralStatus.REFERRAL_STATUS_UNREFERRED,
};

const CONTRACTS: Record<ContractStatus, paymentV1.ContractStatus> = {
  contracted: paymentV1.ContractStatus.CONTRACT_STATUS_CONTRACTED,
  uncontracted: paymentV1.ContractStatus.CONTRACT_STATUS_UNCONTRACTED,
};

const DEDUCTIBLE_BASES: Record<DeductibleBasis, paymentV1.DeductibleBasis> = {
  'per-year': paymentV1.DeductibleBasis.DEDUCTIBLE_BASIS_PER_YEAR,
  'per-claim': paymentV1.DeductibleBasis.DEDUCTIBLE_BASIS_PER_CLAIM,
};

const referralFromProto = enumFromProto(REFERRALS);
const contractFromProto = enumFromProto(CONTRACTS);
const deductibleBasisFromProto = enumFromProto(DEDUCTIBLE_BASES);

export function referralToProto(referral: ReferralStatus): paymentV1.ReferralStatus {
  return REFERRALS[referral];
}

export function contractToProto(contract: ContractStatus): paymentV1.ContractStatus {
  return CONTRACTS[contract];
}

/** A request's row as the domain's; fen and basis points as sent, for the table's checks to name (rules[3].rateBp). */
export function ruleFromProto(rule: ruleServiceV1.ReimbursementRule): ReimbursementRule {
  return {
    scheme: schemeFromProto(rule.scheme),
    level: levelFromProto(rule.level),
    encounter: encounterFromProto(rule.encounter),
    referral: referralFromProto(rule.referral),
    contract: contractFromProto(rule.contract),
    from: rule.from.trim(),
    until: untilFromProto(rule.until),
    deductible: rule.deductible as Fen,
    deductibleBasis: deductibleBasisFromProto(rule.deductibleBasis),
    ceiling: rule.ceiling as Fen,
    rateBp: rule.rateBp as BasisPoints,
    consultationWaived: rule.consultationWaived,
    basis: [...rule.basis],
  };
}

export function ruleToProto(rule: ReimbursementRule): ruleServiceV1.ReimbursementRule {
  return {
    scheme: schemeToProto(rule.scheme),
    level: levelToProto(rule.level),
    encounter: encounterToProto(rule.encounter),
    referral: REFERRALS[rule.referral],
    contract: CONTRACTS[rule.contract],
    from: rule.from,
    until: untilToProto(rule.until),
    deductible: rule.deductible,
    deductibleBasis: DEDUCTIBLE_BASES[rule.deductibleBasis],
    ceiling: rule.ceiling,
    rateBp: rule.rateBp,
    consultationWaived: rule.consultationWaived,
    basis: [...rule.basis],
  };
}

/** A version as a write answers it: every row. */
export function tableToProto(table: ReimbursementTable): ruleServiceV1.ReimbursementTable {
  const state = table.snapshot();
  return {
    regionId: state.regionId,
    version: state.version,
    loadedAt: state.loadedAt ?? undefined,
    rules: state.rules.map(ruleToProto),
    on: '',
  };
}

export function tableInForceToProto(table: TableInForce): ruleServiceV1.ReimbursementTable {
  return {
    regionId: table.regionId,
    version: table.version,
    loadedAt: table.loadedAt ?? undefined,
    rules: table.rules.map(ruleToProto),
    on: table.on,
  };
}
