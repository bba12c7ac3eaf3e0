// `migrate <up|down|status|check>` for the pharmacy database (also the Helm pre-upgrade Job).
import { runMigrationCommand } from '@medgrid/database';
import { pharmacyDataSource } from './pharmacy-data-source';

runMigrationCommand('pharmacy', pharmacyDataSource);
