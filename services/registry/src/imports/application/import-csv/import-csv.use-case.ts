import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { AppError, isUuid } from '@medgrid/errors';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { RegisterDepartmentCommand } from '../../../organisation/application/register-department/register-department.command';
import { RegisterDepartmentUseCase } from '../../../organisation/application/register-department/register-department.use-case';
import { RegisterInstitutionCommand } from '../../../organisation/application/register-institution/register-institution.command';
import { RegisterInstitutionUseCase } from '../../../organisation/application/register-institution/register-institution.use-case';
import {
  INSTITUTION_TYPES,
  type InstitutionLevel,
  type InstitutionType,
} from '../../../organisation/domain/institution-classification';
import { MedicalGroupRepository } from '../../../organisation/domain/medical-group.repository';
import { BulkEnrolResidentsCommand } from '../../../residents/application/bulk-enrol-residents/bulk-enrol-residents.command';
import {
  BulkEnrolResidentsUseCase,
  type RowProblem,
} from '../../../residents/application/bulk-enrol-residents/bulk-enrol-residents.use-case';
import { FindResidentByIdNumberQuery } from '../../../residents/application/find-resident-by-id-number/find-resident-by-id-number.query';
import { FindResidentByIdNumberUseCase } from '../../../residents/application/find-resident-by-id-number/find-resident-by-id-number.use-case';
import { canEnrolResidents } from '../../../residents/application/resident-access.policy';
import { SignContractCommand } from '../../../residents/application/sign-contract/sign-contract.command';
import { SignContractUseCase } from '../../../residents/application/sign-contract/sign-contract.use-case';
import { POPULATION_TAGS, type PopulationTag } from '../../../residents/domain/contract';
import { RegisterPractitionerCommand } from '../../../workforce/application/register-practitioner/register-practitioner.command';
import { RegisterPractitionerUseCase } from '../../../workforce/application/register-practitioner/register-practitioner.use-case';
import { type PractitionerTitle } from '../../../workforce/domain/practitioner';
import { type CsvImport } from '../../domain/csv-import';
import { CsvImportRepository } from '../../domain/csv-import.repository';
import { type CsvRow } from '../csv-rows';
import { type ImportCsvCommand } from './import-csv.command';

export interface ImportReport {
  committed: boolean;
  rows: number;
  accepted: number;
  contracts: number;
  rejected: RowProblem[];
}

const LEVELS: readonly InstitutionLevel[] = ['tertiary', 'secondary', 'primary'];
const TITLES: readonly PractitionerTitle[] = [
  'resident',
  'attending',
  'associate-chief',
  'chief',
  'nurse',
  'public-health',
];

/** The field of a use case's violation, in the file's column names. */
const COLUMN_OF: Record<string, string> = {
  creditCode: 'credit_code',
  gridId: 'grid_id',
  institutionId: 'institution_id',
  specialtyCode: 'specialty_code',
  licenceNumber: 'licence_number',
  homeInstitutionId: 'home_institution_id',
  residentIdNumber: 'resident_id_number',
  teamId: 'team_id',
  residentId: 'resident_id_number',
  startDate: 'start_date',
};

/** A cell of pipe-separated tags, as a list. */
const tagsOf = (cell: string | undefined) =>
  (cell ?? '')
    .split('|')
    .map((t) => t.trim())
    .filter(Boolean);

/** Rolls back an import with a rejected row: nothing of the file is written, nor its request kept. */
class RejectedImport extends Error {
  constructor(readonly report: ImportReport) {
    super('import rolled back: rows were rejected');
  }
}

/** The report of a committed import, as its first answer gave it. */
function reportOf(csvImport: CsvImport): ImportReport {
  const { rows, accepted, contracts } = csvImport;
  return { committed: true, rows, accepted, contracts, rejected: [] };
}

/**
 * ImportCsv: imports a CSV file all or nothing, in one transaction. Institutions, departments,
 * practitioners and contracts go row by row through the same use cases as the API, each row under
 * a savepoint so one bad row does not hide the next one's problem; residents go through the bulk
 * enrolment. Any rejected row rolls back the whole file and comes back in the report. A committed
 * import is kept with its request, so a retry gets its report and imports nothing again; a
 * rejected one is forgotten, so its retry (the same file) is judged again.
 */
@Injectable()
export class ImportCsvUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly institutions: RegisterInstitutionUseCase,
    private readonly departments: RegisterDepartmentUseCase,
    private readonly practitioners: RegisterPractitionerUseCase,
    private readonly enrol: BulkEnrolResidentsUseCase,
    private readonly groups: MedicalGroupRepository,
    private readonly contracts: SignContractUseCase,
    private readonly residentOfIdNumber: FindResidentByIdNumberUseCase,
    private readonly imports: CsvImportRepository,
    private readonly requests: ClientRequests,
  ) {}

  async execute(identity: Identity, command: ImportCsvCommand, now = new Date()): Promise<ImportReport> {
    try {
      return await this.requests.createOnce(clientRequestOf('import-csv', command), {
        load: async (id) => {
          const done = await this.imports.findById(id);
          return done && reportOf(done);
        },
        create: async () => {
          const report = await this.importRows(identity, command);
          if (!report.committed) throw new RejectedImport(report);
          const { rows, accepted, contracts } = report;
          const done: CsvImport = {
            id: uuidv7(),
            kind: command.kind,
            rows,
            accepted,
            contracts,
            importedAt: now,
          };
          await this.imports.insert(done);
          return { id: done.id, result: report };
        },
      });
    } catch (error) {
      if (error instanceof RejectedImport) return error.report;
      throw error;
    }
  }

  /** Imports the rows in the transaction of the import, and reports them. */
  private importRows(identity: Identity, command: ImportCsvCommand): Promise<ImportReport> {
    const { rows } = command;
    switch (command.kind) {
      case 'institutions':
        return this.rowByRow(rows, (row) => {
          const level = row.values.level as InstitutionLevel;
          const type = row.values.type as InstitutionType;
          const institution = RegisterInstitutionCommand.create({
            clientRequestId: uuidv7(),
            creditCode: row.values.credit_code!,
            name: row.values.name!,
            level: LEVELS.includes(level) ? level : undefined,
            type: INSTITUTION_TYPES.includes(type) ? type : undefined,
            gridId: row.values.grid_id!,
            address: row.values.address!,
          });
          return this.institutions.execute(identity, institution);
        });
      case 'departments':
        return this.rowByRow(rows, (row) => {
          const department = RegisterDepartmentCommand.create({
            clientRequestId: uuidv7(),
            institutionId: row.values.institution_id!,
            specialtyCode: row.values.specialty_code!,
            name: row.values.name!,
          });
          return this.departments.execute(identity, department);
        });
      case 'practitioners':
        return this.rowByRow(rows, (row) => {
          const title = row.values.title as PractitionerTitle;
          const practitioner = RegisterPractitionerCommand.create({
            clientRequestId: uuidv7(),
            licenceNumber: row.values.licence_number!,
            name: row.values.name!,
            title: TITLES.includes(title) ? title : undefined,
            specialtyCode: row.values.specialty_code!,
            homeInstitutionId: row.values.home_institution_id!,
          });
          return this.practitioners.execute(identity, practitioner);
        });
      case 'contracts':
        return this.rowByRow(rows, async (row) => {
          const resident = await this.residentOfIdNumber.execute(
            identity,
            FindResidentByIdNumberQuery.create({ residentIdNumber: row.values.resident_id_number! }),
          );
          const contract = SignContractCommand.create({
            clientRequestId: uuidv7(),
            residentId: resident.id,
            teamId: row.values.team_id!,
            startDate: row.values.start_date ?? '',
            tags: tagsOf(row.values.tags).map((t) =>
              POPULATION_TAGS.includes(t as PopulationTag) ? (t as PopulationTag) : undefined,
            ),
          });
          return this.contracts.execute(identity, contract);
        });
      case 'residents':
        return this.residents(identity, rows);
    }
  }

  private async rowByRow(
    rows: readonly CsvRow[],
    importRow: (row: CsvRow) => Promise<unknown>,
  ): Promise<ImportReport> {
    const rejected: RowProblem[] = [];
    const manager = this.uow.transactionalManager();
    for (const row of rows) {
      if (this.cellCountProblem(row, rejected)) continue;
      await manager.query('SAVEPOINT import_row');
      try {
        await importRow(row);
        await manager.query('RELEASE SAVEPOINT import_row');
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await manager.query('ROLLBACK TO SAVEPOINT import_row');
        rejected.push(...problemsOf(row.line, error));
      }
    }
    const committed = rejected.length === 0;
    return { committed, rows: rows.length, accepted: committed ? rows.length : 0, contracts: 0, rejected };
  }

  private async residents(identity: Identity, rows: readonly CsvRow[]): Promise<ImportReport> {
    const rejected: RowProblem[] = [];
    const enrolments = [];
    const gridAccess = new Map<string, boolean>();
    for (const row of rows) {
      if (this.cellCountProblem(row, rejected)) continue;
      const tags = tagsOf(row.values.tags);
      const unknown = tags.filter((t) => !POPULATION_TAGS.includes(t as PopulationTag));
      if (unknown.length) {
        rejected.push({
          line: row.line,
          field: 'tags',
          reason: 'INVALID_VALUE',
          description: `unknown tags ${unknown.join(', ')}`,
        });
        continue;
      }
      if (!(await this.mayEnrolIn(identity, row.values.grid_id!, gridAccess))) {
        rejected.push({
          line: row.line,
          field: 'grid_id',
          reason: 'NOT_ALLOWED',
          description: 'your group does not serve this grid',
        });
        continue;
      }
      enrolments.push({
        line: row.line,
        residentIdNumber: row.values.resident_id_number!,
        name: row.values.name!,
        phone: row.values.phone!,
        gridId: row.values.grid_id!,
        teamId: row.values.team_id ?? '',
        tags: tags as PopulationTag[],
      });
    }
    if (rejected.length) return { committed: false, rows: rows.length, accepted: 0, contracts: 0, rejected };
    const report = await this.enrol.execute(identity, BulkEnrolResidentsCommand.create(enrolments));
    const problems = report.rejected.map((p) => ({ ...p, field: COLUMN_OF[p.field] ?? p.field }));
    return {
      committed: problems.length === 0,
      rows: rows.length,
      accepted: report.accepted,
      contracts: report.contracts,
      rejected: problems,
    };
  }

  /** Whether the caller may enrol residents of a grid, looked up once per grid of the file. */
  private async mayEnrolIn(
    identity: Identity,
    gridId: string,
    known: Map<string, boolean>,
  ): Promise<boolean> {
    if (identity.role === 'city-operator') return true;
    if (identity.role !== 'group-admin' || !isUuid(gridId)) return false;
    const grid = gridId.toLowerCase();
    if (!known.has(grid)) known.set(grid, canEnrolResidents(identity, await this.groups.findIdByGrid(grid)));
    return known.get(grid)!;
  }

  private cellCountProblem(row: CsvRow, rejected: RowProblem[]): boolean {
    if (row.values.__cellCount === undefined) return false;
    rejected.push({
      line: row.line,
      field: 'row',
      reason: 'WRONG_CELL_COUNT',
      description: `has ${row.values.__cellCount} cells; the header has a different number`,
    });
    return true;
  }
}

function problemsOf(line: number, error: AppError): RowProblem[] {
  if (error.violations.length === 0)
    return [{ line, field: 'row', reason: error.code, description: error.message }];
  return error.violations.map((v) => ({
    line,
    field: COLUMN_OF[v.field] ?? v.field,
    reason: v.reason,
    description: v.description,
  }));
}
