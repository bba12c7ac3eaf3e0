// `migrate <up|down|status|check>` for the scheduling database (also the Helm pre-upgrade Job).
import { runMigrationCommand } from '@medgrid/database';
import { schedulingDataSource } from './scheduling-data-source';

runMigrationCommand('scheduling', schedulingDataSource);
