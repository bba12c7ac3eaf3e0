import { Injectable } from '@nestjs/common';
import { workforceServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { AddTeamMemberCommand } from '../../application/add-team-member/add-team-member.command';
import { AddTeamMemberUseCase } from '../../application/add-team-member/add-team-member.use-case';
import { CheckPractisingRightQuery } from '../../application/check-practising-right/check-practising-right.query';
import { CheckPractisingRightUseCase } from '../../application/check-practising-right/check-practising-right.use-case';
import { CreateTeamCommand } from '../../application/create-team/create-team.command';
import { CreateTeamUseCase } from '../../application/create-team/create-team.use-case';
import { GetPractitionerQuery } from '../../application/get-practitioner/get-practitioner.query';
import { GetPractitionerUseCase } from '../../application/get-practitioner/get-practitioner.use-case';
import { GetTeamQuery } from '../../application/get-team/get-team.query';
import { GetTeamUseCase } from '../../application/get-team/get-team.use-case';
import { ListTeamsQuery } from '../../application/list-teams/list-teams.query';
import { ListTeamsUseCase } from '../../application/list-teams/list-teams.use-case';
import { RegisterPractitionerCommand } from '../../application/register-practitioner/register-practitioner.command';
import { RegisterPractitionerUseCase } from '../../application/register-practitioner/register-practitioner.use-case';
import { RemoveTeamMemberCommand } from '../../application/remove-team-member/remove-team-member.command';
import { RemoveTeamMemberUseCase } from '../../application/remove-team-member/remove-team-member.use-case';
import { SearchPractitionersQuery } from '../../application/search-practitioners/search-practitioners.query';
import { SearchPractitionersUseCase } from '../../application/search-practitioners/search-practitioners.use-case';
import { UpdatePractitionerCommand } from '../../application/update-practitioner/update-practitioner.command';
import { UpdatePractitionerUseCase } from '../../application/update-practitioner/update-practitioner.use-case';
import {
  practitionerToProto,
  teamRoleFromProto,
  teamToProto,
  titleFromProto,
} from '../../contracts/workforce.proto-mapper';

/** medgrid.registry.v1.WorkforceService: maps in, calls a use case, maps out. */
@Injectable()
export class WorkforceGrpcController implements GrpcController {
  constructor(
    private readonly registerPractitioner: RegisterPractitionerUseCase,
    private readonly updatePractitioner: UpdatePractitionerUseCase,
    private readonly getPractitioner: GetPractitionerUseCase,
    private readonly searchPractitioners: SearchPractitionersUseCase,
    private readonly checkPractisingRight: CheckPractisingRightUseCase,
    private readonly createTeam: CreateTeamUseCase,
    private readonly addTeamMember: AddTeamMemberUseCase,
    private readonly removeTeamMember: RemoveTeamMemberUseCase,
    private readonly getTeam: GetTeamUseCase,
    private readonly listTeams: ListTeamsUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.registry.v1.WorkforceService', workforceServiceV1.WorkforceServiceService, {
      registerPractitioner: async (request, { identity }) => {
        const command = RegisterPractitionerCommand.create({
          ...request,
          title: titleFromProto(request.title),
        });
        return {
          practitioner: practitionerToProto(await this.registerPractitioner.execute(identity, command)),
        };
      },
      updatePractitioner: async (request, { identity }) => {
        const command = UpdatePractitionerCommand.create({
          ...request,
          title: titleFromProto(request.title),
        });
        return {
          practitioner: practitionerToProto(await this.updatePractitioner.execute(identity, command)),
        };
      },
      getPractitioner: async (request, { identity }) => ({
        practitioner: practitionerToProto(
          await this.getPractitioner.execute(identity, GetPractitionerQuery.create(request)),
        ),
      }),
      searchPractitioners: async (request, { identity }) => {
        const page = await this.searchPractitioners.execute(
          identity,
          SearchPractitionersQuery.create(request),
        );
        return {
          practitioners: page.practitioners.map(practitionerToProto),
          nextPageToken: page.nextPageToken,
        };
      },
      checkPractisingRight: async (request, { identity }) =>
        this.checkPractisingRight.execute(identity, CheckPractisingRightQuery.create(request)),
      createTeam: async (request, { identity }) => {
        const command = CreateTeamCommand.create({
          ...request,
          members: request.members.map((m) => ({
            practitionerId: m.practitionerId,
            role: teamRoleFromProto(m.role),
          })),
        });
        return { team: teamToProto(await this.createTeam.execute(identity, command)) };
      },
      addTeamMember: async (request, { identity }) => {
        const command = AddTeamMemberCommand.create({
          ...request,
          member: request.member && {
            practitionerId: request.member.practitionerId,
            role: teamRoleFromProto(request.member.role),
          },
        });
        return { team: teamToProto(await this.addTeamMember.execute(identity, command)) };
      },
      removeTeamMember: async (request, { identity }) => ({
        team: teamToProto(
          await this.removeTeamMember.execute(identity, RemoveTeamMemberCommand.create(request)),
        ),
      }),
      getTeam: async (request, { identity }) => ({
        team: teamToProto(await this.getTeam.execute(identity, GetTeamQuery.create(request))),
      }),
      listTeams: async (request, { identity }) => ({
        teams: (await this.listTeams.execute(identity, ListTeamsQuery.create(request))).map(teamToProto),
      }),
    });
  }
}
