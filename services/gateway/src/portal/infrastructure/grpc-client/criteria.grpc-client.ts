/* eslint-disable @typescript-eslint/unbound-method -- call() invokes each method on its client */
import { type ChannelCredentials } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { criteriaServiceV1 } from '@medgrid/contracts';
import { type ServiceTokens } from './service-tokens';
import { UserGrpcClient } from './user-grpc-client';

/** Referral's CriteriaService (the referral criteria catalogue), on the referral address, called as the user. */
export class CriteriaGrpcClient extends UserGrpcClient {
  private readonly criteria = this.open(criteriaServiceV1.CriteriaServiceClient);

  constructor(address: string, tokens: ServiceTokens, channel?: ChannelCredentials) {
    super(address, tokens, channel);
  }

  listCriteria(caller: Identity) {
    const request = criteriaServiceV1.ListCriteriaRequest.fromPartial({});
    return this.call(caller, this.criteria, this.criteria.listCriteria, request);
  }

  lookupCriteria(caller: Identity, icd10Code: string) {
    const request = criteriaServiceV1.LookupCriteriaRequest.fromPartial({ icd10Code });
    return this.call(caller, this.criteria, this.criteria.lookupCriteria, request);
  }

  putCriteria(caller: Identity, request: criteriaServiceV1.PutCriteriaRequest) {
    return this.call(caller, this.criteria, this.criteria.putCriteria, request);
  }

  removeCriteria(caller: Identity, key: string, clientRequestId: string) {
    const request = criteriaServiceV1.RemoveCriteriaRequest.fromPartial({ key, clientRequestId });
    return this.call(caller, this.criteria, this.criteria.removeCriteria, request);
  }
}
