import { type Identity } from '@medgrid/auth';
import { type UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { creditCodeCheckCharacter, localDate } from '@medgrid/kernel';
import { type OutboxWriter } from '@medgrid/messaging';
import { v7 as uuidv7 } from 'uuid';
import { AddMembershipCommand } from '../organisation/application/add-membership/add-membership.command';
import { AddMembershipUseCase } from '../organisation/application/add-membership/add-membership.use-case';
import { CreateMedicalGroupCommand } from '../organisation/application/create-medical-group/create-medical-group.command';
import { CreateMedicalGroupUseCase } from '../organisation/application/create-medical-group/create-medical-group.use-case';
import { GroupCompleteness } from '../organisation/application/group-completeness';
import { MembershipStep } from '../organisation/application/membership-step';
import { RegisterCityCommand } from '../organisation/application/register-city/register-city.command';
import { RegisterCityUseCase } from '../organisation/application/register-city/register-city.use-case';
import { RegisterDepartmentCommand } from '../organisation/application/register-department/register-department.command';
import { RegisterDepartmentUseCase } from '../organisation/application/register-department/register-department.use-case';
import { RegisterGridCommand } from '../organisation/application/register-grid/register-grid.command';
import { RegisterGridUseCase } from '../organisation/application/register-grid/register-grid.use-case';
import { RegisterInstitutionCommand } from '../organisation/application/register-institution/register-institution.command';
import { RegisterInstitutionUseCase } from '../organisation/application/register-institution/register-institution.use-case';
import { OrganisationOutboxPublisher } from '../organisation/infrastructure/messaging/organisation-outbox.publisher';
import { GeographyTypeormRepository } from '../organisation/infrastructure/persistence/geography.typeorm-repository';
import { InstitutionTypeormRepository } from '../organisation/infrastructure/persistence/institution.typeorm-repository';
import { MedicalGroupTypeormRepository } from '../organisation/infrastructure/persistence/medical-group.typeorm-repository';
import {
  BulkEnrolResidentsCommand,
  type EnrolmentRow,
} from '../residents/application/bulk-enrol-residents/bulk-enrol-residents.command';
import { BulkEnrolResidentsUseCase } from '../residents/application/bulk-enrol-residents/bulk-enrol-residents.use-case';
import { ResidentGrids } from '../residents/application/resident-grids';
import { type ContractRules } from '../residents/domain/contract';
import { ResidentOutboxPublisher } from '../residents/infrastructure/messaging/resident-outbox.publisher';
import { ContractTypeormRepository } from '../residents/infrastructure/persistence/contract.typeorm-repository';
import { ResidentTypeormRepository } from '../residents/infrastructure/persistence/resident.typeorm-repository';
import { CreateTeamCommand } from '../workforce/application/create-team/create-team.command';
import { CreateTeamUseCase } from '../workforce/application/create-team/create-team.use-case';
import { RegisterPractitionerCommand } from '../workforce/application/register-practitioner/register-practitioner.command';
import { RegisterPractitionerUseCase } from '../workforce/application/register-practitioner/register-practitioner.use-case';
import { TeamCandidates } from '../workforce/application/team-candidates';
import { WorkforceOutboxPublisher } from '../workforce/infrastructure/messaging/workforce-outbox.publisher';
import { FamilyDoctorTeamTypeormRepository } from '../workforce/infrastructure/persistence/family-doctor-team.typeorm-repository';
import { PractitionerTypeormRepository } from '../workforce/infrastructure/persistence/practitioner.typeorm-repository';
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
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly rules: ContractRules,
  ) {}

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
    const uow = this.uow;
    const requests = new ClientRequests(uow);
    const geography = new GeographyTypeormRepository(uow);
    const institutions = new InstitutionTypeormRepository(uow);
    const groups = new MedicalGroupTypeormRepository(uow);
    const practitioners = new PractitionerTypeormRepository(uow);
    const teams = new FamilyDoctorTeamTypeormRepository(uow);
    const completeness = new GroupCompleteness(institutions);
    const orgEvents = new OrganisationOutboxPublisher(this.outbox, completeness);
    const workforceEvents = new WorkforceOutboxPublisher(this.outbox);
    const registerCity = new RegisterCityUseCase(uow, geography, requests, orgEvents);
    const registerGrid = new RegisterGridUseCase(uow, geography, requests, orgEvents);
    const registerInstitution = new RegisterInstitutionUseCase(
      uow,
      geography,
      institutions,
      requests,
      orgEvents,
    );
    const createGroup = new CreateMedicalGroupUseCase(
      uow,
      geography,
      groups,
      requests,
      orgEvents,
      completeness,
    );
    const registerDepartment = new RegisterDepartmentUseCase(
      uow,
      geography,
      institutions,
      requests,
      orgEvents,
    );
    const addMembership = new AddMembershipUseCase(
      new MembershipStep(uow, institutions, groups, requests, orgEvents, completeness),
    );
    const registerPractitioner = new RegisterPractitionerUseCase(
      uow,
      practitioners,
      institutions,
      requests,
      workforceEvents,
    );
    const createTeam = new CreateTeamUseCase(
      uow,
      teams,
      institutions,
      new TeamCandidates(practitioners, institutions),
      requests,
      workforceEvents,
    );

    const city = await registerCity.execute(
      operator,
      RegisterCityCommand.create({ clientRequestId: uuidv7(), divisionCode: CITY_CODE, name: '广州市' }),
    );
    const plan = planGrids(settings);
    const gridIds: string[] = [];
    const teamIds: string[][] = [];
    let institutionCount = 0;
    let practitionerCount = 0;
    for (const grid of plan) {
      const { id: gridId } = await registerGrid.execute(
        operator,
        RegisterGridCommand.create({
          clientRequestId: uuidv7(),
          cityId: city.id,
          code: grid.code,
          name: grid.name,
        }),
      );
      gridIds.push(gridId);
      const { group } = await createGroup.execute(
        operator,
        CreateMedicalGroupCommand.create({
          clientRequestId: uuidv7(),
          gridId,
          name: `${grid.name.replace('网格', '')}紧密型城市医疗集团`,
        }),
      );
      const institutionIds = new Map<string, string>();
      const practitionerIds = new Map<string, string>();
      for (const planned of grid.institutions) {
        const institution = await registerInstitution.execute(
          operator,
          RegisterInstitutionCommand.create({
            clientRequestId: uuidv7(),
            creditCode: creditCodeFor(grid.regionCode, institutionCount + 1),
            name: planned.name,
            level: planned.level,
            type: planned.type,
            gridId,
            address: planned.address,
          }),
        );
        institutionCount++;
        institutionIds.set(planned.key, institution.id);
        await addMembership.execute(
          operator,
          AddMembershipCommand.create({
            groupId: group.id,
            institutionId: institution.id,
            role: planned.role,
            clientRequestId: uuidv7(),
          }),
        );
        for (const [specialtyCode, name] of planned.departments) {
          await registerDepartment.execute(
            operator,
            RegisterDepartmentCommand.create({
              clientRequestId: uuidv7(),
              institutionId: institution.id,
              specialtyCode,
              name,
            }),
          );
        }
        for (const person of planned.practitioners) {
          const practitioner = await registerPractitioner.execute(
            operator,
            RegisterPractitionerCommand.create({
              clientRequestId: uuidv7(),
              ...person,
              homeInstitutionId: institution.id,
            }),
          );
          practitionerIds.set(person.licenceNumber, practitioner.id);
          practitionerCount++;
        }
      }
      const gridTeams: string[] = [];
      for (const team of grid.teams) {
        const created = await createTeam.execute(
          operator,
          CreateTeamCommand.create({
            clientRequestId: uuidv7(),
            institutionId: institutionIds.get(team.institutionKey)!,
            name: team.name,
            members: team.members.map((m) => ({
              practitionerId: practitionerIds.get(m.licenceNumber)!,
              role: m.role,
            })),
          }),
        );
        gridTeams.push(created.id);
      }
      teamIds.push(gridTeams);
      log(`grid ${grid.code}: ${grid.institutions.length} institutions, ${grid.teams.length} teams`);
    }
    const organisationSeconds = (Date.now() - started) / 1000;

    const enrol = new BulkEnrolResidentsUseCase(
      uow,
      new ResidentTypeormRepository(uow),
      new ContractTypeormRepository(uow),
      teams,
      new ResidentGrids(geography, groups),
      new ResidentOutboxPublisher(this.outbox),
      { rules: this.rules },
    );
    const residentsStarted = Date.now();
    let residents = 0;
    let contracts = 0;
    let chunk: EnrolmentRow[] = [];
    const flush = async () => {
      const report = await enrol.execute(operator, BulkEnrolResidentsCommand.create(chunk));
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
      institutions: institutionCount,
      practitioners: practitionerCount,
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
