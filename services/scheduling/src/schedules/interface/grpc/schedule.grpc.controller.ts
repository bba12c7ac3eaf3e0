import { Injectable } from '@nestjs/common';
import { scheduleServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { ManageCityFloorUseCase } from '../../../capacity/application/manage-city-floor.use-case';
import {
  cityFloorToProto,
  policyToProto,
  ratioToProto,
  sessionToProto,
  templateToProto,
} from '../../../shared/contracts/scheduling.proto-mapper';
import { ManageCapacityUseCase } from '../../application/manage-capacity/manage-capacity.use-case';
import { MoveSessionUseCase } from '../../application/move-session/move-session.use-case';
import { AvailabilityQueries } from '../../application/queries/availability-queries';

/** medgrid.scheduling.v1.ScheduleService. */
@Injectable()
export class ScheduleGrpcController implements GrpcController {
  constructor(
    private readonly capacity: ManageCapacityUseCase,
    private readonly moves: MoveSessionUseCase,
    private readonly availability: AvailabilityQueries,
    private readonly cityFloors: ManageCityFloorUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.scheduling.v1.ScheduleService', scheduleServiceV1.ScheduleServiceService, {
      // rpc SetReservePolicy
      setReservePolicy: async (r, { identity }) => ({
        policy: policyToProto(await this.capacity.setPolicy(identity, r)),
      }),
      // rpc GetReservePolicy
      getReservePolicy: async (r, { identity }) => {
        const { policy, cityId, floors, share } = await this.capacity.policy(identity, r.institutionId);
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
        floor: cityFloorToProto(await this.cityFloors.set(identity, r)),
      }),
      // rpc GetCityReserveFloor
      getCityReserveFloor: async (r, { identity }) => {
        const found = await this.cityFloors.get(identity, r.cityId, r.date);
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
        const template = await this.capacity.createTemplate(identity, r.clientRequestId, {
          institutionId: t?.institutionId ?? '',
          departmentId: t?.departmentId ?? '',
          practitionerId: t?.practitionerId ?? '',
          weekday: t?.weekday ?? 0,
          startTime: t?.startTime ?? '',
          endTime: t?.endTime ?? '',
          capacity: t?.capacity ?? 0,
          validFrom: t?.validFrom ?? '',
          validUntil: t?.validUntil ?? '',
        });
        return { template: templateToProto(template) };
      },
      // rpc ListScheduleTemplates
      listScheduleTemplates: async (r, { identity }) => ({
        templates: (await this.capacity.listTemplates(identity, r.institutionId)).map(templateToProto),
      }),
      // rpc GenerateSessions
      generateSessions: async (r, { identity }) => this.capacity.generate(identity, r),
      // rpc CancelSessions
      cancelSessions: async (r, { identity }) => this.capacity.cancelSessions(identity, r),
      // rpc MoveSession
      moveSession: async (r, { identity }) => {
        const { session, bookingsMoved } = await this.moves.execute(identity, r);
        return { session: sessionToProto(session), bookingsMoved };
      },
      // rpc SetSessionCapacity
      setSessionCapacity: async (r, { identity }) => ({
        session: sessionToProto(await this.capacity.setCapacity(identity, r)),
      }),
      // rpc GetSession
      getSession: async (r, { identity }) => ({
        session: sessionToProto(await this.availability.session(identity, r.sessionId)),
      }),
    });
  }
}
