import { Injectable } from '@nestjs/common';
import { workforceServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { ManageTeamUseCase } from '../../application/manage-team/manage-team.use-case';
import { WorkforceQueries } from '../../application/queries/workforce-queries';
import { RegisterPractitionerUseCase } from '../../application/register-practitioner/register-practitioner.use-case';
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
    private readonly teams: ManageTeamUseCase,
    private readonly queries: WorkforceQueries,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.registry.v1.WorkforceService', workforceServiceV1.WorkforceServiceService, {
      registerPractitioner: async (request, { identity }) => ({
        practitioner: practitionerToProto(
          await this.registerPractitioner.execute(identity, {
            ...request,
            title: titleFromProto(request.title),
          }),
        ),
      }),
      updatePractitioner: async (request, { identity }) => ({
        practitioner: practitionerToProto(
          await this.registerPractitioner.update(identity, {
            ...request,
            title: titleFromProto(request.title),
          }),
        ),
      }),
      getPractitioner: async (request) => ({
        practitioner: practitionerToProto(await this.queries.getPractitioner(request.id)),
      }),
      searchPractitioners: async (request) => {
        const page = await this.queries.searchPractitioners(request);
        return {
          practitioners: page.practitioners.map(practitionerToProto),
          nextPageToken: page.nextPageToken,
        };
      },
      checkPractisingRight: async (request) =>
        this.queries.checkPractisingRight(request.practitionerId, request.institutionId),
      createTeam: async (request, { identity }) => ({
        team: teamToProto(
          await this.teams.create(identity, {
            ...request,
            members: request.members.map((m) => ({
              practitionerId: m.practitionerId,
              role: teamRoleFromProto(m.role),
            })),
          }),
        ),
      }),
      addTeamMember: async (request, { identity }) => ({
        team: teamToProto(
          await this.teams.addMember(
            identity,
            request.teamId,
            request.member && {
              practitionerId: request.member.practitionerId,
              role: teamRoleFromProto(request.member.role),
            },
          ),
        ),
      }),
      removeTeamMember: async (request, { identity }) => ({
        team: teamToProto(await this.teams.removeMember(identity, request.teamId, request.practitionerId)),
      }),
      getTeam: async (request) => ({ team: teamToProto(await this.queries.getTeam(request.id)) }),
      listTeams: async (request) => ({
        teams: (await this.queries.listTeams(request.institutionId)).map(teamToProto),
      }),
    });
  }
}
