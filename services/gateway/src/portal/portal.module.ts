import { Module } from '@nestjs/common';
import { RegistryView, RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { SERVICE_CONFIG } from '@medgrid/service';
import { AccountsModule } from '../accounts/accounts.module';
import { type GatewayConfig } from '../config/gateway.config';
import { ServiceCallers } from './application/service-callers';
import { LabSharingGrpcClient } from './infrastructure/grpc-client/lab-sharing.grpc-client';
import { PaymentGrpcClient } from './infrastructure/grpc-client/payment.grpc-client';
import { PharmacyGrpcClient } from './infrastructure/grpc-client/pharmacy.grpc-client';
import { ReferralGrpcClient } from './infrastructure/grpc-client/referral.grpc-client';
import { RegistryGrpcClient } from './infrastructure/grpc-client/registry.grpc-client';
import { SchedulingGrpcClient } from './infrastructure/grpc-client/scheduling.grpc-client';
import { ServiceTokens } from './infrastructure/grpc-client/service-tokens';
import { IndicatorsHttpController } from './interface/http/indicators.http.controller';
import { PortalHttpController } from './interface/http/portal.http.controller';
import { SettlementsHttpController } from './interface/http/settlements.http.controller';

/** The portal's API over the services, called as each user. */
@Module({
  imports: [AccountsModule],
  controllers: [PortalHttpController, IndicatorsHttpController, SettlementsHttpController],
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
    {
      provide: RegistryGrpcClient,
      inject: [SERVICE_CONFIG, ServiceTokens],
      useFactory: (config: GatewayConfig, tokens: ServiceTokens) =>
        new RegistryGrpcClient(config.REGISTRY_GRPC_ADDRESS, tokens),
    },
    {
      provide: ReferralGrpcClient,
      inject: [SERVICE_CONFIG, ServiceTokens],
      useFactory: (config: GatewayConfig, tokens: ServiceTokens) =>
        new ReferralGrpcClient(config.REFERRAL_GRPC_ADDRESS, tokens),
    },
    {
      provide: SchedulingGrpcClient,
      inject: [SERVICE_CONFIG, ServiceTokens],
      useFactory: (config: GatewayConfig, tokens: ServiceTokens) =>
        new SchedulingGrpcClient(config.SCHEDULING_GRPC_ADDRESS, tokens),
    },
    {
      provide: LabSharingGrpcClient,
      inject: [SERVICE_CONFIG, ServiceTokens],
      useFactory: (config: GatewayConfig, tokens: ServiceTokens) =>
        new LabSharingGrpcClient(config.LAB_SHARING_GRPC_ADDRESS, tokens),
    },
    {
      provide: PharmacyGrpcClient,
      inject: [SERVICE_CONFIG, ServiceTokens],
      useFactory: (config: GatewayConfig, tokens: ServiceTokens) =>
        new PharmacyGrpcClient(config.PHARMACY_GRPC_ADDRESS, tokens),
    },
    {
      provide: PaymentGrpcClient,
      inject: [SERVICE_CONFIG, ServiceTokens],
      useFactory: (config: GatewayConfig, tokens: ServiceTokens) =>
        new PaymentGrpcClient(config.PAYMENT_GRPC_ADDRESS, tokens),
    },
  ],
  // Accounts administration asks the registry as the operator with these.
  exports: [ServiceCallers, RegistryGrpcClient],
})
export class PortalModule {}
