import { type ChannelCredentials } from '@grpc/grpc-js';
import { Module, type Provider } from '@nestjs/common';
import { RegistryView, RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { grpcClientCredentials, SERVICE_CONFIG } from '@medgrid/service';
import { AccountsModule } from '../accounts/accounts.module';
import { type GatewayConfig } from '../config/gateway.config';
import { ServiceCallers } from './application/service-callers';
import { CriteriaGrpcClient } from './infrastructure/grpc-client/criteria.grpc-client';
import { LabSharingGrpcClient } from './infrastructure/grpc-client/lab-sharing.grpc-client';
import { PaymentGrpcClient } from './infrastructure/grpc-client/payment.grpc-client';
import { PharmacyGrpcClient } from './infrastructure/grpc-client/pharmacy.grpc-client';
import { ReferralGrpcClient } from './infrastructure/grpc-client/referral.grpc-client';
import { RegistryGrpcClient } from './infrastructure/grpc-client/registry.grpc-client';
import { SchedulingGrpcClient } from './infrastructure/grpc-client/scheduling.grpc-client';
import { ServiceTokens } from './infrastructure/grpc-client/service-tokens';
import { CataloguesHttpController } from './interface/http/catalogues.http.controller';
import { IndicatorsHttpController } from './interface/http/indicators.http.controller';
import { PortalHttpController } from './interface/http/portal.http.controller';
import { RegistryAdministrationHttpController } from './interface/http/registry-administration.http.controller';
import { SettlementsHttpController } from './interface/http/settlements.http.controller';

/** A service's client, on the address the gateway's settings give it, calling as each user. */
function userGrpcClient<T>(
  Client: new (address: string, tokens: ServiceTokens, channel: ChannelCredentials) => T,
  address: (config: GatewayConfig) => string,
): Provider {
  return {
    provide: Client,
    inject: [SERVICE_CONFIG, ServiceTokens],
    useFactory: (config: GatewayConfig, tokens: ServiceTokens) =>
      new Client(address(config), tokens, grpcClientCredentials('gateway', config)),
  };
}

/** The portal's API over the services, called as each user. */
@Module({
  imports: [AccountsModule],
  controllers: [
    PortalHttpController,
    IndicatorsHttpController,
    SettlementsHttpController,
    CataloguesHttpController,
    RegistryAdministrationHttpController,
  ],
  providers: [
    { provide: RegistryView, useClass: RegistryViewTypeormRepository },
    ServiceCallers,
    {
      provide: ServiceTokens,
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) =>
        ServiceTokens.fromKeyFile(
          config.AUTH_SIGNING_KEY_FILE,
          config.AUTH_ISSUER,
          config.AUTH_AUDIENCE,
          config.SERVICE_TOKEN_TTL_SECONDS,
        ),
    },
    userGrpcClient(RegistryGrpcClient, (config) => config.REGISTRY_GRPC_ADDRESS),
    userGrpcClient(ReferralGrpcClient, (config) => config.REFERRAL_GRPC_ADDRESS),
    userGrpcClient(CriteriaGrpcClient, (config) => config.REFERRAL_GRPC_ADDRESS),
    userGrpcClient(SchedulingGrpcClient, (config) => config.SCHEDULING_GRPC_ADDRESS),
    userGrpcClient(LabSharingGrpcClient, (config) => config.LAB_SHARING_GRPC_ADDRESS),
    userGrpcClient(PharmacyGrpcClient, (config) => config.PHARMACY_GRPC_ADDRESS),
    userGrpcClient(PaymentGrpcClient, (config) => config.PAYMENT_GRPC_ADDRESS),
  ],
  // Accounts administration asks the registry as the operator with these.
  exports: [ServiceCallers, RegistryGrpcClient],
})
export class PortalModule {}
