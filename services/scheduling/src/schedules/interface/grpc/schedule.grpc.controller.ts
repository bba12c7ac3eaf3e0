import { Injectable } from '@nestjs/common';
import { scheduleServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { GetCityReserveFloorQuery } from '../../../capacity/application/get-city-reserve-floor/get-city-reserve-floor.query';
import { GetCityReserveFloorUseCase } from '../../../capacity/application/get-city-reserve-floor/get-city-reserve-floor.use-case';
import { SetCityReserveFloorCommand } from '../../../capacity/application/set-city-reserve-floor/set-city-reserve-floor.command';
import { SetCityReserveFloorUseCase } from '../../../capacity/application/set-city-reserve-floor/set-city-reserve-floor.use-case';
import {
  cityFloorToProto,
  policyToProto,
  ratioToProto,
} from '../../../capacity/contracts/capacity.proto-mapper';
import { sessionToProto, templateToProto } from '../../contracts/schedule.proto-mapper';
import { CancelSessionsCommand } from '../../application/cancel-sessions/cancel-sessions.command';
import { CancelSessionsUseCase } from '../../application/cancel-sessions/cancel-sessions.use-case';
import { CreateScheduleTemplateCommand } from '../../application/create-schedule-template/create-schedule-template.command';
import { CreateScheduleTemplateUseCase } from '../../application/create-schedule-template/create-schedule-template.use-case';
import { GenerateSessionsCommand } from '../../application/generate-sessions/generate-sessions.command';
import { GenerateSessionsUseCase } from '../../application/generate-sessions/generate-sessions.use-case';
import { GetReservePolicyQuery } from '../../application/get-reserve-policy/get-reserve-policy.query';
import { GetReservePolicyUseCase } from '../../application/get-reserve-policy/get-reserve-policy.use-case';
import { ListScheduleTemplatesQuery } from '../../application/list-schedule-templates/list-schedule-templates.query';
import { ListScheduleTemplatesUseCase } from '../../application/list-schedule-templates/list-schedule-templates.use-case';
import { SetReservePolicyCommand } from '../../application/set-reserve-policy/set-reserve-policy.command';
import { SetReservePolicyUseCase } from '../../application/set-reserve-policy/set-reserve-policy.use-case';
import { SetSessionCapacityCommand } from '../../application/set-session-capacity/set-session-capacity.command';
import { SetSessionCapacityUseCase } from '../../application/set-session-capacity/set-session-capacity.use-case';
import { MoveSessionCommand } from '../../application/move-session/move-session.command';
import { MoveSessionUseCase } from '../../application/move-session/move-session.use-case';
import { GetSessionQuery } from '../../application/get-session/get-session.query';
import { GetSessionUseCase } from '../../application/get-session/get-session.use-case';

/** medgrid.scheduling.v1.ScheduleService. */
@Injectable()
export class ScheduleGrpcController implements GrpcController {
  constructor(
    private readonly getPolicy: GetReservePolicyUseCase,
    private readonly setPolicy: SetReservePolicyUseCase,
    private readonly createTemplate: CreateScheduleTemplateUseCase,
    private readonly listTemplates: ListScheduleTemplatesUseCase,
    private readonly generate: GenerateSessionsUseCase,
    private readonly cancel: CancelSessionsUseCase,
    private readonly setCapacity: SetSessionCapacityUseCase,
    private readonly move: MoveSessionUseCase,
    private readonly getSession: GetSessionUseCase,
    private readonly setCityFloor: SetCityReserveFloorUseCase,
    private readonly getCityFloor: GetCityReserveFloorUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.scheduling.v1.ScheduleService', scheduleServiceV1.ScheduleServiceService, {
      // rpc SetReservePolicy
      setReservePolicy: async (r, { identity }) => ({
        policy: policyToProto(await this.setPolicy.execute(identity, SetReservePolicyCommand.create(r))),
      }),
      // rpc GetReservePolicy
      getReservePolicy: async (r, { identity }) => {
        const { policy, cityId, floors, share } = await this.getPolicy.execute(
          identity,
          GetReservePolicyQuery.create(r),
        );
        return {
          policy: policyToProto(policy),
          slotFloor: ratioToProto(floors.slotFloor),
          bedFloor: ratioToProto(floors.bedFloor),
          cityId: cityId ?? '',
          slotShare: ratioToProto(share.slotRatio),
          bedShare: ratioToProto(share.bedRatio),
        };
      },
      // rpc SetCityReserveFloor
      setCityReserveFloor: async (r, { identity }) => ({
        floor: cityFloorToProto(
          await this.setCityFloor.execute(identity, SetCityReserveFloorCommand.create(r)),
        ),
      }),
      // rpc GetCityReserveFloor
      getCityReserveFloor: async (r, { identity }) => {
        const found = await this.getCityFloor.execute(identity, GetCityReserveFloorQuery.create(r));
        return {
          cityId: found.cityId,
          date: found.date,
          slotFloor: ratioToProto(found.floors.slotFloor),
          bedFloor: ratioToProto(found.floors.bedFloor),
          inForce: found.inForce ? cityFloorToProto(found.inForce) : undefined,
          history: found.history.map(cityFloorToProto),
        };
      },
      // rpc CreateScheduleTemplate
      createScheduleTemplate: async (r, { identity }) => {
        const t = r.template;
        const command = CreateScheduleTemplateCommand.create({
          clientRequestId: r.clientRequestId,
          template: {
            institutionId: t?.institutionId ?? '',
            departmentId: t?.departmentId ?? '',
            practitionerId: t?.practitionerId ?? '',
            weekday: t?.weekday ?? 0,
            startTime: t?.startTime ?? '',
            endTime: t?.endTime ?? '',
            capacity: t?.capacity ?? 0,
            validFrom: t?.validFrom ?? '',
            validUntil: t?.validUntil ?? '',
          },
        });
        return { template: templateToProto(await this.createTemplate.execute(identity, command)) };
      },
      // rpc ListScheduleTemplates
      listScheduleTemplates: async (r, { identity }) => ({
        templates: (await this.listTemplates.execute(identity, ListScheduleTemplatesQuery.create(r))).map(
          templateToProto,
        ),
      }),
      // rpc GenerateSessions
      generateSessions: async (r, { identity }) =>
        this.generate.execute(identity, GenerateSessionsCommand.create(r)),
      // rpc CancelSessions
      cancelSessions: async (r, { identity }) =>
        this.cancel.execute(identity, CancelSessionsCommand.create(r)),
      // rpc MoveSession
      moveSession: async (r, { identity }) => {
        const { session, bookingsMoved } = await this.move.execute(identity, MoveSessionCommand.create(r));
        return { session: sessionToProto(session), bookingsMoved };
      },
      // rpc SetSessionCapacity
      setSessionCapacity: async (r, { identity }) => ({
        session: sessionToProto(
          await this.setCapacity.execute(identity, SetSessionCapacityCommand.create(r)),
        ),
      }),
      // rpc GetSession
      getSession: async (r, { identity }) => ({
        session: sessionToProto(await this.getSession.execute(identity, GetSessionQuery.create(r))),
      }),
    });
  }
}
