/* eslint-disable @typescript-eslint/unbound-method -- call() invokes each method on its client */
import { type ChannelCredentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { reportServiceV1, scheduleServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** Scheduling's ScheduleService (reserve ratios and city floors) and ReportService, called as the user. */
export class SchedulingGrpcClient extends UserGrpcClient {
  private readonly schedules = this.open(scheduleServiceV1.ScheduleServiceClient);
  private readonly reports = this.open(reportServiceV1.ReportServiceClient);

  constructor(address: string, tokens: ServiceTokens, channel?: ChannelCredentials) {
    super(address, tokens, channel);
  }

  getDailyReport(caller: Identity, institutionId: string, date: string) {
    const request = reportServiceV1.GetDailyReportRequest.fromPartial({ institutionId, date });
    return this.call(caller, this.reports, this.reports.getDailyReport, request);
  }

  getReservePolicy(caller: Identity, institutionId: string) {
    const request = scheduleServiceV1.GetReservePolicyRequest.fromPartial({ institutionId });
    return this.call(caller, this.schedules, this.schedules.getReservePolicy, request);
  }

  setReservePolicy(caller: Identity, request: scheduleServiceV1.SetReservePolicyRequest) {
    return this.call(caller, this.schedules, this.schedules.setReservePolicy, request);
  }

  getCityReserveFloor(caller: Identity, cityId: string, date: string) {
    const request = scheduleServiceV1.GetCityReserveFloorRequest.fromPartial({ cityId, date });
    return this.call(caller, this.schedules, this.schedules.getCityReserveFloor, request);
  }

  setCityReserveFloor(caller: Identity, request: scheduleServiceV1.SetCityReserveFloorRequest) {
    return this.call(caller, this.schedules, this.schedules.setCityReserveFloor, request);
  }
}
