import './instrumentation';
import { runService } from '@medgrid/service';
import { loadRegistryConfig } from './config/registry.config';
import { registryDataSource } from './database/registry-data-source';
import { ImportGrpcController } from './imports/interface/grpc/import.grpc.controller';
import { ImportsModule } from './imports/imports.module';
import { OrganisationGrpcController } from './organisation/interface/grpc/organisation.grpc.controller';
import { OrganisationModule } from './organisation/organisation.module';
import { ResidentsGrpcController } from './residents/interface/grpc/residents.grpc.controller';
import { RegistryInstitutionDirectory } from './organisation/application/registry-institution-directory';
import { ResidentsModule } from './residents/residents.module';
import { WorkforceGrpcController } from './workforce/interface/grpc/workforce.grpc.controller';
import { WorkforceModule } from './workforce/workforce.module';

void runService(
  'registry',
  () => loadRegistryConfig(),
  () => ({
    dataSource: (c) => registryDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE),
    contexts: [OrganisationModule, WorkforceModule, ResidentsModule, ImportsModule],
    grpc: {
      controllers: [
        OrganisationGrpcController,
        WorkforceGrpcController,
        ResidentsGrpcController,
        ImportGrpcController,
      ],
      institutions: RegistryInstitutionDirectory,
    },
  }),
);
