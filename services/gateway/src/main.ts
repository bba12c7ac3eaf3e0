import './instrumentation';
import {
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
} from '@medgrid/registry-view';
import { runService } from '@medgrid/service';
import { loadGatewayConfig } from './config/gateway.config';
import { gatewayDataSource } from './database/gateway-data-source';
import { configureHttpApi } from './common/http-api';
import { GatewayModule } from './gateway.module';
import { ServiceInfoGrpcController } from './service-info/interface/grpc/service-info.grpc.controller';

void runService(
  'gateway',
  () => loadGatewayConfig(),
  (config) => ({
    dataSource: (c) => gatewayDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [GatewayModule],
    // Every call's group claim is checked against the registry projection (docs/decisions/0004).
    grpc: { controllers: [ServiceInfoGrpcController], institutions: RegistryViewInstitutionDirectory },
    eventHandlers: [InstitutionChangedKafkaConsumer, MedicalGroupChangedKafkaConsumer],
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
    configureHttp: (app) => configureHttpApi(app, { trustProxy: config.TRUST_PROXY }),
  }),
);
