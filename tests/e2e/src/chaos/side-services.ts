import { type ChannelCredentials, type Client, credentials } from '@grpc/grpc-js';
import {
  budgetServiceV1,
  centreServiceV1,
  claimServiceV1,
  continuityServiceV1,
  drugCatalogueServiceV1,
  enrolmentServiceV1,
  formularyServiceV1,
  labReportServiceV1,
  orderServiceV1,
  prescribingServiceV1,
  recognitionServiceV1,
  resultServiceV1,
  ruleServiceV1,
  settlementServiceV1,
} from '@medgrid/contracts';
import { TestDatabase, uniqueSuffix } from '@medgrid/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, ServiceProcess, serviceEnv } from '../service-process';

const run = promisify(execFile);

/** The services the chaos city starts beside the referral harness's registry, scheduling and referral. */
export const SIDE_SERVICES = ['lab-sharing', 'pharmacy', 'payment'] as const;
export type SideService = (typeof SIDE_SERVICES)[number];

/** A side service's clients, one channel each, made once: a channel reconnects after its server was killed. */
interface Clients {
  readonly orders: orderServiceV1.OrderServiceClient;
  readonly reports: labReportServiceV1.ReportServiceClient;
  readonly recognition: recognitionServiceV1.RecognitionServiceClient;
  readonly results: resultServiceV1.ResultServiceClient;
  readonly centres: centreServiceV1.CentreServiceClient;
  readonly drugs: drugCatalogueServiceV1.CatalogueServiceClient;
  readonly formulary: formularyServiceV1.FormularyServiceClient;
  readonly prescribing: prescribingServiceV1.PrescribingServiceClient;
  readonly continuity: continuityServiceV1.ContinuityServiceClient;
  readonly enrolment: enrolmentServiceV1.EnrolmentServiceClient;
  readonly rules: ruleServiceV1.RuleServiceClient;
  readonly claims: claimServiceV1.ClaimServiceClient;
  readonly budgets: budgetServiceV1.BudgetServiceClient;
  readonly settlement: settlementServiceV1.SettlementServiceClient;
}

/**
 * Lab-sharing, pharmacy and payment as processes from their builds, each on a fresh database and a consumer group
 * of its own, on the suite's cluster and broker. Their databases are made and migrated while the registry starts
 * (a migration is a process of its own, so the three run side by side), and the services start together once the
 * registry's token issuer exists, since they trust its key.
 */
export class SideServices {
  private readonly dbs = new Map<SideService, TestDatabase>();
  private readonly processes = new Map<SideService, ServiceProcess>();
  clients!: Clients;

  async prepare(): Promise<void> {
    await Promise.all(
      SIDE_SERVICES.map(async (service) => {
        const db = await TestDatabase.create(`chaos_${service.replace('-', '_')}`);
        this.dbs.set(service, db);
        await run(
          process.execPath,
          [join(REPO_ROOT, 'services', service, 'dist/database/migrate.js'), 'up'],
          {
            env: { ...process.env, DATABASE_URL: db.url },
          },
        );
      }),
    );
  }

  async start(issuerPublicKeyFile: string): Promise<void> {
    await Promise.all(
      SIDE_SERVICES.map(async (service) => {
        const env = serviceEnv(this.databaseUrl(service), issuerPublicKeyFile, {
          KAFKA_CONSUMER_GROUP: `${service}-chaos-${uniqueSuffix()}`,
        });
        const started = await ServiceProcess.onFreePorts(service, env);
        this.processes.set(service, started);
        await started.start();
      }),
    );
    const make = <T>(Client: new (address: string, channel: ChannelCredentials) => T, service: SideService) =>
      new Client(this.process(service).grpcAddress, credentials.createInsecure());
    this.clients = {
      orders: make(orderServiceV1.OrderServiceClient, 'lab-sharing'),
      reports: make(labReportServiceV1.ReportServiceClient, 'lab-sharing'),
      recognition: make(recognitionServiceV1.RecognitionServiceClient, 'lab-sharing'),
      results: make(resultServiceV1.ResultServiceClient, 'lab-sharing'),
      centres: make(centreServiceV1.CentreServiceClient, 'lab-sharing'),
      drugs: make(drugCatalogueServiceV1.CatalogueServiceClient, 'pharmacy'),
      formulary: make(formularyServiceV1.FormularyServiceClient, 'pharmacy'),
      prescribing: make(prescribingServiceV1.PrescribingServiceClient, 'pharmacy'),
      continuity: make(continuityServiceV1.ContinuityServiceClient, 'pharmacy'),
      enrolment: make(enrolmentServiceV1.EnrolmentServiceClient, 'payment'),
      rules: make(ruleServiceV1.RuleServiceClient, 'payment'),
      claims: make(claimServiceV1.ClaimServiceClient, 'payment'),
      budgets: make(budgetServiceV1.BudgetServiceClient, 'payment'),
      settlement: make(settlementServiceV1.SettlementServiceClient, 'payment'),
    };
  }

  async stop(): Promise<void> {
    for (const client of Object.values(this.clients ?? {}) as Client[]) client.close();
    await Promise.all([...this.processes.values()].map((p) => p.stop()));
    await Promise.all([...this.dbs.values()].map((db) => db.drop().catch(() => undefined)));
  }

  process(service: SideService): ServiceProcess {
    const found = this.processes.get(service);
    if (!found) throw new Error(`${service} was not started`);
    return found;
  }

  databaseUrl(service: SideService): string {
    const db = this.dbs.get(service);
    if (!db) throw new Error(`${service} has no database`);
    return db.url;
  }
}
