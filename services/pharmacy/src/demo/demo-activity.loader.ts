import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { GroupedInserts, type UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { localDate } from '@medgrid/kernel';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { v5 as uuidv5 } from 'uuid';
import { CatalogueEdit } from '../catalogue/application/catalogue-edit';
import { LoadStarterCatalogueCommand } from '../catalogue/application/load-starter-catalogue/load-starter-catalogue.command';
import { LoadStarterCatalogueUseCase } from '../catalogue/application/load-starter-catalogue/load-starter-catalogue.use-case';
import { CatalogueOutboxPublisher } from '../catalogue/infrastructure/messaging/catalogue-outbox.publisher';
import { DrugCatalogueTypeormRepository } from '../catalogue/infrastructure/persistence/drug-catalogue.typeorm-repository';
import { isInstitutionLevel } from '../common/institution-level';
import { FormularyStep } from '../formulary/application/formulary-step';
import { RecordStockMovementCommand } from '../formulary/application/record-stock-movement/record-stock-movement.command';
import { RecordStockMovementUseCase } from '../formulary/application/record-stock-movement/record-stock-movement.use-case';
import { StockDrugCommand } from '../formulary/application/stock-drug/stock-drug.command';
import { StockDrugUseCase } from '../formulary/application/stock-drug/stock-drug.use-case';
import { FormularyOutboxPublisher } from '../formulary/infrastructure/messaging/formulary-outbox.publisher';
import { FormularyTypeormRepository } from '../formulary/infrastructure/persistence/formulary.typeorm-repository';
import { CataloguesInForce } from '../prescribing/application/catalogues-in-force';
import { CheckPrescriptionCommand } from '../prescribing/application/check-prescription/check-prescription.command';
import { CheckPrescriptionUseCase } from '../prescribing/application/check-prescription/check-prescription.use-case';
import { PrescribingRules } from '../prescribing/application/prescribing-rules';
import { type ChronicDiseaseList } from '../prescribing/domain/chronic-disease-list';
import { type SupplyRules } from '../prescribing/domain/supply-rules';
import { PrescribingFactsTypeormRepository } from '../prescribing/infrastructure/persistence/prescribing-facts.typeorm-repository';
import { PrescriptionCheckTypeormRepository } from '../prescribing/infrastructure/persistence/prescription-check.typeorm-repository';
import {
  DEMO_PRESCRIBING,
  type DemoDrug,
  type DemoGroup,
  planPrescribing,
  type PrescribingPlan,
  type PrescribingPlanSettings,
} from './demo-activity.plan';

/** The subject of the demo's HIS calls: what a second run counts to skip the prescriptions already checked. */
export const DEMO_PRESCRIBER = 'demo-his';
// The same step of the same institution always gets the same client request, so a second run adds nothing.
const NAMESPACE = '5b0e3c1e-8a4f-5d2b-9c61-2f7a44010001';
/**
 * The demo city's groups when scripts/up.sh names them (pharmacy learns groups, not cities): an end-to-end test's
 * groups, announced on the broker the platform shares, are left alone. Null: every group learnt.
 */
const IN_DEMO_GROUPS = `AND ($1::uuid[] IS NULL OR g.id = ANY($1::uuid[]))`;
const DAY_MS = 86_400_000;
const WINDOW_DAYS = 30;
const PATIENTS_PER_GROUP = 200;
const CONCURRENCY = 8;

export interface DemoActivityReport {
  cataloguesLoaded: number;
  drugsStocked: number;
  prescriptionsChecked: number;
  prescriptionsKept: number;
  plan: PrescribingPlan;
}

const requestId = (key: string) => uuidv5(key, NAMESPACE);

/** Runs `work` on each item, `limit` at a time. */
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

/**
 * Gives the demo city's groups prescribing activity with pharmacy's own use cases (wired by hand: it runs as a
 * command, not inside the service): the starter catalogue for a group without one (LoadStarterDrugCatalogue, as
 * the group's administrator), each institution's formulary with stock on hand (StockDrug, RecordStockMovement, as
 * its pharmacy system), then the planned prescriptions (CheckPrescription, as its HIS), every rule checked, every
 * check recorded with its audit row, every change announced through the outbox.
 */
export class DemoActivityLoader {
  private readonly registry: RegistryViewTypeormRepository;
  private readonly catalogues: DrugCatalogueTypeormRepository;
  private readonly loadStarter: LoadStarterCatalogueUseCase;
  private readonly stockDrug: StockDrugUseCase;
  private readonly receive: RecordStockMovementUseCase;
  private readonly check: CheckPrescriptionUseCase;

  constructor(
    private readonly uow: UnitOfWork,
    rules: { supply: SupplyRules; diseases: ChronicDiseaseList },
    private readonly groupIds: string[] | null = null,
  ) {
    this.registry = new RegistryViewTypeormRepository(uow);
    this.catalogues = new DrugCatalogueTypeormRepository(uow);
    const outbox = new OutboxWriter(uow, 'pharmacy');
    const requests = new ClientRequests(uow);
    this.loadStarter = new LoadStarterCatalogueUseCase(
      new CatalogueEdit(uow, this.catalogues, new CatalogueOutboxPublisher(outbox), requests),
    );
    const formularies = new FormularyTypeormRepository(uow);
    const step = new FormularyStep(uow, formularies, this.registry, requests);
    const formularyEvents = new FormularyOutboxPublisher(outbox);
    this.stockDrug = new StockDrugUseCase(step, formularies, this.catalogues, formularyEvents);
    this.receive = new RecordStockMovementUseCase(step, formularies, formularyEvents);
    this.check = new CheckPrescriptionUseCase(
      new GroupedInserts(uow),
      new PrescribingFactsTypeormRepository(uow),
      new CataloguesInForce(this.catalogues),
      new AuditTrail(uow),
      new PrescribingRules(rules.supply, rules.diseases),
      new PrescriptionCheckTypeormRepository(uow),
    );
  }

  async load(
    log: (line: string) => void,
    settings: PrescribingPlanSettings = DEMO_PRESCRIBING,
    now = new Date(),
  ): Promise<DemoActivityReport> {
    const groups = await this.groups(now);
    const cataloguesLoaded = await this.loadCatalogues(groups, now, log);
    const drugs = new Map<string, DemoDrug[]>();
    const since = new Map<string, Date>();
    for (const group of groups) {
      const catalogue = await this.catalogues.load(group.id, false);
      drugs.set(group.id, catalogue.drugsAt(now));
      since.set(group.id, await this.catalogueSince(group.id, now));
    }
    const plan = planPrescribing(groups, (id) => drugs.get(id) ?? [], settings);
    const drugsStocked = await this.stockFormularies(plan, groups, log);
    const { checked, kept } = await this.checkPrescriptions(plan, since, now);
    log(
      kept === 0
        ? `prescriptions: ${checked} checked (CheckPrescription) at ${plan.tallies.size} institutions`
        : `prescriptions: ${checked} checked, ${kept} checked by an earlier run kept`,
    );
    if (plan.belowTarget) log(`institution ${plan.belowTarget} prescribes below the essential-share target`);
    return { cataloguesLoaded, drugsStocked, prescriptionsChecked: checked, prescriptionsKept: kept, plan };
  }

  /** The groups the registry announced, their institutions at a known level, their contracted residents today. */
  private async groups(now: Date): Promise<DemoGroup[]> {
    const manager = this.uow.manager();
    const institutions = await manager.query<{ id: string; group_id: string; level: string }[]>(
      `SELECT i.id, i.group_id, i.level FROM known_institution i
         JOIN known_group g ON g.id = i.group_id ${IN_DEMO_GROUPS}
        ORDER BY i.id`,
      [this.groupIds],
    );
    const patients = await manager.query<{ group_id: string; resident_id_number: string }[]>(
      `SELECT group_id, resident_id_number FROM (
         SELECT t.group_id, k.resident_id_number,
                row_number() OVER (PARTITION BY t.group_id ORDER BY k.resident_id_number) AS n
           FROM known_contract k JOIN known_team t ON t.id = k.team_id
           JOIN known_group g ON g.id = t.group_id ${IN_DEMO_GROUPS.replaceAll('$1', '$3')}
          WHERE k.status = 'active' AND k.start_date <= $1 AND $1 <= k.end_date) c
        WHERE n <= $2`,
      [localDate(now), PATIENTS_PER_GROUP, this.groupIds],
    );
    const groups = new Map<
      string,
      { id: string; institutions: DemoGroup['institutions'][number][]; patients: string[] }
    >();
    const groupOf = (id: string) => {
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { id, institutions: [], patients: [] }));
      return group;
    };
    for (const row of institutions) {
      if (isInstitutionLevel(row.level))
        groupOf(row.group_id).institutions.push({ id: row.id, level: row.level });
    }
    for (const row of patients)
      if (groups.has(row.group_id)) groupOf(row.group_id).patients.push(row.resident_id_number);
    return [...groups.values()];
  }

  private async loadCatalogues(groups: readonly DemoGroup[], now: Date, log: (line: string) => void) {
    let loaded = 0;
    for (const group of groups) {
      const catalogue = await this.catalogues.load(group.id, false);
      if (catalogue.version > 0) continue;
      const admin: Identity = {
        subject: 'demo-group-pharmacist',
        role: 'group-admin',
        institutionId: null,
        groupId: group.id,
        practitionerId: null,
      };
      await this.loadStarter.execute(
        admin,
        LoadStarterCatalogueCommand.create({
          clientRequestId: requestId(`starter-drug-catalogue:${group.id}`),
          fromVersion: 0,
          effectiveFrom: undefined,
        }),
        now,
      );
      loaded++;
    }
    log(
      loaded === 0
        ? `drug catalogues: every group has one (${groups.length})`
        : `drug catalogues: the starter catalogue loaded for ${loaded} of ${groups.length} groups`,
    );
    return loaded;
  }

  /** The first instant the group's catalogue had drugs: a prescription before it would find none in force. */
  private async catalogueSince(groupId: string, now: Date): Promise<Date> {
    const rows = await this.uow
      .manager()
      .query<{ since: Date | null }[]>(
        `SELECT min(effective_from) AS since FROM drug_version WHERE group_id = $1`,
        [groupId],
      );
    return rows[0]?.since ?? now;
  }

  private async stockFormularies(
    plan: PrescribingPlan,
    groups: readonly DemoGroup[],
    log: (line: string) => void,
  ) {
    const stocked = await this.uow
      .manager()
      .query<{ institution_id: string; drug_code: string }[]>(
        `SELECT institution_id, drug_code FROM formulary_item`,
      );
    const onFormulary = new Set(stocked.map((row) => `${row.institution_id}:${row.drug_code}`));
    const missing = plan.formularies
      .map((f) => ({
        ...f,
        drugCodes: f.drugCodes.filter((code) => !onFormulary.has(`${f.institutionId}:${code}`)),
      }))
      .filter((f) => f.drugCodes.length > 0);
    const levels = new Map(groups.flatMap((g) => g.institutions.map((i) => [i.id, i.level] as const)));
    let count = 0;
    await inPool(missing, CONCURRENCY / 2, async (formulary) => {
      const pharmacy: Identity = {
        subject: 'demo-pharmacy-system',
        role: 'partner-system',
        institutionId: formulary.institutionId,
        groupId: formulary.groupId,
        practitionerId: null,
      };
      for (const drugCode of formulary.drugCodes) {
        const key = `${formulary.institutionId}:${drugCode}`;
        await this.stockDrug.execute(
          pharmacy,
          StockDrugCommand.create({ clientRequestId: requestId(`stock-drug:${key}`), drugCode }),
        );
        await this.receive.execute(
          pharmacy,
          RecordStockMovementCommand.create({
            clientRequestId: requestId(`opening-stock:${key}`),
            drugCode,
            kind: 'received',
            quantity: formulary.packs,
            reason: '期初库存 (opening stock)',
          }),
        );
        count++;
      }
    });
    log(
      count === 0
        ? `formularies: every institution's is stocked (${plan.formularies.length})`
        : `formularies: ${count} drugs stocked with stock on hand at ${missing.length} of ${levels.size} institutions`,
    );
    return count;
  }

  private async checkPrescriptions(
    plan: PrescribingPlan,
    since: ReadonlyMap<string, Date>,
    now: Date,
  ): Promise<{ checked: number; kept: number }> {
    const rows = await this.uow.manager().query<{ institution_id: string; n: string }[]>(
      `SELECT institution_id, count(*) AS n FROM prescription_check WHERE prescriber_subject = $1
          GROUP BY institution_id`,
      [DEMO_PRESCRIBER],
    );
    const done = new Map(rows.map((row) => [row.institution_id, Number(row.n)]));
    const todo = plan.prescriptions.filter((p) => p.ordinal >= (done.get(p.institutionId) ?? 0));
    // The last 30 days, but never before the group's catalogue was in force: a drug is prescribed from then on.
    const windowOf = (groupId: string) => {
      const from = Math.max(now.getTime() - WINDOW_DAYS * DAY_MS, (since.get(groupId) ?? now).getTime());
      return { from, span: Math.max(0, now.getTime() - from) };
    };
    await inPool(todo, CONCURRENCY, async (p) => {
      const his: Identity = {
        subject: DEMO_PRESCRIBER,
        role: 'partner-system',
        institutionId: p.institutionId,
        groupId: p.groupId,
        practitionerId: null,
      };
      const window = windowOf(p.groupId);
      const at = new Date(window.from + Math.floor(p.position * window.span));
      await this.check.execute(
        his,
        CheckPrescriptionCommand.create(
          {
            patientResidentId: p.patientResidentId,
            diagnosisCodes: [...p.diagnosisCodes],
            stable: p.stable,
            regimenUnchanged: p.regimenUnchanged,
            lines: p.lines.map((line) => ({ ...line })),
            'x-purpose': 'prescribing',
          },
          at,
        ),
        at,
      );
    });
    return { checked: todo.length, kept: plan.prescriptions.length - todo.length };
  }
}
