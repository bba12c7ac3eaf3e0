// `migrate <up|down|status|check>` for the registry database (also the Helm pre-upgrade Job).
import { runMigrationCommand } from '@medgrid/database';
import { registryDataSource } from './registry-data-source';

runMigrationCommand('registry', registryDataSource);
