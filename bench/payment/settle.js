// The payment benchmark's calls over gRPC, as the city's insurance administration makes them. A benchmark, not a
// test: scripts/bench-payment.sh runs it against payment started from its build on the seeded database.
//
//   node bench/payment/settle.js setup <plan.json>   the city's starter reimbursement table, the fund's policy and
//                                                    composite scheme, its capitation rates (overall and diabetes),
//                                                    each group's global budget for the month
//                                                    (PutSettlementPolicies, ...)
//   node bench/payment/settle.js run <plan.json>     StartSettlementRun for every group of the plan, one after the
//                                                    other (BENCH_RUN_MODE=sequential) or all at once
//                                                    (concurrent), each timed end to end, then GetSettlementRun of
//                                                    each; prints JSON: the runs' times and figures
//
// plan.json (written by the runner): { target, operatorToken, regionId, month, groups: [{ id, budget }], protoDir }
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

const [command, planFile] = process.argv.slice(2);
if (!['setup', 'run'].includes(command) || !planFile) {
  console.error('usage: settle.js setup|run <plan.json>');
  process.exit(2);
}
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
const protoDir = plan.protoDir;
const definition = loader.loadSync(
  ['settlement_service.proto', 'budget_service.proto', 'rule_service.proto'].map((f) =>
    path.join(protoDir, 'medgrid/payment/v1', f),
  ),
  { includeDirs: [protoDir], longs: Number, enums: String, defaults: true },
);
const pkg = grpc.loadPackageDefinition(definition).medgrid.payment.v1;
const channel = (Service) => new Service(plan.target, grpc.credentials.createInsecure());
const settlement = channel(pkg.SettlementService);
const budgets = channel(pkg.BudgetService);
const rules = channel(pkg.RuleService);
const metadata = () => {
  const m = new grpc.Metadata();
  m.set('authorization', `Bearer ${plan.operatorToken}`);
  return m;
};
/** One call; a run may take minutes, so the deadline is the run's statement timeout's order. */
const call = (client, method, request, seconds = 3600) =>
  new Promise((resolve, reject) => {
    client[method](request, metadata(), { deadline: Date.now() + seconds * 1000 }, (error, response) =>
      error ? reject(new Error(`${method}: ${error.code} ${error.details}`)) : resolve(response),
    );
  });

async function setup() {
  const regionId = plan.regionId;
  await call(rules, 'LoadStarterReimbursementTable', {
    clientRequestId: randomUUID(),
    regionId,
    fromVersion: 0,
    effectiveFrom: '2020-01-01',
  });
  await call(settlement, 'PutSettlementPolicies', {
    clientRequestId: randomUUID(),
    regionId,
    fromVersion: 0,
    policies: [
      {
        from: '2020-01-01',
        until: '',
        surplusRetainedBp: 6000,
        overspendFundBp: 6000,
        overspendFinanceBp: 4000,
        basis: 'surplus 60% retained, overspend 6:4 fund and finance',
      },
    ],
    // Appendicitis per case, heart failure's long stays by the day, the other stays by points (DIP), visits
    // fee-for-service.
    schemes: [
      {
        from: '2020-01-01',
        until: '',
        perCase: [{ diseaseGroup: 'K35', price: 800000 }],
        bedDayDiseaseGroups: ['I50'],
        bedDayPrimary: 20000,
        bedDaySecondary: 30000,
        bedDayTertiary: 40000,
        pointsForInpatient: true,
      },
    ],
  });
  await call(budgets, 'PutCapitationRates', {
    clientRequestId: randomUUID(),
    regionId,
    fromVersion: 0,
    rates: [
      {
        diseaseGroup: '',
        annualPerResident: 120000,
        from: '2020-01-01',
        until: '',
        basis: 'bench: ¥1,200 a year',
      },
      {
        diseaseGroup: 'E11',
        annualPerResident: 750000,
        from: '2020-01-01',
        until: '',
        basis: 'bench: ¥7,500 a year per diabetic patient',
      },
    ],
  });
  for (const group of plan.groups) {
    await call(budgets, 'PutGlobalBudget', {
      clientRequestId: randomUUID(),
      budget: {
        groupId: group.id,
        month: plan.month,
        amount: group.budget,
        residents: group.residents,
        basis: 'bench',
      },
    });
  }
  console.log(JSON.stringify({ setup: 'done', groups: plan.groups.length }));
}

async function settleGroup(group) {
  const started = process.hrtime.bigint();
  const { run } = await call(settlement, 'StartSettlementRun', {
    clientRequestId: randomUUID(),
    groupId: group.id,
    month: plan.month,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const read = await call(settlement, 'GetSettlementRun', { runId: run.runId }, 60);
  const claims = read.run.institutions.reduce((n, i) => n + Number(i.figures.claims), 0);
  const debits = read.run.ledger.reduce((n, l) => n + Number(l.debit), 0);
  const credits = read.run.ledger.reduce((n, l) => n + Number(l.credit), 0);
  return {
    groupId: group.id,
    runId: run.runId,
    seconds: Math.round(seconds * 10) / 10,
    claims,
    institutions: read.run.institutions.length,
    budget: Number(read.run.budget),
    fundPaid: Number(read.run.fundPaid),
    balance: read.run.balance,
    pointValue: read.run.pointValue,
    ledgerLines: read.run.ledger.length,
    ledgerBalanced: debits === credits,
    sameAsStarted: JSON.stringify(read.run.ledger) === JSON.stringify(run.ledger),
  };
}

async function runAll() {
  const mode = process.env.BENCH_RUN_MODE || 'sequential';
  const startedAt = new Date().toISOString();
  const started = process.hrtime.bigint();
  let runs;
  if (mode === 'concurrent') runs = await Promise.all(plan.groups.map(settleGroup));
  else {
    runs = [];
    for (const group of plan.groups) runs.push(await settleGroup(group));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    JSON.stringify({
      mode,
      startedAt,
      endedAt: new Date().toISOString(),
      seconds: Math.round(seconds * 10) / 10,
      runs,
    }),
  );
}

(command === 'setup' ? setup() : runAll())
  .then(() => {
    for (const c of [settlement, budgets, rules]) c.close();
  })
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
