import { type TestDatabase, uniqueSuffix, waitFor } from '@medgrid/testing';
import { Client as PgClient } from 'pg';
import { waitUntilCaughtUp } from './consumer-lag';
import { LAB_SHARING_INPUT_TOPICS } from './lab-sharing-harness';
import { PHARMACY_INPUT_TOPICS } from './pharmacy-harness';
import { PortalGatewayHarness } from './portal-gateway-harness';
import { ServiceProcess, serviceEnv } from './service-process';
import { migratedDatabase } from './migrated-database';

/**
 * The portal's gateway with lab-sharing and pharmacy as real processes too, for the catalogues the gateway reaches
 * in them (the recognition catalogue, a group's drugs). A subclass, so the gateway suites that need neither start
 * neither.
 */
export class CataloguesGatewayHarness extends PortalGatewayHarness {
  labSharingDb!: TestDatabase;
  labSharingProcess!: ServiceProcess;
  labSharingSql!: PgClient;
  pharmacyDb!: TestDatabase;
  pharmacyProcess!: ServiceProcess;

  protected override async startMoreServices(label: string): Promise<Record<string, string>> {
    const publicKey = this.registry.auth.publicKeyFile;
    this.labSharingDb = await migratedDatabase('lab-sharing', `${label}_lab_sharing`);
    this.pharmacyDb = await migratedDatabase('pharmacy', `${label}_pharmacy`);
    // Their own consumer groups, so neither scripts/up.sh's services nor another suite takes these events.
    const labSharingGroup = `lab-sharing-${label}-${uniqueSuffix()}`;
    const pharmacyGroup = `pharmacy-${label}-${uniqueSuffix()}`;
    this.labSharingProcess = await ServiceProcess.onFreePorts(
      'lab-sharing',
      serviceEnv(this.labSharingDb.url, publicKey, { KAFKA_CONSUMER_GROUP: labSharingGroup }),
    );
    this.pharmacyProcess = await ServiceProcess.onFreePorts(
      'pharmacy',
      serviceEnv(this.pharmacyDb.url, publicKey, { KAFKA_CONSUMER_GROUP: pharmacyGroup }),
    );
    await Promise.all([this.labSharingProcess.start(), this.pharmacyProcess.start()]);
    await Promise.all([
      waitUntilCaughtUp(labSharingGroup, LAB_SHARING_INPUT_TOPICS),
      waitUntilCaughtUp(pharmacyGroup, PHARMACY_INPUT_TOPICS),
    ]);
    this.labSharingSql = new PgClient({ connectionString: this.labSharingDb.url });
    await this.labSharingSql.connect();
    return {
      LAB_SHARING_GRPC_ADDRESS: this.labSharingProcess.grpcAddress,
      PHARMACY_GRPC_ADDRESS: this.pharmacyProcess.grpcAddress,
    };
  }

  override async stop(): Promise<void> {
    await this.labSharingSql?.end();
    await Promise.all([this.labSharingProcess?.stop(), this.pharmacyProcess?.stop()]);
    await Promise.all([this.labSharingDb?.drop(), this.pharmacyDb?.drop()]);
    await super.stop();
  }

  /** Waits until lab-sharing knows the city: its recognition catalogue is kept per city it knows. */
  async labSharingKnowsCity(cityId: string): Promise<void> {
    await waitFor(
      'lab-sharing to learn the city from the registry',
      async () => {
        const { rows } = await this.labSharingSql.query<{ n: string }>(
          'SELECT count(*) AS n FROM known_city WHERE id = $1',
          [cityId],
        );
        return rows[0]!.n === '1' ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }
}
