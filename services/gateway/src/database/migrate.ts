// `migrate <up|down|status|check>` for the gateway database (also the Helm pre-upgrade Job).
import { runMigrationCommand } from '@medgrid/database';
import { gatewayDataSource } from './gateway-data-source';

runMigrationCommand('gateway', gatewayDataSource);
