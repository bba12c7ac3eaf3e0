import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { AppError, ValidationError } from '@medgrid/errors';
import { v7 as uuidv7 } from 'uuid';
import {
  type InstitutionLevel,
  type InstitutionType,
  INSTITUTION_TYPES,
} from '../../organisation/domain/institution-classification';
import { RegisterDepartmentUseCase } from '../../organisation/application/register-department/register-department.use-case';
import { RegisterInstitutionUseCase } from '../../organisation/application/register-institution/register-institution.use-case';
import { OrganisationQueries } from '../../organisation/application/queries/organisation-queries';
import {
  BulkEnrolResidentsUseCase,
  type RowProblem,
} from '../../residents/application/bulk-enrol/bulk-enrol-residents.use-case';
import { ManageContractUseCase } from '../../residents/application/manage-contract/manage-contract.use-case';
import { ResidentQueries } from '../../residents/application/queries/resident-queries';
import { type PopulationTag } from '../../residents/domain/contract';
import { RegisterPractitionerUseCase } from '../../workforce/application/register-practitioner/register-practitioner.use-case';
import { type PractitionerTitle } from '../../workforce/domain/practitioner';
import { type CsvRow, parseCsv } from './csv-rows';

export type ImportKind = 'institutions' | 'departments' | 'practitioners' | 'residents' | 'contracts';

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
const TAGS: readonly PopulationTag[] = [
  'elderly',
  'hypertension',
  'diabetes',
  'maternal',
  'child',
  'disabled',
  'severe-mental-disorder',
  'tuberculosis',
];
const MAX_RESIDENT_ROWS = 200_000;

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

/**
 * Imports a CSV file all or nothing. Institutions, departments and
 * practitioners go row by row through the same use cases as the API, each
 * row under a savepoint so one bad row does not hide the next one's problem;
 * residents go through the bulk enrolment. Any rejected row rolls back the
 * whole file and comes back in the report.
 */
@Injectable()
export class ImportCsvUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly institutions: RegisterInstitutionUseCase,
    private readonly departments: RegisterDepartmentUseCase,
    private readonly practitioners: RegisterPractitionerUseCase,
    private readonly enrol: BulkEnrolResidentsUseCase,
    private readonly organisation: OrganisationQueries,
    private readonly contracts: ManageContractUseCase,
    private readonly residentQueries: ResidentQueries,
  ) {}

  async execute(identity: Identity, kind: ImportKind | undefined, content: Buffer): Promise<ImportReport> {
    if (!kind)
      throw new ValidationError([
        { field: 'kind', reason: 'REQUIRED', description: 'must name what the file holds' },
      ]);
    switch (kind) {
      case 'institutions':
        return this.rowByRow(
          parseCsv(content, ['credit_code', 'name', 'level', 'type', 'grid_id', 'address']),
          (row) => {
            const level = row.values.level as InstitutionLevel;
            const type = row.values.type as InstitutionType;
            return this.institutions.execute(identity, {
              clientRequestId: uuidv7(),
              creditCode: row.values.credit_code!,
              name: row.values.name!,
              level: LEVELS.includes(level) ? level : undefined,
              type: INSTITUTION_TYPES.includes(type) ? type : undefined,
              gridId: row.values.grid_id!,
              address: row.values.address!,
            });
          },
        );
      case 'departments':
        return this.rowByRow(parseCsv(content, ['institution_id', 'specialty_code', 'name']), (row) =>
          this.departments.execute(identity, {
            clientRequestId: uuidv7(),
            institutionId: row.values.institution_id!,
            specialtyCode: row.values.specialty_code!,
            name: row.values.name!,
          }),
        );
      case 'practitioners':
        return this.rowByRow(
          parseCsv(content, ['licence_number', 'name', 'title', 'specialty_code', 'home_institution_id']),
          (row) => {
            const title = row.values.title as PractitionerTitle;
            return this.practitioners.execute(identity, {
              clientRequestId: uuidv7(),
              licenceNumber: row.values.licence_number!,
              name: row.values.name!,
              title: TITLES.includes(title) ? title : undefined,
              specialtyCode: row.values.specialty_code!,
              homeInstitutionId: row.values.home_institution_id!,
            });
          },
        );
      case 'contracts':
        return this.rowByRow(
          parseCsv(content, ['resident_id_number', 'team_id'], ['start_date', 'tags']),
          async (row) => {
            const resident = await this.residentQueries.findForImport(row.values.resident_id_number!);
            const tags = (row.values.tags ?? '')
              .split('|')
              .map((t) => t.trim())
              .filter(Boolean);
            return this.contracts.sign(identity, {
              clientRequestId: uuidv7(),
              residentId: resident.id,
              teamId: row.values.team_id!,
              startDate: row.values.start_date ?? '',
              tags: tags.map((t) => (TAGS.includes(t as PopulationTag) ? (t as PopulationTag) : undefined)),
            });
          },
        );
      case 'residents':
        return this.residents(
          identity,
          parseCsv(content, ['resident_id_number', 'name', 'phone', 'grid_id'], ['team_id', 'tags']),
        );
    }
  }

  private async rowByRow(
    rows: CsvRow[],
    importRow: (row: CsvRow) => Promise<unknown>,
  ): Promise<ImportReport> {
    const rejected: RowProblem[] = [];
    const rollBack = new Error('import rolled back: rows were rejected');
    try {
      await this.uow.run(async (manager) => {
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
        // Nothing half-imported: a single rejected row undoes the file.
        if (rejected.length) throw rollBack;
      });
    } catch (error) {
      if (error !== rollBack) throw error;
    }
    const committed = rejected.length === 0;
    return { committed, rows: rows.length, accepted: committed ? rows.length : 0, contracts: 0, rejected };
  }

  private async residents(identity: Identity, rows: CsvRow[]): Promise<ImportReport> {
    if (rows.length > MAX_RESIDENT_ROWS) {
      throw new ValidationError([
        {
          field: 'content',
          reason: 'TOO_MANY_ROWS',
          description: `at most ${MAX_RESIDENT_ROWS} residents per file`,
        },
      ]);
    }
    const rejected: RowProblem[] = [];
    const enrolments = [];
    for (const row of rows) {
      if (this.cellCountProblem(row, rejected)) continue;
      const tags = (row.values.tags ?? '')
        .split('|')
        .map((t) => t.trim())
        .filter(Boolean);
      const unknown = tags.filter((t) => !TAGS.includes(t as PopulationTag));
      if (unknown.length) {
        rejected.push({
          line: row.line,
          field: 'tags',
          reason: 'INVALID_VALUE',
          description: `unknown tags ${unknown.join(', ')}`,
        });
        continue;
      }
      if (!(await this.mayEnrolIn(identity, row.values.grid_id!))) {
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
    const report = await this.enrol.execute(enrolments);
    const problems = report.rejected.map((p) => ({ ...p, field: COLUMN_OF[p.field] ?? p.field }));
    return {
      committed: problems.length === 0,
      rows: rows.length,
      accepted: report.accepted,
      contracts: report.contracts,
      rejected: problems,
    };
  }

  private readonly gridAccess = new Map<string, boolean>();

  /** City operators enrol anywhere; a group's administrators in the grids their group serves. */
  private async mayEnrolIn(identity: Identity, gridId: string): Promise<boolean> {
    if (identity.role === 'city-operator') return true;
    if (identity.role !== 'group-admin' || !/^[0-9a-f-]{36}$/i.test(gridId)) return false;
    const key = `${identity.groupId}:${gridId.toLowerCase()}`;
    if (!this.gridAccess.has(key)) {
      this.gridAccess.set(key, (await this.organisation.groupOfGrid(gridId)) === identity.groupId);
    }
    return this.gridAccess.get(key)!;
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
