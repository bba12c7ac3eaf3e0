import { createDataSource } from '@medgrid/database';
import { CreateMessagingTables1732300000000 } from '@medgrid/messaging';
import { type DataSource } from 'typeorm';
import { SlotHoldRequestOrmEntity } from '../holds/infrastructure/persistence/slot-hold-request.orm-entity';
import { CreateSlotHoldRequest1732300000001 } from './migrations/1732300000001-create-slot-hold-request';

export const SCHEDULING_ENTITIES = [SlotHoldRequestOrmEntity];
export const SCHEDULING_MIGRATIONS = [CreateMessagingTables1732300000000, CreateSlotHoldRequest1732300000001];

export function schedulingDataSource(url: string, poolSize?: number): DataSource {
  return createDataSource({
    url,
    applicationName: 'scheduling',
    poolSize,
    entities: SCHEDULING_ENTITIES,
    migrations: SCHEDULING_MIGRATIONS,
  });
}
