import { status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import {
  type drugCatalogueServiceV1,
  DrugChangedEvent,
  formularyServiceV1,
  prescribingServiceV1,
} from '@medgrid/contracts';
import { aResidentId, anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { anAmlodipine } from './drug-fixtures';
import { fails } from './grpc-call';
import { outboxEventCount } from './outbox';
import { PharmacyHarness } from './pharmacy-harness';

const STARTER_DRUGS = 240;
const CSV_COLUMNS =
  'code,generic_name,dosage_form,strength,pack_size,unit,pack_unit,manufacturer,supplier,essential,volume_based,bid_price_fen,unified_price_fen,list_price_fen,insurance_category,levels';
/** Amlodipine 5 mg tablets of a maker of the group's own: not an essential medicine, hospitals and centres alike. */
const NON_ESSENTIAL_AMLODIPINE = 'XC08CAA001F001001000777';

/**
 * The group's drug catalogue, an institution's formulary and CheckPrescription, with the registry and the pharmacy
 * service as real processes: the service learns the group, its institutions and the patients' contracts from the
 * registry's topics.
 */
describe('pharmacy: the catalogue, the formulary and prescription checks', () => {
  const h = new PharmacyHarness();
  let group: Awaited<ReturnType<PharmacyHarness['groupWithHospital']>>;

  beforeAll(async () => {
    await h.start('pharmacy_catalogue');
    group = await h.groupWithHospital();
  });
  afterAll(() => h.stop());

  const catalogue = () => h.catalogue;
  const loadStarter = (identity: Identity, clientRequestId = uuidv7()) =>
    h.call(
      catalogue(),
      catalogue().loadStarterDrugCatalogue,
      { clientRequestId, fromVersion: 0, effectiveFrom: undefined },
      identity,
    );
  const check = (
    identity: Identity,
    request: Partial<prescribingServiceV1.CheckPrescriptionRequest>,
    purpose = 'prescribing',
  ) =>
    h.call(
      h.prescribing,
      h.prescribing.checkPrescription,
      {
        patientResidentId: aResidentId(),
        diagnosisCodes: ['I10'],
        stable: true,
        regimenUnchanged: true,
        lines: [],
        ...request,
      },
      identity,
      { 'x-purpose': purpose },
    );

  it("loads the starter catalogue into the group's catalogue once, announces each drug, and lets its members read it", async () => {
    const clientRequestId = uuidv7();

    const loaded = await loadStarter(group.admin, clientRequestId);
    const retried = await loadStarter(group.admin, clientRequestId);
    const page = await h.call(
      catalogue(),
      catalogue().getDrugCatalogue,
      { at: undefined, pageSize: 500, pageToken: '', groupId: '' },
      group.centre,
    );

    expect(loaded.catalogue).toMatchObject({ groupId: group.groupId, version: 1, drugCount: STARTER_DRUGS });
    expect(retried).toEqual(loaded);
    expect(page.drugs).toHaveLength(STARTER_DRUGS);
    expect(page.nextPageToken).toBe('');
    expect(await outboxEventCount(h.sql, group.groupId, DrugChangedEvent)).toBe(STARTER_DRUGS);
    const [first] = page.drugs;
    const drug = await h.call(
      catalogue(),
      catalogue().getDrug,
      { code: first!.code, at: undefined, groupId: '' },
      group.hospital,
    );
    expect(drug.inForce).toEqual(first);
    expect(drug.versions).toHaveLength(1);
  });

  it("lets a city operator read the group's catalogue it names, but change none, and keeps a member to its own group", async () => {
    const operator = anIdentity({ role: 'city-operator', groupId: null, institutionId: null });
    const other = await h.newGroup();

    const page = await h.call(
      catalogue(),
      catalogue().getDrugCatalogue,
      { at: undefined, pageSize: 1, pageToken: '', groupId: group.groupId },
      operator,
    );
    const unnamed = await fails(
      h.call(
        catalogue(),
        catalogue().getDrugCatalogue,
        { at: undefined, pageSize: 1, pageToken: '', groupId: '' },
        operator,
      ),
    );
    const elsewhere = await fails(
      h.call(
        catalogue(),
        catalogue().searchDrugs,
        { genericName: '氨氯地平', at: undefined, groupId: other.groupId },
        group.centre,
      ),
    );

    expect(page.catalogue).toMatchObject({ groupId: group.groupId, drugCount: STARTER_DRUGS });
    expect(page.drugs).toHaveLength(1);
    expect(unnamed).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'CATALOGUE_GROUP_REQUIRED' });
    expect(unnamed.fieldViolations.map((v) => v.field)).toEqual(['groupId']);
    expect(elsewhere).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'CATALOGUE_ACCESS_DENIED' });
    expect(await fails(loadStarter(operator))).toMatchObject({ code: status.PERMISSION_DENIED });
  });

  it('refuses the starter load to a member: only the group’s administrators change its catalogue', async () => {
    expect(await fails(loadStarter(group.centre))).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'CATALOGUE_ACCESS_DENIED',
    });
  });

  it('puts a drug of the group’s own, finds it by its generic name, flags it with its essential alternative, then withdraws it', async () => {
    const { catalogue: before } = await h.call(
      catalogue(),
      catalogue().getDrugCatalogue,
      { at: undefined, pageSize: 1, pageToken: '', groupId: '' },
      group.admin,
    );
    const put = await h.call(
      catalogue(),
      catalogue().putDrug,
      {
        clientRequestId: uuidv7(),
        fromVersion: before!.version,
        drug: aNonEssentialAmlodipine(),
        effectiveFrom: undefined,
      },
      group.admin,
    );
    const { drugs: found } = await h.call(
      catalogue(),
      catalogue().searchDrugs,
      { genericName: '氨氯地平', at: undefined, groupId: '' },
      group.centre,
    );
    const winner = found.find(
      (d) => d.genericName === '苯磺酸氨氯地平' && d.strength === '5mg' && d.essential && d.volumeBased,
    );

    const checked = await check(group.hospital, {
      lines: [{ drugCode: NON_ESSENTIAL_AMLODIPINE, quantity: 2, daysOfSupply: 28 }],
    });

    const withdrawn = await h.call(
      catalogue(),
      catalogue().withdrawDrug,
      {
        clientRequestId: uuidv7(),
        fromVersion: put.catalogue!.version,
        code: NON_ESSENTIAL_AMLODIPINE,
        effectiveFrom: undefined,
      },
      group.admin,
    );
    const afterWithdrawal = await check(group.hospital, {
      lines: [{ drugCode: NON_ESSENTIAL_AMLODIPINE, quantity: 2, daysOfSupply: 28 }],
    });

    expect(put).toMatchObject({
      catalogue: { version: before!.version + 1, drugCount: STARTER_DRUGS + 1 },
      version: { drug: aNonEssentialAmlodipine() },
    });
    expect(found.map((d) => d.code)).toContain(NON_ESSENTIAL_AMLODIPINE);
    expect(winner).toBeDefined();
    expect(checked.outcome).toBe(prescribingServiceV1.CheckOutcome.CHECK_OUTCOME_WARNED);
    expect(checked.lines[0]).toMatchObject({
      drugCode: NON_ESSENTIAL_AMLODIPINE,
      amountFen: 2 * 2680,
      findings: [
        {
          code: 'ESSENTIAL_ALTERNATIVE',
          severity: prescribingServiceV1.FindingSeverity.FINDING_SEVERITY_WARNING,
          field: 'lines[0].drugCode',
          alternativeCode: winner!.code,
        },
      ],
    });
    expect(withdrawn).toMatchObject({
      catalogue: { version: put.catalogue!.version + 1 },
      version: { drug: undefined },
    });
    expect(afterWithdrawal.lines[0]?.findings.map((f) => [f.code, f.field])).toEqual([
      ['NOT_IN_CATALOGUE', 'lines[0].drugCode'],
    ]);
  });

  it('refuses a long prescription for a resident without a contract, and gives it to a contracted one with stable hypertension', async () => {
    const amlodipine = await essentialAmlodipine(group.hospital);
    const contracted = await h.contractedPatient(group.centreId, group.gridId);
    const uncontracted = aResidentId(1 + Math.floor(Math.random() * 12_000_000));
    const lines = [{ drugCode: amlodipine, quantity: 3, daysOfSupply: 84 }];

    const refused = await check(group.centre, { patientResidentId: uncontracted, lines });
    const given = await check(group.centre, { patientResidentId: contracted, lines });

    expect(refused).toMatchObject({
      outcome: prescribingServiceV1.CheckOutcome.CHECK_OUTCOME_REFUSED,
      contractedResident: false,
      longPrescription: false,
      lines: [
        {
          findings: [
            expect.objectContaining({
              code: 'DAYS_OF_SUPPLY_CAPPED',
              severity: prescribingServiceV1.FindingSeverity.FINDING_SEVERITY_REFUSAL,
              field: 'lines[0].daysOfSupply',
              allowedDays: 30,
            }),
          ],
        },
      ],
    });
    expect(refused.lines[0]?.findings[0]?.message).toContain('no family-doctor contract');
    expect(given).toMatchObject({
      outcome: prescribingServiceV1.CheckOutcome.CHECK_OUTCOME_PASSED,
      contractedResident: true,
      longPrescription: true,
      lines: [{ findings: [expect.objectContaining({ code: 'LONG_PRESCRIPTION', allowedDays: 84 })] }],
    });
    expect(await h.readsOf('resident', contracted)).toEqual([
      { actor_role: 'primary-staff', purpose: 'prescribing' },
    ]);
  });

  it("records every check: the centre's prescribing statistics of today count a capped and an accepted long prescription, read by the centre and its group's administrators", async () => {
    const amlodipine = await essentialAmlodipine(group.hospital);
    const contracted = await h.contractedPatient(group.centreId, group.gridId);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const statistics = (identity: Identity, institutionId = '') =>
      h.call(
        h.prescribing,
        h.prescribing.getPrescribingStatistics,
        { from: today, until: today, institutionId, groupId: '' },
        identity,
      );
    const before = await statistics(group.centre);
    const lines = [{ drugCode: amlodipine, quantity: 3, daysOfSupply: 84 }];

    await check(group.centre, {
      patientResidentId: aResidentId(1 + Math.floor(Math.random() * 12_000_000)),
      lines,
    });
    await check(group.centre, { patientResidentId: contracted, lines });
    const after = await statistics(group.centre);
    const ofGroup = await statistics(group.admin, group.centreId);

    const delta = (
      key: 'checks' | 'lines' | 'essentialLines' | 'longPrescriptionsAccepted' | 'longPrescriptionsCapped',
    ) => (after.total?.[key] ?? 0) - (before.total?.[key] ?? 0);
    expect([delta('checks'), delta('lines'), delta('essentialLines')]).toEqual([2, 2, 2]);
    expect([delta('longPrescriptionsAccepted'), delta('longPrescriptionsCapped')]).toEqual([1, 1]);
    expect(after.figures.map((f) => f.institutionId)).toEqual([group.centreId]);
    expect(ofGroup.total).toEqual({ ...after.total });
    expect(await fails(statistics(group.centre, group.hospitalId))).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'PRESCRIBING_ACCESS_DENIED',
    });
  });

  it('refuses a malformed prescription with INVALID_ARGUMENT, naming each bad field as the request carried it', async () => {
    const refused = await fails(
      check(group.hospital, {
        diagnosisCodes: [],
        lines: [
          { drugCode: await essentialAmlodipine(group.hospital), quantity: 1, daysOfSupply: 28 },
          { drugCode: 'XC08CA', quantity: 0, daysOfSupply: 28 },
        ],
      }),
    );

    expect(refused).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(refused.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ['diagnosisCodes', 'REQUIRED'],
      ['lines[1].drugCode', 'INVALID_LENGTH'],
      ['lines[1].quantity', 'REQUIRED'],
    ]);
  });

  it('loads a CSV file all or nothing: a price in yuan is reported by line and column and nothing is loaded', async () => {
    const other = await h.groupWithHospital();
    const row = (code: string, price: string) =>
      `${code},盐酸二甲双胍,tablet,0.5g,48,片,盒,示例制药甲,配送企业甲,true,false,,${price},1200,A,tertiary|secondary|primary`;
    const csv = (price: string) =>
      Buffer.from(
        [CSV_COLUMNS, row('XA10BAE019A001020100212', '250'), row('XA10BAE019A001020100213', price)].join(
          '\n',
        ),
      );

    const refused = await h.call(
      catalogue(),
      catalogue().loadDrugCatalogueCsv,
      { clientRequestId: uuidv7(), fromVersion: 0, content: csv('2.50'), effectiveFrom: undefined },
      other.admin,
    );
    const loaded = await h.call(
      catalogue(),
      catalogue().loadDrugCatalogueCsv,
      { clientRequestId: uuidv7(), fromVersion: 0, content: csv('260'), effectiveFrom: undefined },
      other.admin,
    );

    expect(refused).toMatchObject({
      committed: false,
      rows: 2,
      accepted: 0,
      rejected: [{ line: 3, field: 'unified_price_fen', reason: 'DECIMAL_NOT_FEN' }],
      catalogue: { version: 0, drugCount: 0 },
    });
    expect(loaded).toMatchObject({
      committed: true,
      rows: 2,
      accepted: 2,
      catalogue: { version: 1, drugCount: 2 },
    });
  });

  it("keeps an institution's formulary and stock: only drugs its level may stock, never below zero", async () => {
    const amlodipine = await essentialAmlodipine(group.centre);
    const move = (kind: formularyServiceV1.StockMovementKind, quantity: number) =>
      h.call(
        h.formulary,
        h.formulary.recordStockMovement,
        { clientRequestId: uuidv7(), drugCode: amlodipine, kind, quantity, reason: '配送入库' },
        group.centre,
      );
    const { StockMovementKind: K } = formularyServiceV1;

    const stocked = await h.call(
      h.formulary,
      h.formulary.stockDrug,
      { clientRequestId: uuidv7(), drugCode: amlodipine },
      group.centre,
    );
    await move(K.STOCK_MOVEMENT_KIND_RECEIVED, 10);
    const issued = await move(K.STOCK_MOVEMENT_KIND_ISSUED, 3);
    const overdrawn = await fails(move(K.STOCK_MOVEMENT_KIND_ISSUED, 8));
    const read = await h.call(
      h.formulary,
      h.formulary.getFormulary,
      { institutionId: group.centreId },
      group.admin,
    );
    const hospitalOnly = await fails(
      h.call(
        h.formulary,
        h.formulary.stockDrug,
        { clientRequestId: uuidv7(), drugCode: await hospitalOnlyDrug(group.centre) },
        group.centre,
      ),
    );
    const unstocked = await h.call(
      h.formulary,
      h.formulary.unstockDrug,
      { clientRequestId: uuidv7(), drugCode: amlodipine },
      group.centre,
    );

    expect(stocked.formulary).toEqual({
      institutionId: group.centreId,
      level: 'primary',
      items: [{ drugCode: amlodipine, onHand: 0 }],
    });
    expect(issued.movement).toMatchObject({ quantity: 3, onHandAfter: 7 });
    expect(overdrawn).toMatchObject({
      code: status.FAILED_PRECONDITION,
      reason: 'INSUFFICIENT_STOCK',
      fieldViolations: [expect.objectContaining({ field: 'quantity' })],
    });
    expect(read.formulary?.items).toEqual([{ drugCode: amlodipine, onHand: 7 }]);
    expect(hospitalOnly).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'DRUG_NOT_ALLOWED_AT_LEVEL',
      fieldViolations: [expect.objectContaining({ field: 'drugCode' })],
    });
    expect(unstocked.formulary?.items).toEqual([]);
  });

  /** The essential volume-based amlodipine 5 mg of the starter catalogue. */
  async function essentialAmlodipine(identity: Identity): Promise<string> {
    const { drugs } = await h.call(
      catalogue(),
      catalogue().searchDrugs,
      { genericName: '苯磺酸氨氯地平', at: undefined, groupId: '' },
      identity,
    );
    return drugs.find((d) => d.strength === '5mg' && d.essential && d.volumeBased)!.code;
  }

  /** A drug of the starter catalogue kept to hospitals (an originator). */
  async function hospitalOnlyDrug(identity: Identity): Promise<string> {
    const { drugs } = await h.call(
      catalogue(),
      catalogue().searchDrugs,
      { genericName: '苯磺酸氨氯地平', at: undefined, groupId: '' },
      identity,
    );
    return drugs.find((d) => !d.levels.includes('primary'))!.code;
  }
});

function aNonEssentialAmlodipine(): drugCatalogueServiceV1.Drug {
  return anAmlodipine({
    code: NON_ESSENTIAL_AMLODIPINE,
    manufacturer: '集团自采企业',
    essential: false,
    volumeBased: false,
    bidPriceFen: undefined,
    unifiedPriceFen: 2680,
    listPriceFen: 2980,
  });
}
