// `migrate <up|down|status|check>` for the referral database (also the Helm pre-upgrade Job).
import { runMigrationCommand } from '@medgrid/database';
import { referralDataSource } from './referral-data-source';

runMigrationCommand('referral', referralDataSource);
