import { type SettlementPeriod } from '../../../common/domain/effective-period';
import { type Fen } from '../../../common/domain/money';
import { type Account, type LedgerEntry } from '../../domain/ledger';
import { type PointValueSettlement } from '../../domain/point-value';
import { type StoredSettlement } from '../../domain/settlement-run.repository';
import { type SettlementResult } from '../../domain/settlement-run';
import { LedgerEntryOrmEntity, SettlementRunOrmEntity } from './settlement-run.orm-entity';

/** The result as its jsonb keeps it: without the ledger (ledger_entry has it), the points' weights as strings. */
type StoredResult = Omit<SettlementResult, 'ledger' | 'pointValue'> & {
  pointValue: {
    pot: number;
    totalWeight: string;
    fenPerPoint: string;
    payments: { institutionId: string; weight: string; amount: number }[];
  } | null;
};

function pointValueToStored(p: PointValueSettlement | null): StoredResult['pointValue'] {
  if (!p) return null;
  return {
    pot: p.pot,
    totalWeight: p.totalWeight.toString(),
    fenPerPoint: p.fenPerPoint,
    payments: p.payments.map((x) => ({
      institutionId: x.institutionId,
      weight: x.weight.toString(),
      amount: x.amount,
    })),
  };
}

function pointValueFromStored(p: StoredResult['pointValue']): PointValueSettlement | null {
  if (!p) return null;
  return {
    pot: p.pot as Fen,
    totalWeight: BigInt(p.totalWeight),
    fenPerPoint: p.fenPerPoint,
    payments: p.payments.map((x) => ({
      institutionId: x.institutionId,
      weight: BigInt(x.weight),
      amount: x.amount as Fen,
    })),
  };
}

export function runToEntity(s: StoredSettlement): SettlementRunOrmEntity {
  const { ledger: _ledger, pointValue, ...rest } = s.result;
  const stored: StoredResult = { ...rest, pointValue: pointValueToStored(pointValue) };
  return Object.assign(new SettlementRunOrmEntity(), {
    id: s.id,
    groupId: s.result.groupId,
    regionId: s.regionId,
    periodFrom: s.result.period.from,
    periodUntil: s.result.period.until,
    budget: s.result.budget,
    fundPaid: s.result.fundPaid,
    claims: s.result.institutions.reduce((n, i) => n + i.claims, 0),
    result: stored,
    settledAt: s.settledAt,
    settledBy: s.settledBy,
  });
}

export function ledgerToEntities(runId: string, ledger: readonly LedgerEntry[]): LedgerEntryOrmEntity[] {
  return ledger.map((e) =>
    Object.assign(new LedgerEntryOrmEntity(), {
      runId,
      line: e.line,
      kind: e.kind,
      account: e.account,
      debit: e.debit,
      credit: e.credit,
      memo: e.memo,
    }),
  );
}

export function settlementFromEntities(
  run: SettlementRunOrmEntity,
  lines: readonly LedgerEntryOrmEntity[],
): StoredSettlement {
  const stored = run.result as unknown as StoredResult;
  const period: SettlementPeriod = { from: run.periodFrom, until: run.periodUntil };
  return {
    id: run.id,
    regionId: run.regionId,
    settledAt: run.settledAt,
    settledBy: run.settledBy,
    result: {
      ...stored,
      period,
      pointValue: pointValueFromStored(stored.pointValue),
      ledger: [...lines]
        .sort((a, b) => a.line - b.line)
        .map((l) => ({
          runKey: stored.runKey,
          line: l.line,
          kind: l.kind as LedgerEntry['kind'],
          memo: l.memo,
          account: l.account as Account,
          debit: l.debit as Fen,
          credit: l.credit as Fen,
        })),
    },
  };
}
