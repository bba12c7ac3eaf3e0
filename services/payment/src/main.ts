import './instrumentation';
import {
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  RegistryViewInstitutionDirectory,
} from '@medgrid/registry-view';
import { runService } from '@medgrid/service';
import { loadPaymentConfig } from './config/payment.config';
import { paymentDataSource } from './database/payment-data-source';
import { PaymentModule } from './payment.module';
import { ServiceInfoGrpcController } from './service-info/interface/grpc/service-info.grpc.controller';

void runService(
  'payment',
  () => loadPaymentConfig(),
  (config) => ({
    dataSource: (c) => paymentDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [PaymentModule],
    // Every call's group claim is checked against the registry projection (docs/decisions/0004).
    grpc: { controllers: [ServiceInfoGrpcController], institutions: RegistryViewInstitutionDirectory },
    eventHandlers: [InstitutionChangedKafkaConsumer, MedicalGroupChangedKafkaConsumer],
    relayEnabled: config.OUTBOX_RELAY_ENABLED,
  }),
);
