import { type Identity } from '@medgrid/auth';
import { type UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { creditCodeCheckCharacter, localDate } from '@medgrid/kernel';
import { type OutboxWriter } from '@medgrid/messaging';
import { v7 as uuidv7 } from 'uuid';
import { ChangeMembershipUseCase } from '../organisation/application/change-membership/change-membership.use-case';
import { CreateMedicalGroupUseCase } from '../organisation/application/create-medical-group/create-medical-group.use-case';
import { RegisterCityUseCase } from '../organisation/application/register-city/register-city.use-case';
import { RegisterDepartmentUseCase } from '../organisation/application/register-department/register-department.use-case';
import { RegisterGridUseCase } from '../organisation/application/register-grid/register-grid.use-case';
import { RegisterInstitutionUseCase } from '../organisation/application/register-institution/register-institution.use-case';
import { OrganisationOutboxPublisher } from '../organisation/infrastructure/messaging/organisation-outbox.publisher';
import { OrganisationTypeormRepository } from '../organisation/infrastructure/persistence/organisation.typeorm-repository';
import {
  BulkEnrolResidentsUseCase,
  type EnrolmentRow,
} from '../residents/application/bulk-enrol/bulk-enrol-residents.use-case';
import { type ContractRules } from '../residents/domain/contract';
import { ResidentOutboxPublisher } from '../residents/infrastructure/messaging/resident-outbox.publisher';
import { ResidentTypeormRepository } from '../residents/infrastructure/persistence/resident.typeorm-repository';
import { ManageTeamUseCase } from '../workforce/application/manage-team/manage-team.use-case';
import { RegisterPractitionerUseCase } from '../workforce/application/register-practitioner/register-practitioner.use-case';
import { WorkforceOutboxPublisher } from '../workforce/infrastructure/messaging/workforce-outbox.publisher';
import { WorkforceTypeormRepository } from '../workforce/infrastructure/persistence/workforce.typeorm-repository';
import { type DemoCitySettings, planGrids, planResidents } from './demo-city.plan';

export interface DemoCityReport {
  grids: number;
  institutions: number;
  practitioners: number;
  teams: number;
  residents: number;
  contracts: number;
  seconds: { organisation: number; residents: number };
}

const CITY_CODE = '440100';
const CHUNK = 5000;

/**
 * Builds the demo city with the registry's own use cases (wired by hand: it
 * runs as a command, not inside the service).
 */
export class DemoCityLoader {
  private readonly organisation: OrganisationTypeormRepository;
  private readonly requests: ClientRequests;
  private readonly workforce: WorkforceTypeormRepository;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly rules: ContractRules,
  ) {
    this.organisation = new OrganisationTypeormRepository(uow);
    this.requests = new ClientRequests(uow);
    this.workforce = new WorkforceTypeormRepository(uow);
  }

  async load(
    operator: Identity,
    settings: DemoCitySettings,
    log: (line: string) => void,
  ): Promise<DemoCityReport | null> {
    const existing = await this.uow
      .manager()
      .query<unknown[]>(`SELECT 1 FROM city WHERE division_code = $1`, [CITY_CODE]);
    if (existing.length > 0) {
      log(`demo city ${CITY_CODE} is already loaded; nothing to do`);
      return null;
    }
    const started = Date.now();
    const orgEvents = new OrganisationOutboxPublisher(this.outbox, this.organisation);
    const workforceEvents = new WorkforceOutboxPublisher(this.outbox);
    const deps = [this.uow, this.organisation, this.requests, orgEvents] as const;
    const registerCity = new RegisterCityUseCase(...deps);
    const registerGrid = new RegisterGridUseCase(...deps);
    const registerInstitution = new RegisterInstitutionUseCase(...deps);
    const createGroup = new CreateMedicalGroupUseCase(...deps);
    const registerDepartment = new RegisterDepartmentUseCase(...deps);
    const membership = new ChangeMembershipUseCase(this.uow, this.organisation, orgEvents);
    const registerPractitioner = new RegisterPractitionerUseCase(
      this.uow,
      this.workforce,
      this.organisation,
      this.requests,
      workforceEvents,
    );
    const teams = new ManageTeamUseCase(
      this.uow,
      this.workforce,
      this.organisation,
      this.requests,
      workforceEvents,
    );

    const city = await registerCity.execute(operator, {
      clientRequestId: uuidv7(),
      divisionCode: CITY_CODE,
      name: '广州市',
    });
    const plan = planGrids(settings);
    const gridIds: string[] = [];
    const teamIds: string[][] = [];
    let institutions = 0;
    let practitioners = 0;
    for (const grid of plan) {
      const { id: gridId } = await registerGrid.execute(operator, {
        clientRequestId: uuidv7(),
        cityId: city.id,
        code: grid.code,
        name: grid.name,
      });
      gridIds.push(gridId);
      const group = await createGroup.execute(operator, {
        clientRequestId: uuidv7(),
        gridId,
        name: `${grid.name.replace('网格', '')}紧密型城市医疗集团`,
      });
      const institutionIds = new Map<string, string>();
      const practitionerIds = new Map<string, string>();
      for (const planned of grid.institutions) {
        const institution = await registerInstitution.execute(operator, {
          clientRequestId: uuidv7(),
          creditCode: creditCodeFor(grid.regionCode, institutions + 1),
          name: planned.name,
          level: planned.level,
          type: planned.type,
          gridId,
          address: planned.address,
        });
        institutions++;
        institutionIds.set(planned.key, institution.id);
        await membership.add(operator, {
          groupId: group.id,
          institutionId: institution.id,
          role: planned.role,
        });
        for (const [specialtyCode, name] of planned.departments) {
          await registerDepartment.execute(operator, {
            clientRequestId: uuidv7(),
            institutionId: institution.id,
            specialtyCode,
            name,
          });
        }
        for (const person of planned.practitioners) {
          const practitioner = await registerPractitioner.execute(operator, {
            clientRequestId: uuidv7(),
            ...person,
            homeInstitutionId: institution.id,
          });
          practitionerIds.set(person.licenceNumber, practitioner.id);
          practitioners++;
        }
      }
      const gridTeams: string[] = [];
      for (const team of grid.teams) {
        const created = await teams.create(operator, {
          clientRequestId: uuidv7(),
          institutionId: institutionIds.get(team.institutionKey)!,
          name: team.name,
          members: team.members.map((m) => ({
            practitionerId: practitionerIds.get(m.licenceNumber)!,
            role: m.role,
          })),
        });
        gridTeams.push(created.id);
      }
      teamIds.push(gridTeams);
      log(`grid ${grid.code}: ${grid.institutions.length} institutions, ${grid.teams.length} teams`);
    }
    const organisationSeconds = (Date.now() - started) / 1000;

    const enrol = new BulkEnrolResidentsUseCase(
      this.uow,
      new ResidentTypeormRepository(this.uow),
      this.workforce,
      this.organisation,
      new ResidentOutboxPublisher(this.outbox),
      this.rules,
    );
    const residentsStarted = Date.now();
    let residents = 0;
    let contracts = 0;
    let chunk: EnrolmentRow[] = [];
    const flush = async () => {
      const report = await enrol.execute(chunk);
      if (report.rejected.length)
        throw new Error(`demo rows rejected: ${JSON.stringify(report.rejected.slice(0, 5))}`);
      residents += report.accepted;
      contracts += report.contracts;
      chunk = [];
      if (residents % 50_000 === 0) log(`${residents} residents`);
    };
    let line = 0;
    for (const planned of planResidents(settings, plan, Number(localDate(new Date()).slice(0, 4)))) {
      chunk.push({
        line: ++line,
        residentIdNumber: planned.residentIdNumber,
        name: planned.name,
        phone: planned.phone,
        gridId: gridIds[planned.gridIndex]!,
        teamId: planned.teamIndex === null ? '' : teamIds[planned.gridIndex]![planned.teamIndex]!,
        tags: planned.tags,
      });
      if (chunk.length === CHUNK) await flush();
    }
    if (chunk.length) await flush();
    return {
      grids: plan.length,
      institutions,
      practitioners,
      teams: teamIds.flat().length,
      residents,
      contracts,
      seconds: { organisation: organisationSeconds, residents: (Date.now() - residentsStarted) / 1000 },
    };
  }
}

/** A valid unified social credit code for the n-th demo institution of a district. */
function creditCodeFor(regionCode: string, n: number): string {
  const first17 = `12${regionCode}${String(45_000_000 + n).padStart(9, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}
