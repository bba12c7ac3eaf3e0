// `migrate <up|down|status|check>` for the payment database (also the Helm pre-upgrade Job).
import { runMigrationCommand } from '@medgrid/database';
import { paymentDataSource } from './payment-data-source';

runMigrationCommand('payment', paymentDataSource);
