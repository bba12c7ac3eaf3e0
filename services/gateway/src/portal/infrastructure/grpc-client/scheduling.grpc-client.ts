/* eslint-disable @typescript-eslint/unbound-method -- unary() and serverStream() call each method on its client */
import { credentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { scheduleServiceV1 } from '@medgrid/contracts';
import { unary } from './calls';
import { type ServiceTokens } from './service-tokens';

type Api = typeof scheduleServiceV1;

/** Scheduling's ScheduleService (reserve ratios and city floors), called as the user. */
export class SchedulingGrpcClient {
  private readonly client: InstanceType<Api['ScheduleServiceClient']>;

  constructor(
    address: string,
    private readonly tokens: ServiceTokens,
  ) {
    this.client = new scheduleServiceV1.ScheduleServiceClient(address, credentials.createInsecure());
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
  }
}
