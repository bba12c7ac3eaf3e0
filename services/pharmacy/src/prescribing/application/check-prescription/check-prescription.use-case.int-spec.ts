import { AuditTrail } from '@medgrid/audit';
import { GroupedInserts, UnitOfWork } from '@medgrid/database';
import { localDate } from '@medgrid/kernel';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { aResidentId, anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { DrugCatalogueTypeormRepository } from '../../../catalogue/infrastructure/persistence/drug-catalogue.typeorm-repository';
import { aDrug, anOriginatorDrug } from '../../../catalogue/test/drug.factory';
import { type InstitutionLevel } from '../../../common/institution-level';
import { pharmacyDataSource } from '../../../database/pharmacy-data-source';
import { DEFAULT_CHRONIC_DISEASES } from '../../domain/chronic-disease-list';
import { PrescribingErrorCode } from '../../domain/prescribing-error';
import { DEFAULT_SUPPLY_RULES } from '../../domain/supply-rules';
import { PrescribingFactsTypeormRepository } from '../../infrastructure/persistence/prescribing-facts.typeorm-repository';
import { PrescriptionCheckTypeormRepository } from '../../infrastructure/persistence/prescription-check.typeorm-repository';
import { CataloguesInForce } from '../catalogues-in-force';
import { GetPrescribingStatisticsQuery } from '../get-prescribing-statistics/get-prescribing-statistics.query';
import { GetPrescribingStatisticsUseCase } from '../get-prescribing-statistics/get-prescribing-statistics.use-case';
import { PrescribingRules } from '../prescribing-rules';
import { CheckPrescriptionCommand } from './check-prescription.command';
import { CheckPrescriptionUseCase } from './check-prescription.use-case';

/** CheckPrescription against a stored catalogue and the registry's view, with its audit row. */
describe(CheckPrescriptionUseCase.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let registry: RegistryViewTypeormRepository;
  let catalogues: DrugCatalogueTypeormRepository;
  let sut: CheckPrescriptionUseCase;
  let statistics: GetPrescribingStatisticsUseCase;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_check_prescription', (url) =>
      pharmacyDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    registry = new RegistryViewTypeormRepository(uow);
    catalogues = new DrugCatalogueTypeormRepository(uow);
    const records = new PrescriptionCheckTypeormRepository(uow);
    statistics = new GetPrescribingStatisticsUseCase(records);
    sut = new CheckPrescriptionUseCase(
      new GroupedInserts(uow),
      new PrescribingFactsTypeormRepository(uow),
      new CataloguesInForce(catalogues),
      new AuditTrail(uow),
      new PrescribingRules(DEFAULT_SUPPLY_RULES, DEFAULT_CHRONIC_DISEASES),
      records,
    );
  });

  afterAll(() => database?.close());

  /** An institution of a new group at the level, known to the view, whose group lists amlodipine and its originator. */
  async function aPrescriber(level: InstitutionLevel) {
    const identity = anIdentity({ role: 'partner-system' });
    await registry.upsertInstitution({
      id: identity.institutionId!,
      groupId: identity.groupId,
      level,
      type: 'general-hospital',
      version: 1,
    });
    await uow.run(async () => {
      const catalogue = await catalogues.load(identity.groupId!, true);
      const now = new Date();
      catalogue.load([aDrug(), anOriginatorDrug()], now, 0, now);
      await catalogues.save(catalogue, catalogue.pullEvents(), 0, 'loaded', identity);
    });
    return identity;
  }

  /** A resident under contract with a team of some institution, from today. */
  async function aContractedResident(): Promise<string> {
    const residentIdNumber = aResidentId();
    const teamId = uuidv7();
    await registry.upsertTeam({ id: teamId, institutionId: uuidv7(), groupId: uuidv7(), version: 1 });
    await registry.upsertContract({
      id: uuidv7(),
      residentIdNumber,
      teamId,
      status: 'active',
      startDate: localDate(new Date(Date.now() - 86_400_000)),
      endDate: localDate(new Date(Date.now() + 365 * 86_400_000)),
      version: 1,
    });
    return residentIdNumber;
  }

  const command = (patientResidentId: string, drugCode: string, daysOfSupply: number) =>
    CheckPrescriptionCommand.create({
      patientResidentId,
      diagnosisCodes: ['I10'],
      stable: true,
      regimenUnchanged: true,
      lines: [{ drugCode, quantity: 3, daysOfSupply }],
      'x-purpose': 'prescribing',
    });

  it('gives a contracted resident with stable hypertension 84 days, and audits the read of the contract', async () => {
    const hospital = await aPrescriber('secondary');
    const resident = await aContractedResident();

    const { check, contractedResident } = await sut.execute(hospital, command(resident, aDrug().code, 84));

    expect(contractedResident).toBe(true);
    expect(check).toMatchObject({ outcome: 'passed', longPrescription: true });
    expect(check.lines[0]?.findings.map((f) => f.code)).toEqual(['LONG_PRESCRIPTION']);
    const audit = await database.dataSource.query<{ subject_id: string; purpose: string }[]>(
      `SELECT subject_id, purpose FROM audit_log WHERE actor_institution_id = $1`,
      [hospital.institutionId],
    );
    expect(audit).toEqual([{ subject_id: resident, purpose: 'prescribing' }]);
  });

  it('caps a resident without a contract at 30 days, and names the essential alternative of the originator', async () => {
    const hospital = await aPrescriber('secondary');

    const { check, contractedResident } = await sut.execute(
      hospital,
      command(aResidentId(), anOriginatorDrug().code, 84),
    );

    expect(contractedResident).toBe(false);
    expect(check.outcome).toBe('refused');
    expect(check.lines[0]?.findings).toEqual([
      expect.objectContaining({ code: 'ESSENTIAL_ALTERNATIVE', alternativeCode: aDrug().code }),
      expect.objectContaining({
        code: 'DAYS_OF_SUPPLY_CAPPED',
        field: 'lines[0].daysOfSupply',
        allowedDays: 30,
      }),
    ]);
  });

  it("refuses at a primary institution a drug kept to hospitals, by the registry's level", async () => {
    const centre = await aPrescriber('primary');

    const { check } = await sut.execute(centre, command(aResidentId(), anOriginatorDrug().code, 28));

    expect(check.lines[0]?.findings.map((f) => [f.code, f.severity])).toEqual([
      ['NOT_ALLOWED_AT_LEVEL', 'refusal'],
      ['ESSENTIAL_ALTERNATIVE', 'warning'],
    ]);
  });

  it("finds a drug in the prescriber's own group's catalogue only, not in another group's", async () => {
    await aPrescriber('secondary');
    const other = anIdentity({ role: 'hospital-staff' });
    await registry.upsertInstitution({
      id: other.institutionId!,
      groupId: other.groupId,
      level: 'secondary',
      type: 'general-hospital',
      version: 1,
    });

    const { check } = await sut.execute(other, command(aResidentId(), aDrug().code, 28));

    expect(check.lines[0]?.findings.map((f) => f.code)).toEqual(['NOT_IN_CATALOGUE']);
  });

  it('refuses a check while the registry has not announced the institution', async () => {
    await expect(
      sut.execute(anIdentity({ role: 'hospital-staff' }), command(aResidentId(), aDrug().code, 28)),
    ).rejects.toMatchObject({
      code: PrescribingErrorCode.InstitutionNotKnown,
      category: 'failed-precondition',
    });
  });

  it('answers checks arriving together, each with its own patient, only once each is recorded with its audit row', async () => {
    const hospital = await aPrescriber('secondary');
    // Every other patient under contract: the checks read together must each get their own patient's answer.
    const patients = await Promise.all(
      Array.from({ length: 30 }, async (_, n) =>
        n % 2 === 0
          ? { id: await aContractedResident(), contracted: true }
          : { id: aResidentId(), contracted: false },
      ),
    );
    const recorded = () =>
      database.dataSource.query<{ checks: number; audits: number }[]>(
        `SELECT (SELECT count(*)::int FROM prescription_check WHERE institution_id = $1) AS checks,
                (SELECT count(*)::int FROM audit_log WHERE actor_institution_id = $1) AS audits`,
        [hospital.institutionId],
      );

    const answers = await Promise.all(
      patients.map(async (patient) => {
        const { contractedResident } = await sut.execute(hospital, command(patient.id, aDrug().code, 28));
        const rows = await database.dataSource.query<{ n: number }[]>(
          `SELECT (SELECT count(*)::int FROM prescription_check WHERE patient_resident_id = $1)
                + (SELECT count(*)::int FROM audit_log WHERE subject_id = $1) AS n`,
          [patient.id],
        );
        return { contracted: contractedResident, recordedWhenAnswered: rows[0]!.n };
      }),
    );

    expect(answers).toEqual(
      patients.map((patient) => ({ contracted: patient.contracted, recordedWhenAnswered: 2 })),
    );
    expect(await recorded()).toEqual([{ checks: 30, audits: 30 }]);
  });

  it('records each check with its lines, and the statistics of its local day count it', async () => {
    const hospital = await aPrescriber('secondary');
    const resident = await aContractedResident();
    const now = new Date();
    const twoLines = CheckPrescriptionCommand.create({
      patientResidentId: resident,
      diagnosisCodes: ['I10'],
      stable: true,
      regimenUnchanged: true,
      lines: [
        { drugCode: aDrug().code, quantity: 3, daysOfSupply: 84 },
        { drugCode: anOriginatorDrug().code, quantity: 1, daysOfSupply: 100 },
      ],
      'x-purpose': 'prescribing',
    });

    await sut.execute(hospital, twoLines, now);
    await sut.execute(hospital, command(aResidentId(), aDrug().code, 28), now);

    const rows = await database.dataSource.query<Record<string, unknown>[]>(
      `SELECT group_id, prescriber_subject, prescriber_role, patient_resident_id, checked_at, outcome, lines,
              catalogued_lines, essential_lines, volume_based_lines, long_accepted, long_capped
         FROM prescription_check WHERE institution_id = $1 ORDER BY id`,
      [hospital.institutionId],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      group_id: hospital.groupId,
      prescriber_subject: hospital.subject,
      prescriber_role: 'partner-system',
      patient_resident_id: resident,
      checked_at: now,
      outcome: 'refused',
      lines: [
        expect.objectContaining({
          drugCode: aDrug().code,
          essential: true,
          volumeBased: true,
          daysOfSupply: 84,
          longPrescription: 'accepted',
          findings: ['LONG_PRESCRIPTION'],
        }),
        expect.objectContaining({
          drugCode: anOriginatorDrug().code,
          essential: false,
          volumeBased: false,
          daysOfSupply: 100,
          longPrescription: 'capped',
        }),
      ],
      catalogued_lines: 2,
      essential_lines: 1,
      volume_based_lines: 1,
      long_accepted: 1,
      long_capped: 1,
    });

    const today = localDate(now);
    const asked = (from: string, until: string) =>
      statistics.execute(
        hospital,
        GetPrescribingStatisticsQuery.create({ from, until, institutionId: '', groupId: '' }),
      );
    const { institutions, total } = await asked(today, today);
    expect(institutions).toEqual([
      expect.objectContaining({
        institutionId: hospital.institutionId,
        groupId: hospital.groupId,
        checks: 2,
        lines: 3,
        essentialLines: 2,
        volumeBasedLines: 2,
        essentialShareBp: 6666,
        amountFen: 3 * 196 + 2680 + 3 * 196,
        longAccepted: 1,
        longCapped: 1,
      }),
    ]);
    expect(total).toMatchObject({ checks: 2, lines: 3 });
    // Only the caller's institution: another institution of the same group sees none of it.
    const neighbour = anIdentity({ role: 'hospital-staff', groupId: hospital.groupId });
    const theirs = await statistics.execute(
      neighbour,
      GetPrescribingStatisticsQuery.create({ from: today, until: today, institutionId: '', groupId: '' }),
    );
    expect(theirs.institutions).toEqual([]);
    // The group's administrator sees it; a day before counts nothing.
    const admin = anIdentity({ role: 'group-admin', groupId: hospital.groupId });
    const ofGroup = await statistics.execute(
      admin,
      GetPrescribingStatisticsQuery.create({ from: today, until: today, institutionId: '', groupId: '' }),
    );
    expect(ofGroup.total).toMatchObject({ checks: 2 });
    const yesterday = localDate(new Date(now.getTime() - 86_400_000));
    expect((await asked(yesterday, yesterday)).total.checks).toBe(0);
  });
});
