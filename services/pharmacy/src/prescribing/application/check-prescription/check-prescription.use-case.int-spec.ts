import { AuditTrail } from '@medgrid/audit';
import { UnitOfWork } from '@medgrid/database';
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

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('pharmacy_check_prescription', (url) =>
      pharmacyDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    registry = new RegistryViewTypeormRepository(uow);
    catalogues = new DrugCatalogueTypeormRepository(uow);
    sut = new CheckPrescriptionUseCase(
      uow,
      registry,
      catalogues,
      new AuditTrail(uow),
      new PrescribingRules(DEFAULT_SUPPLY_RULES, DEFAULT_CHRONIC_DISEASES),
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
});
