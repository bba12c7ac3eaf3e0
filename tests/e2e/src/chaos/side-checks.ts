import {
  ClaimAdjudicatedEvent,
  MedicationContinuityAssessedEvent,
  OrderPerformedEvent,
  OrderPlacedEvent,
  OrderReportedEvent,
  ReportSignedEvent,
  ResultChangedEvent,
  ResultReusedEvent,
  SettlementCompletedEvent,
  TOPICS,
} from '@medgrid/contracts';
import { decodeEnvelope, decodePayload } from '@medgrid/messaging';
import { type ChaosCity, type ChaosService } from './chaos-city';
import { type CheckResult } from './checks';
import { type Flow } from './flows';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SQL invariants of lab-sharing's orders, reports, results and look-ups, and of payment's claims and settlements,
 * over each whole database: each query returns the rows that break it.
 */
export const SIDE_SQL_INVARIANTS: { service: ChaosService; name: string; sql: string }[] = [
  {
    service: 'lab-sharing',
    name: 'every reported order has its signed report and that report its one result',
    sql: `SELECT o.id AS order_id, r.status AS report, count(x.id) AS results FROM lab_order o
            LEFT JOIN report r ON r.id = o.report_id
            LEFT JOIN result_record x ON x.report_id = o.report_id
           WHERE o.status = 'reported'
           GROUP BY o.id, r.status HAVING r.status IS DISTINCT FROM 'signed' OR count(x.id) <> 1`,
  },
  {
    service: 'lab-sharing',
    name: 'every look-up reused a result it was offered',
    sql: `SELECT l.id, l.reused_result_id FROM recognition_lookup l
           WHERE l.outcome = 'reused' AND NOT EXISTS (
             SELECT 1 FROM jsonb_array_elements(l.offered) o WHERE o ->> 'resultId' = l.reused_result_id::text)`,
  },
  {
    service: 'payment',
    name: 'every settlement run counted the claim versions of its month in force, each once',
    sql: `SELECT r.id, r.claims, c.n, r.claims_checksum, c.checksum FROM settlement_run r
           CROSS JOIN LATERAL (
             SELECT count(*)::int AS n,
                    lpad(to_hex(coalesce(bit_xor(uuid_hash_extended(id, current_version)), 0)), 16, '0') AS checksum
               FROM claim
              WHERE group_id = r.group_id AND service_date >= r.period_from AND service_date < r.period_until) c
           WHERE r.claims <> c.n OR r.claims_checksum IS DISTINCT FROM c.checksum`,
  },
  {
    service: 'payment',
    name: "every institution's claims of a settled month paid once in its ledger (fund and patients' shares)",
    sql: `SELECT r.id AS run_id, c.institution_id, c.fund, l.fund AS fund_paid, c.patient, l.patient AS patient_paid
            FROM settlement_run r
           CROSS JOIN LATERAL (
             SELECT institution_id, sum(fund)::bigint AS fund, sum(patient)::bigint AS patient FROM claim
              WHERE group_id = r.group_id AND service_date >= r.period_from AND service_date < r.period_until
              GROUP BY institution_id) c
           CROSS JOIN LATERAL (
             SELECT coalesce(sum(credit) FILTER (WHERE kind = 'claims'), 0)::bigint AS fund,
                    coalesce(sum(credit) FILTER (WHERE kind = 'patient-share'), 0)::bigint AS patient
               FROM ledger_entry WHERE run_id = r.id AND account = 'institution:' || c.institution_id) l
           WHERE l.fund <> c.fund OR l.patient <> c.patient`,
  },
  {
    service: 'payment',
    name: 'every settlement run balances (its debits equal its credits)',
    sql: `SELECT run_id, sum(debit) AS debits, sum(credit) AS credits FROM ledger_entry
           GROUP BY run_id HAVING sum(debit) <> sum(credit)`,
  },
];

/** Each flow's effects in lab-sharing, pharmacy and payment, once each, and the referral copies they keep. */
export async function sideEffectsOnce(city: ChaosCity, flows: readonly Flow[]): Promise<CheckResult[]> {
  const done = (kind: Flow['kind']) => flows.filter((f) => f.kind === kind && f.outcome && !f.failure);
  return [
    await labOnce(city, done('lab-order')),
    await checksRecorded(city, done('prescription-checks')),
    await continuityOnce(
      city,
      flows.filter((f) => f.continuity),
    ),
    await claimsOnce(city, done('claims-settled')),
    await referralCopies(city, flows),
  ];
}

/** Per lab flow's patient: one order, reported; one report, signed once; one result of it; one look-up, reused. */
async function labOnce(city: ChaosCity, flows: readonly Flow[]): Promise<CheckResult> {
  const violations: string[] = [];
  const rows = await city.query<Record<string, number | string>>(
    'lab-sharing',
    `SELECT p.patient,
            (SELECT count(*)::int FROM lab_order o WHERE o.patient_resident_id = p.patient) AS orders,
            (SELECT count(*)::int FROM lab_order o
              WHERE o.patient_resident_id = p.patient AND o.status = 'reported') AS reported,
            (SELECT count(*)::int FROM report r WHERE r.patient_resident_id = p.patient) AS reports,
            (SELECT count(*)::int FROM report_version v JOIN report r ON r.id = v.report_id
              WHERE r.patient_resident_id = p.patient) AS signed_versions,
            (SELECT count(*)::int FROM result_record x WHERE x.patient_resident_id = p.patient) AS results,
            (SELECT count(*)::int FROM recognition_lookup l WHERE l.patient_resident_id = p.patient) AS lookups,
            (SELECT count(*)::int FROM recognition_lookup l JOIN result_record x ON x.id = l.reused_result_id
              WHERE l.patient_resident_id = p.patient AND l.outcome = 'reused'
                AND x.patient_resident_id = p.patient) AS reused,
            (SELECT count(*)::int FROM audit_log a WHERE a.action = 'read' AND a.subject_kind = 'patient-results'
                AND a.subject_id = p.patient || ':LAB-GLU') AS lookup_audits
       FROM unnest($1::text[]) AS p(patient)`,
    [flows.map((f) => f.patient!)],
  );
  for (const row of rows) {
    const wrong = Object.entries(row).filter(([key, n]) => key !== 'patient' && n !== 1);
    if (wrong.length > 0)
      violations.push(
        `patient ${row.patient}: ${wrong.map(([key, n]) => `${key} ${n}`).join(', ')} (want 1 each)`,
      );
  }
  violations.push(
    ...(await eventsOnce(
      city,
      'lab-sharing',
      flows.flatMap((f) => [
        [OrderPlacedEvent, f.orderId!],
        [OrderPerformedEvent, f.orderId!],
        [OrderReportedEvent, f.orderId!],
        [ReportSignedEvent, f.reportId!],
        [ResultChangedEvent, f.resultId!],
        [ResultReusedEvent, f.lookupId!],
      ]),
    )),
  );
  return {
    name: 'lab-sharing: every order, report, result and reuse exists once, each event once',
    violations,
  };
}

/**
 * Per prescription flow's patient: every check recorded lands with its audit row (one statement), and the records
 * are at least the checks answered and at most the calls sent (a check has no request id to make a retry one).
 */
async function checksRecorded(city: ChaosCity, flows: readonly Flow[]): Promise<CheckResult> {
  const rows = await city.query<{ patient: string; records: number; audits: number }>(
    'pharmacy',
    `SELECT p.patient,
            (SELECT count(*)::int FROM prescription_check c WHERE c.patient_resident_id = p.patient) AS records,
            (SELECT count(*)::int FROM audit_log a WHERE a.action = 'read' AND a.subject_kind = 'resident'
                AND a.subject_id = p.patient AND a.purpose = 'prescribing') AS audits
       FROM unnest($1::text[]) AS p(patient)`,
    [flows.map((f) => f.patient!)],
  );
  const violations: string[] = [];
  for (const row of rows) {
    const flow = flows.find((f) => f.patient === row.patient)!;
    if (row.records !== row.audits || row.records < flow.checksAnswered! || row.records > flow.checkCalls!)
      violations.push(
        `patient ${row.patient}: ${row.records} checks recorded, ${row.audits} audit rows; ${flow.checksAnswered} answered of ${flow.checkCalls} calls`,
      );
  }
  return {
    name: 'pharmacy: every prescription check answered is recorded with its audit row, none more than sent',
    violations,
  };
}

/** Per downward referral: one assessment in pharmacy, announced once, attached once in referral. */
async function continuityOnce(city: ChaosCity, flows: readonly Flow[]): Promise<CheckResult> {
  const ids = flows.map((f) => f.downwardId!);
  const assessed = await city.query<{ id: string; n: number }>(
    'pharmacy',
    `SELECT r.id, (SELECT count(*)::int FROM continuity_assessment a WHERE a.referral_id = r.id) AS n
       FROM unnest($1::uuid[]) AS r(id)`,
    [ids],
  );
  const attached = await city.query<{ id: string; n: number }>(
    'referral',
    `SELECT r.id, (SELECT count(*)::int FROM referral_continuity c WHERE c.referral_id = r.id) AS n
       FROM unnest($1::uuid[]) AS r(id)`,
    [ids],
  );
  const violations = [
    ...assessed.filter((r) => r.n !== 1).map((r) => `referral ${r.id}: ${r.n} assessments in pharmacy`),
    ...attached
      .filter((r) => r.n !== 1)
      .map((r) => `referral ${r.id}: ${r.n} assessments attached in referral`),
    ...(await eventsOnce(
      city,
      'pharmacy',
      ids.map((id) => [MedicationContinuityAssessedEvent, id]),
    )),
  ];
  return {
    name: "pharmacy ⇄ referral: every downward referral's continuity assessed once, announced once, attached once",
    violations,
  };
}

/** Per claims flow: each claim number one claim of one version, adjudicated once; the month settled once. */
async function claimsOnce(city: ChaosCity, flows: readonly Flow[]): Promise<CheckResult> {
  const violations: string[] = [];
  const numbers = flows.flatMap((f) => f.claimNumbers!);
  const claims = await city.query<{ claim_number: string; claims: number; versions: number }>(
    'payment',
    `SELECT n.claim_number,
            (SELECT count(*)::int FROM claim c WHERE c.claim_number = n.claim_number) AS claims,
            (SELECT count(*)::int FROM claim c JOIN claim_version v ON v.claim_id = c.id
              WHERE c.claim_number = n.claim_number) AS versions
       FROM unnest($1::text[]) AS n(claim_number)`,
    [numbers],
  );
  for (const row of claims)
    if (row.claims !== 1 || row.versions !== 1)
      violations.push(
        `claim ${row.claim_number}: ${row.claims} claims, ${row.versions} versions (want 1 and 1)`,
      );
  const runs = await city.query<{ run_id: string; group_id: string; month: string; claims: number }>(
    'payment',
    `SELECT r.id AS run_id, r.group_id, to_char(r.period_from, 'YYYY-MM') AS month, r.claims
       FROM settlement_run r WHERE r.id = ANY($1::uuid[])`,
    [flows.map((f) => f.runId!)],
  );
  for (const flow of flows) {
    const run = runs.find((r) => r.run_id === flow.runId);
    if (!run || run.month !== flow.month || run.claims !== flow.size)
      violations.push(
        `flow ${flow.index}: run ${flow.runId} ${run ? `settled ${run.month} with ${run.claims} claims` : 'not stored'}, want ${flow.month} with ${flow.size}`,
      );
  }
  const [perPeriod] = await city.query<{ periods: number; runs: number }>(
    'payment',
    `SELECT count(DISTINCT (group_id, period_from))::int AS periods, count(*)::int AS runs FROM settlement_run`,
  );
  if (perPeriod!.periods !== perPeriod!.runs)
    violations.push(`${perPeriod!.runs} settlement runs for ${perPeriod!.periods} group months`);
  const settled = await city.query<{ envelope: Buffer }>(
    'payment',
    `SELECT envelope FROM outbox WHERE event_type = $1`,
    [SettlementCompletedEvent.type],
  );
  const announced = new Map<string, number>();
  for (const row of settled) {
    const runId = decodePayload(SettlementCompletedEvent, decodeEnvelope(row.envelope)).runId;
    announced.set(runId, (announced.get(runId) ?? 0) + 1);
  }
  for (const flow of flows)
    if (announced.get(flow.runId!) !== 1)
      violations.push(`run ${flow.runId}: SettlementCompleted ${announced.get(flow.runId!) ?? 0} times`);
  violations.push(
    ...(await eventsOnce(
      city,
      'payment',
      flows.flatMap((f) => f.claimIds!.map((id) => [ClaimAdjudicatedEvent, id] as const)),
    )),
  );
  return {
    name: 'payment: every claim once with one version, adjudicated once; every month settled once, announced once',
    violations,
  };
}

/** The events of each type for each aggregate (its message key) in the service's outbox: one each. */
async function eventsOnce(
  city: ChaosCity,
  service: ChaosService,
  expected: readonly (readonly [{ readonly type: string }, string])[],
): Promise<string[]> {
  if (expected.length === 0) return [];
  const rows = await city.query<{ event_type: string; message_key: string; n: number }>(
    service,
    `SELECT event_type, message_key, count(*)::int AS n FROM outbox WHERE message_key = ANY($1::text[])
      GROUP BY 1, 2`,
    [[...new Set(expected.map(([, key]) => key))]],
  );
  const violations: string[] = [];
  for (const [event, key] of expected) {
    const n = rows.find((r) => r.message_key === key && r.event_type === event.type)?.n ?? 0;
    if (n !== 1) violations.push(`${service}: ${event.type} of ${key} ${n} times in the outbox`);
  }
  return violations;
}

/**
 * Every referral of the run as lab-sharing and payment keep it (from referral's topic, each its own consumer) is at
 * the version of the last event referral published of it: no event lost to a crash, none applied out of order. The
 * consumers may still be applying the last events when the run goes quiet, so this waits for them a while.
 */
async function referralCopies(city: ChaosCity, flows: readonly Flow[]): Promise<CheckResult> {
  const ids = flows.flatMap((f) => [f.referralId, f.downwardId]).filter((id): id is string => !!id);
  const published = await city.query<{ envelope: Buffer }>(
    'referral',
    `SELECT envelope FROM outbox WHERE topic = $1 AND message_key = ANY($2::text[])`,
    [TOPICS.referral.name, ids],
  );
  const latest = new Map<string, number>();
  for (const row of published) {
    const envelope = decodeEnvelope(row.envelope);
    latest.set(
      envelope.aggregateId,
      Math.max(latest.get(envelope.aggregateId) ?? 0, envelope.aggregateVersion),
    );
  }
  const copies = async () => {
    const [lab, payment] = await Promise.all([
      city.query<{ id: string; version: number }>(
        'lab-sharing',
        `SELECT referral_id AS id, version::int FROM referral_pass WHERE referral_id = ANY($1::uuid[])`,
        [ids],
      ),
      city.query<{ id: string; version: number }>(
        'payment',
        `SELECT id, version::int FROM known_referral WHERE id = ANY($1::uuid[])`,
        [ids],
      ),
    ]);
    const violations: string[] = [];
    for (const [service, rows] of [
      ['lab-sharing', lab],
      ['payment', payment],
    ] as const) {
      for (const [id, version] of latest) {
        const kept = rows.find((r) => r.id === id)?.version;
        if (kept !== version)
          violations.push(
            `${service} keeps referral ${id} at ${kept ?? 'no'} version, referral published ${version}`,
          );
      }
    }
    return violations;
  };
  let violations = await copies();
  for (let waited = 0; violations.length > 0 && waited < 30_000; waited += 500) {
    await sleep(500);
    violations = await copies();
  }
  return {
    name: "lab-sharing and payment: every referral's copy at the last version referral published (ReferralChanged and the rest)",
    violations:
      latest.size === 0 && ids.length > 0
        ? [`referral published none of ${ids.length} referrals`]
        : violations,
  };
}
