// `migrate <up|down|status|check>` for the lab-sharing database (also the Helm pre-upgrade Job).
import { runMigrationCommand } from '@medgrid/database';
import { labSharingDataSource } from './lab-sharing-data-source';

runMigrationCommand('lab-sharing', labSharingDataSource);
