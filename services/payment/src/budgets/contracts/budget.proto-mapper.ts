import { type budgetServiceV1 } from '@medgrid/contracts';
import { untilFromProto, untilToProto } from '../../common/contracts/insurance.proto-mapper';
import { type Fen } from '../../common/domain/money';
import { type CapitationRate, type CapitationSchedule } from '../domain/capitation-rate';
import { type GlobalBudget } from '../domain/global-budget';

/** A request's rate as the domain's; fen as sent, for the schedule's checks to name (rates[1].annualPerResident). */
export function rateFromProto(r: budgetServiceV1.CapitationRate): CapitationRate {
  return {
    diseaseGroup: r.diseaseGroup.trim() || null,
    annualPerResident: r.annualPerResident as Fen,
    from: r.from.trim(),
    until: untilFromProto(r.until),
    basis: r.basis,
  };
}

export function scheduleToProto(schedule: CapitationSchedule): budgetServiceV1.CapitationSchedule {
  const s = schedule.snapshot();
  return {
    regionId: s.fundId,
    version: s.version,
    rates: s.rates.map((r) => ({
      diseaseGroup: r.diseaseGroup ?? '',
      annualPerResident: r.annualPerResident,
      from: r.from,
      until: untilToProto(r.until),
      basis: r.basis,
    })),
  };
}

export function globalBudgetToProto(b: GlobalBudget): budgetServiceV1.GlobalBudget {
  return {
    groupId: b.groupId,
    month: b.period.from.slice(0, 7),
    amount: b.amount,
    residents: b.residents,
    basis: b.basis,
    setAt: undefined,
  };
}
