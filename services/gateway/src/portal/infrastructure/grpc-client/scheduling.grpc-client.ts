/* eslint-disable @typescript-eslint/unbound-method -- unary() and serverStream() call each method on its client */
import { credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { reportServiceV1, scheduleServiceV1 } from '@medgrid/contracts';
import { unary } from './calls';
import { type ServiceTokens } from './service-tokens';

type Api = typeof scheduleServiceV1;

/** Scheduling's ScheduleService (reserve ratios and city floors) and ReportService, called as the user. */
export class SchedulingGrpcClient {
  private readonly client: InstanceType<Api['ScheduleServiceClient']>;
  private readonly reports: InstanceType<(typeof reportServiceV1)['ReportServiceClient']>;

  constructor(
    address: string,
    private readonly tokens: ServiceTokens,
  ) {
    this.client = new scheduleServiceV1.ScheduleServiceClient(address, credentials.createInsecure());
    this.reports = new reportServiceV1.ReportServiceClient(address, credentials.createInsecure());
  }

  async getDailyReport(caller: Identity, institutionId: string, date: string) {
    const request = reportServiceV1.GetDailyReportRequest.fromPartial({ institutionId, date });
    return unary(this.reports, this.reports.getDailyReport, request, await this.tokens.tokenFor(caller));
  }

  async getReservePolicy(caller: Identity, institutionId: string) {
    const request = scheduleServiceV1.GetReservePolicyRequest.fromPartial({ institutionId });
    return unary(this.client, this.client.getReservePolicy, request, await this.tokens.tokenFor(caller));
  }

  async setReservePolicy(caller: Identity, request: scheduleServiceV1.SetReservePolicyRequest) {
    return unary(this.client, this.client.setReservePolicy, request, await this.tokens.tokenFor(caller));
  }

  async getCityReserveFloor(caller: Identity, cityId: string, date: string) {
    const request = scheduleServiceV1.GetCityReserveFloorRequest.fromPartial({ cityId, date });
    return unary(this.client, this.client.getCityReserveFloor, request, await this.tokens.tokenFor(caller));
  }

  async setCityReserveFloor(caller: Identity, request: scheduleServiceV1.SetCityReserveFloorRequest) {
    return unary(this.client, this.client.setCityReserveFloor, request, await this.tokens.tokenFor(caller));
  }

  close(): void {
    this.client.close();
    this.reports.close();
  }
}
