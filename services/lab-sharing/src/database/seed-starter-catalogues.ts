// `node services/lab-sharing/dist/database/seed-starter-catalogues.js [--wait-seconds N]`
// The quick start's demo step for lab-sharing: every city the service has learnt from the registry (the demo
// city) that has no recognition catalogue yet gets the platform's starter catalogue, loaded by a city operator
// through LoadStarterCatalogue's own use case, so every rule is checked and CatalogueChanged leaves through the
// outbox. Waits for the service to learn a city; does nothing for a city that has a catalogue already.
import { parseArgs } from 'node:util';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { v5 as uuidv5 } from 'uuid';
import { labSharingDataSource } from './lab-sharing-data-source';
import { CatalogueEdit } from '../recognition/application/catalogue-edit';
import { LoadStarterCatalogueCommand } from '../recognition/application/load-starter-catalogue/load-starter-catalogue.command';
import { LoadStarterCatalogueUseCase } from '../recognition/application/load-starter-catalogue/load-starter-catalogue.use-case';
import { RegionItems } from '../recognition/application/region-items';
import { RecognitionOutboxPublisher } from '../recognition/infrastructure/messaging/recognition-outbox.publisher';
import { RecognitionCatalogueTypeormRepository } from '../recognition/infrastructure/persistence/recognition-catalogue.typeorm-repository';

const { values } = parseArgs({ options: { 'wait-seconds': { type: 'string', default: '60' } } });

const operator: Identity = {
  subject: 'demo-starter-catalogue-loader',
  role: 'city-operator',
  institutionId: null,
  groupId: null,
  practitionerId: null,
};
// The same city always gets the same client request, so a second run is answered, not applied twice.
const NAMESPACE = '0c9b7b52-2f5e-5c7e-8d7a-3f6a1c2b9e40';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const waitSeconds = Number(values['wait-seconds']);
  const dataSource = labSharingDataSource(url, 2);
  await dataSource.initialize();
  try {
    const uow = new UnitOfWork(dataSource);
    const registry = new RegistryViewTypeormRepository(uow);
    const catalogues = new RecognitionCatalogueTypeormRepository(uow);
    const load = new LoadStarterCatalogueUseCase(
      new CatalogueEdit(
        uow,
        catalogues,
        new RecognitionOutboxPublisher(new OutboxWriter(uow, 'lab-sharing')),
        registry,
        new ClientRequests(uow),
        new RegionItems(registry, catalogues),
      ),
    );
    let cities: { id: string; name: string }[] = [];
    for (let waited = 0; cities.length === 0 && waited <= waitSeconds; waited += 2) {
      cities = await dataSource.query<{ id: string; name: string }[]>(
        `SELECT c.id, c.name FROM known_city c
          WHERE NOT EXISTS (SELECT 1 FROM recognition_catalogue r WHERE r.region_id = c.id)`,
      );
      if (cities.length === 0) {
        const known = await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM known_city');
        if (known[0]?.n !== '0') return say('every known city has its recognition catalogue');
        await pause(2000);
      }
    }
    if (cities.length === 0)
      return say(`no city learnt from the registry within ${waitSeconds} s; none loaded`);
    for (const city of cities) {
      const { catalogue } = await load.execute(
        operator,
        LoadStarterCatalogueCommand.create({
          clientRequestId: uuidv5(`starter-catalogue:${city.id}`, NAMESPACE),
          regionId: city.id,
          fromVersion: 0,
        }),
      );
      say(`${city.name}: starter recognition catalogue loaded, ${catalogue.itemCount} items (version 1)`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed-starter-catalogues failed: ${String(error)}\n`);
  process.exit(1);
});
