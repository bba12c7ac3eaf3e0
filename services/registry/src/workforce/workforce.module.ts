import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { AddTeamMemberUseCase } from './application/add-team-member/add-team-member.use-case';
import { CheckPractisingRightUseCase } from './application/check-practising-right/check-practising-right.use-case';
import { CreateTeamUseCase } from './application/create-team/create-team.use-case';
import { GetPractitionerUseCase } from './application/get-practitioner/get-practitioner.use-case';
import { GetTeamUseCase } from './application/get-team/get-team.use-case';
import { ListTeamsUseCase } from './application/list-teams/list-teams.use-case';
import { RegisterPractitionerUseCase } from './application/register-practitioner/register-practitioner.use-case';
import { RemoveTeamMemberUseCase } from './application/remove-team-member/remove-team-member.use-case';
import { SearchPractitionersUseCase } from './application/search-practitioners/search-practitioners.use-case';
import { TeamCandidates } from './application/team-candidates';
import { TeamStep } from './application/team-step';
import { UpdatePractitionerUseCase } from './application/update-practitioner/update-practitioner.use-case';
import { FamilyDoctorTeamRepository } from './domain/family-doctor-team.repository';
import { PractitionerRepository } from './domain/practitioner.repository';
import { WorkforceEventPublisher } from './domain/workforce-event-publisher';
import { WorkforceOutboxPublisher } from './infrastructure/messaging/workforce-outbox.publisher';
import { FamilyDoctorTeamTypeormRepository } from './infrastructure/persistence/family-doctor-team.typeorm-repository';
import { PractitionerTypeormRepository } from './infrastructure/persistence/practitioner.typeorm-repository';

const USE_CASES = [
  RegisterPractitionerUseCase,
  UpdatePractitionerUseCase,
  GetPractitionerUseCase,
  SearchPractitionersUseCase,
  CheckPractisingRightUseCase,
  CreateTeamUseCase,
  AddTeamMemberUseCase,
  RemoveTeamMemberUseCase,
  GetTeamUseCase,
  ListTeamsUseCase,
];

/** The workforce context: practitioners and family-doctor teams. */
@Module({
  imports: [OrganisationModule],
  providers: [
    ...USE_CASES,
    TeamCandidates,
    TeamStep,
    { provide: PractitionerRepository, useClass: PractitionerTypeormRepository },
    { provide: FamilyDoctorTeamRepository, useClass: FamilyDoctorTeamTypeormRepository },
    { provide: WorkforceEventPublisher, useClass: WorkforceOutboxPublisher },
  ],
  // The residents context signs contracts with teams.
  exports: [...USE_CASES, FamilyDoctorTeamRepository],
})
export class WorkforceModule {}
