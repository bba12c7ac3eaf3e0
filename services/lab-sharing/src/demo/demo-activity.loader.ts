import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { type UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { localDate } from '@medgrid/kernel';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { v5 as uuidv5 } from 'uuid';
import { RecordLabQualityCommand } from '../centres/application/record-lab-quality/record-lab-quality.command';
import { RecordLabQualityUseCase } from '../centres/application/record-lab-quality/record-lab-quality.use-case';
import { LabQualityTypeormRepository } from '../centres/infrastructure/persistence/lab-quality.typeorm-repository';
import { LookUpResultsCommand } from '../recognition/application/look-up-results/look-up-results.command';
import { LookUpResultsUseCase } from '../recognition/application/look-up-results/look-up-results.use-case';
import { LookupDecision } from '../recognition/application/lookup-decision';
import { OrderAnywayCommand } from '../recognition/application/order-anyway/order-anyway.command';
import { OrderAnywayUseCase } from '../recognition/application/order-anyway/order-anyway.use-case';
import { RegionItems } from '../recognition/application/region-items';
import { ReuseResultCommand } from '../recognition/application/reuse-result/reuse-result.command';
import { ReuseResultUseCase } from '../recognition/application/reuse-result/reuse-result.use-case';
import { RecognitionOutboxPublisher } from '../recognition/infrastructure/messaging/recognition-outbox.publisher';
import { RecognitionCatalogueTypeormRepository } from '../recognition/infrastructure/persistence/recognition-catalogue.typeorm-repository';
import { RecognitionLookupTypeormRepository } from '../recognition/infrastructure/persistence/recognition-lookup.typeorm-repository';
import { PerformerLookup } from '../results/application/performer-lookup';
import { RecordResultCommand } from '../results/application/record-result/record-result.command';
import { RecordResultUseCase } from '../results/application/record-result/record-result.use-case';
import { RecordedRecognisableResults } from '../results/application/recorded-recognisable-results';
import { ResultOutboxPublisher } from '../results/infrastructure/messaging/result-outbox.publisher';
import { ResultRecordTypeormRepository } from '../results/infrastructure/persistence/result-record.typeorm-repository';
import {
  DEMO_RECOGNITION,
  type DemoGroup,
  type DemoItem,
  type DemoLevel,
  planRecognition,
  type PlannedLookup,
  type RecognitionPlan,
  type RecognitionPlanSettings,
} from './demo-activity.plan';

// The same step always gets the same client request, so a second run is answered, never applied twice.
const NAMESPACE = '7d3f9a52-1c6e-5b80-a4d2-440100000002';
/**
 * The quick start's demo city: Guangzhou's division code and, when scripts/up.sh names it, the registry's id of it.
 * Groups of other cities, and of other cities with the same code (an end-to-end test registers its own Guangzhou
 * on the broker the platform shares), are left alone.
 */
const DEMO_DIVISION_CODE = '440100';
const IN_DEMO_CITY = `JOIN known_grid gr ON gr.id = g.grid_id
         JOIN known_city c ON c.id = gr.city_id AND c.division_code = $1 AND ($2::uuid IS NULL OR c.id = $2)`;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const PATIENTS_PER_GROUP = 200;
const CONCURRENCY = 6;
/** A decision is made a few minutes after the look-up that prompted it. */
const DECISION_AFTER_MS = 10 * 60_000;

export interface DemoActivityReport {
  qualityRecorded: number;
  resultsRecorded: number;
  lookupsMade: number;
  decisionsMade: number;
  plan: RecognitionPlan;
}

const requestId = (key: string) => uuidv5(key, NAMESPACE);
const LEVELS: readonly string[] = ['tertiary', 'secondary', 'primary'] satisfies DemoLevel[];

async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const system = (subject: string, institutionId: string, groupId: string): Identity => ({
  subject,
  role: 'partner-system',
  institutionId,
  groupId,
  practitionerId: null,
});

/**
 * Gives the demo city mutual-recognition activity with lab-sharing's own use cases (wired by hand: it runs as a
 * command, not inside the service): each performing institution's external quality assessment (RecordLabQuality,
 * as its group's administrator), the results its LIS records (RecordResult), then the look-ups of other
 * institutions' HIS (LookUpResults) and their decisions (ReuseResult, OrderAnyway), each at its planned instant of
 * the last 30 days; every rule checked, every read audited, every change announced through the outbox.
 */
export class DemoActivityLoader {
  private readonly catalogues: RecognitionCatalogueTypeormRepository;
  private readonly recordQuality: RecordLabQualityUseCase;
  private readonly recordResult: RecordResultUseCase;
  private readonly lookUp: LookUpResultsUseCase;
  private readonly reuse: ReuseResultUseCase;
  private readonly orderAnyway: OrderAnywayUseCase;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly cityId: string | null = null,
  ) {
    const registry = new RegistryViewTypeormRepository(uow);
    this.catalogues = new RecognitionCatalogueTypeormRepository(uow);
    const outbox = new OutboxWriter(uow, 'lab-sharing');
    const requests = new ClientRequests(uow);
    const quality = new LabQualityTypeormRepository(uow);
    const results = new ResultRecordTypeormRepository(uow);
    const lookups = new RecognitionLookupTypeormRepository(uow);
    this.recordQuality = new RecordLabQualityUseCase(uow, quality, registry, requests);
    this.recordResult = new RecordResultUseCase(
      uow,
      results,
      new ResultOutboxPublisher(outbox),
      this.catalogues,
      new PerformerLookup(registry, quality),
      registry,
      requests,
    );
    this.lookUp = new LookUpResultsUseCase(
      new RegionItems(registry, this.catalogues),
      lookups,
      lookups,
      new RecordedRecognisableResults(results),
      new AuditTrail(uow),
      requests,
    );
    const decision = new LookupDecision(uow, lookups, new RecognitionOutboxPublisher(outbox), requests);
    this.reuse = new ReuseResultUseCase(decision);
    this.orderAnyway = new OrderAnywayUseCase(decision);
  }

  /** Null when no city with a recognition catalogue is known yet: nothing to record results for. */
  async load(
    log: (line: string) => void,
    settings: RecognitionPlanSettings = DEMO_RECOGNITION,
    now = new Date(),
  ): Promise<DemoActivityReport | null> {
    const groups = await this.groups(now);
    const items = await this.items();
    if (items.length === 0) {
      log(
        'no city with a recognition catalogue is known: no results recorded (load the starter catalogue first)',
      );
      return null;
    }
    const plan = planRecognition(groups, items, settings);
    const qualityRecorded = await this.recordQualities(plan, groups, settings, now, log);
    const resultIds = await this.recordResults(plan, now, log);
    const { made, decided } = await this.lookUpAndDecide(plan.lookups, resultIds, now, log);
    return {
      qualityRecorded,
      resultsRecorded: resultIds.recorded,
      lookupsMade: made,
      decisionsMade: decided,
      plan,
    };
  }

  private async groups(now: Date): Promise<DemoGroup[]> {
    const manager = this.uow.manager();
    const institutions = await manager.query<{ id: string; group_id: string; level: string }[]>(
      `SELECT i.id, i.group_id, i.level FROM known_institution i
         JOIN known_group g ON g.id = i.group_id ${IN_DEMO_CITY}
        ORDER BY i.id`,
      [DEMO_DIVISION_CODE, this.cityId],
    );
    const patients = await manager.query<{ group_id: string; resident_id_number: string }[]>(
      `SELECT group_id, resident_id_number FROM (
         SELECT t.group_id, k.resident_id_number,
                row_number() OVER (PARTITION BY t.group_id ORDER BY k.resident_id_number) AS n
           FROM known_contract k JOIN known_team t ON t.id = k.team_id
           JOIN known_group g ON g.id = t.group_id ${IN_DEMO_CITY.replaceAll('$1', '$3').replaceAll('$2', '$4')}
          WHERE k.status = 'active' AND k.start_date <= $1 AND $1 <= k.end_date) c
        WHERE n <= $2`,
      [localDate(now), PATIENTS_PER_GROUP, DEMO_DIVISION_CODE, this.cityId],
    );
    const groups = new Map<
      string,
      { id: string; institutions: { id: string; level: DemoLevel }[]; patients: string[] }
    >();
    const groupOf = (id: string) => {
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { id, institutions: [], patients: [] }));
      return group;
    };
    for (const row of institutions) {
      if (LEVELS.includes(row.level))
        groupOf(row.group_id).institutions.push({ id: row.id, level: row.level as DemoLevel });
    }
    for (const row of patients)
      if (groups.has(row.group_id)) groupOf(row.group_id).patients.push(row.resident_id_number);
    return [...groups.values()];
  }

  /**
   * The laboratory items recognised region-wide on an external quality assessment, of the demo city's catalogue:
   * what a centre's quality record makes its results recognised for.
   */
  private async items(): Promise<DemoItem[]> {
    const cities = await this.uow.manager().query<{ region_id: string }[]>(
      `SELECT r.region_id FROM recognition_catalogue r JOIN known_city c ON c.id = r.region_id
          WHERE c.division_code = $1`,
      [DEMO_DIVISION_CODE],
    );
    if (cities.length === 0) return [];
    const catalogue = await this.catalogues.load(cities[0]!.region_id, false);
    return catalogue
      .snapshot()
      .items.filter(
        (item) =>
          item.kind === 'laboratory' &&
          item.recognition?.scope === 'region' &&
          item.recognition.quality.includes('quality-control'),
      )
      .map((item) => ({ code: item.code, validityDays: item.recognition!.validityDays }));
  }

  private async recordQualities(
    plan: RecognitionPlan,
    groups: readonly DemoGroup[],
    settings: RecognitionPlanSettings,
    now: Date,
    log: (line: string) => void,
  ): Promise<number> {
    const groupOf = new Map(groups.flatMap((g) => g.institutions.map((i) => [i.id, g.id] as const)));
    const performers = [...new Set(plan.results.map((r) => r.performerId))].sort();
    const done = await this.existing(
      'record-lab-quality',
      performers.map((id) => `lab-quality:${id}`),
    );
    const todo = performers.filter((id) => !done.has(requestId(`lab-quality:${id}`)));
    for (const institutionId of todo) {
      const groupId = groupOf.get(institutionId)!;
      await this.recordQuality.execute(
        {
          subject: 'demo-group-quality-office',
          role: 'group-admin',
          institutionId: null,
          groupId,
          practitionerId: null,
        },
        RecordLabQualityCommand.create({
          clientRequestId: requestId(`lab-quality:${institutionId}`),
          institutionId,
          kind: 'external-quality-assessment',
          reference: '广东省临床检验中心室间质评 (provincial EQA), demo',
          validFrom: new Date(now.getTime() - (settings.windowDays + 60) * DAY_MS),
          validUntil: new Date(now.getTime() + 300 * DAY_MS),
        }),
        now,
      );
    }
    log(
      todo.length === 0
        ? `laboratory quality: every performing institution's is on record (${performers.length})`
        : `laboratory quality: external quality assessment recorded for ${todo.length} performing institutions`,
    );
    return todo.length;
  }

  private async recordResults(plan: RecognitionPlan, now: Date, log: (line: string) => void) {
    const done = await this.existing(
      'record-result',
      plan.results.map((r) => r.key),
    );
    const ids = new Map<string, string>();
    for (const result of plan.results) {
      const id = done.get(requestId(result.key));
      if (id) ids.set(result.key, id);
    }
    const todo = plan.results.filter((r) => !ids.has(r.key));
    await inPool(todo, CONCURRENCY, async (result) => {
      const performedAt = new Date(now.getTime() - Math.round(result.performedDaysAgo * DAY_MS));
      const reportedAt = new Date(performedAt.getTime() + result.reportedAfterHours * HOUR_MS);
      const recorded = await this.recordResult.execute(
        system('demo-lis', result.performerId, result.groupId),
        RecordResultCommand.create(
          {
            clientRequestId: requestId(result.key),
            patientResidentId: result.patientResidentId,
            itemCode: result.itemCode,
            performedAt,
            reportedAt,
            observations: [],
            conclusion: '见检验报告 (see the laboratory report)',
            study: null,
          },
          reportedAt,
        ),
        reportedAt,
      );
      ids.set(result.key, recorded.id);
    });
    log(
      todo.length === 0
        ? `results: all ${plan.results.length} recorded by an earlier run; none added`
        : `results: ${todo.length} recorded (RecordResult) over the last ${DEMO_RECOGNITION.windowDays} days` +
            (ids.size > todo.length ? `, ${ids.size - todo.length} kept` : ''),
    );
    return { byKey: ids, recorded: todo.length };
  }

  private async lookUpAndDecide(
    lookups: readonly PlannedLookup[],
    results: { byKey: ReadonlyMap<string, string> },
    now: Date,
    log: (line: string) => void,
  ): Promise<{ made: number; decided: number }> {
    const done = await this.existing(
      'look-up-results',
      lookups.map((l) => l.key),
    );
    const lookupIds = [...done.values()];
    const outcomes = new Map(
      (
        await this.uow
          .manager()
          .query<{ id: string; outcome: string }[]>(
            `SELECT id, outcome FROM recognition_lookup WHERE id = ANY($1)`,
            [lookupIds],
          )
      ).map((row) => [row.id, row.outcome]),
    );
    let made = 0;
    let decided = 0;
    const todo = lookups.filter((l) => {
      const id = done.get(requestId(l.key));
      return !id || (l.decision.kind !== 'nothing-offered' && outcomes.get(id) === 'pending');
    });
    await inPool(todo, CONCURRENCY, async (planned) => {
      const identity = system('demo-his', planned.ordererId, planned.groupId);
      const at = new Date(now.getTime() - Math.round(planned.lookedUpDaysAgo * DAY_MS));
      const isNew = !done.has(requestId(planned.key));
      const { lookup } = await this.lookUp.execute(
        identity,
        LookUpResultsCommand.create(
          {
            clientRequestId: requestId(planned.key),
            patientResidentId: planned.patientResidentId,
            itemCode: planned.itemCode,
            'x-purpose': 'treatment',
          },
          at,
        ),
        at,
      );
      if (isNew) made++;
      const decideAt = new Date(Math.min(at.getTime() + DECISION_AFTER_MS, now.getTime()));
      const clientRequestId = requestId(`${planned.key}:decision`);
      switch (planned.decision.kind) {
        case 'nothing-offered':
          return;
        case 'reuse': {
          const resultKey = planned.key.replace(':lookup:', ':result:');
          const plannedResult = results.byKey.get(resultKey);
          const offered = lookup.offered.find((r) => r.resultId === plannedResult) ?? lookup.offered[0];
          if (!offered) throw new Error(`look-up ${planned.key} offered no result to reuse`);
          await this.reuse.execute(
            identity,
            ReuseResultCommand.create({ clientRequestId, lookupId: lookup.id, resultId: offered.resultId }),
            decideAt,
          );
          break;
        }
        case 'order-anyway':
          await this.orderAnyway.execute(
            identity,
            OrderAnywayCommand.create({
              clientRequestId,
              lookupId: lookup.id,
              reason: planned.decision.reason,
            }),
            decideAt,
          );
          break;
      }
      decided++;
    });
    log(
      todo.length === 0
        ? `look-ups: all ${lookups.length} made and decided by an earlier run; none added`
        : `look-ups: ${made} made (LookUpResults), ${decided} decided (ReuseResult, OrderAnyway)`,
    );
    return { made, decided };
  }

  /** The client requests of `operation` already answered among `keys`' ids: id -> what they made. */
  private async existing(operation: string, keys: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.uow
      .manager()
      .query<{ client_request_id: string; result_id: string }[]>(
        `SELECT client_request_id, result_id FROM client_request WHERE operation = $1 AND client_request_id = ANY($2)`,
        [operation, keys.map(requestId)],
      );
    return new Map(rows.map((row) => [row.client_request_id, row.result_id]));
  }
}
