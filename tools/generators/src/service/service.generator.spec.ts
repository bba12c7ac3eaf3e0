import { type Tree, workspaceRoot } from '@nx/devkit';
import { FsTree } from 'nx/src/generators/tree';
// eslint-disable-next-line @nx/enforce-module-boundaries -- plain CommonJS of deploy/helm, not a project
import { parseServices, serviceChartFiles } from '../../../../deploy/helm/tools/service-charts.js';
// eslint-disable-next-line @nx/enforce-module-boundaries -- plain CommonJS of deploy/helm, not a project
import { dockerfile, workspacePackages } from '../../../../deploy/helm/tools/service-images.js';
import { serviceNames } from './names.ts';
import { localServices } from './registrations.ts';
import { serviceGenerator } from './service.generator.ts';

/**
 * The generator on the real workspace, read from disk into a tree that is
 * never written back: every file it makes and every shared file it edits.
 * scripts/check-generator.sh does the rest on a scratch checkout: that the
 * result lints, type-checks, passes its tests, builds, and passes proto-gen
 * --check and helm-check.
 */
const NAME = 'sample-intake';

function realWorkspace(): Tree {
  return new FsTree(workspaceRoot, false);
}

function read(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} was not written`);
  return text;
}

function json<T>(tree: Tree, path: string): T {
  return JSON.parse(read(tree, path)) as T;
}

describe(serviceGenerator.name, () => {
  // The test asserts on what the generator writes, not on Prettier's layout of it.
  beforeAll(() => {
    process.env.NX_SKIP_FORMAT = 'true';
  });

  let before: Tree;
  let tree: Tree;
  let ports: { grpc: number; http: number };

  beforeAll(async () => {
    before = realWorkspace();
    const taken = [
      ...parseServices(read(before, 'deploy/helm/services.json')).map((s) => s.ports),
      ...localServices(read(before, 'scripts/lib/services.sh')),
    ];
    ports = { grpc: 50060, http: 3060 };
    while (taken.some((t) => t.grpc === ports.grpc || t.http === ports.http))
      ports = { grpc: ports.grpc + 1, http: ports.http + 1 };
    tree = realWorkspace();
    await serviceGenerator(tree, { name: NAME, skipProtoGen: true });
  });

  it('writes the service, its proto package and its end-to-end suite, and nothing it does not list', () => {
    const created = tree
      .listChanges()
      .filter((change) => change.type === 'CREATE')
      .map((change) => change.path)
      .sort();

    expect(created).toEqual(
      [
        'services/sample-intake/package.json',
        'services/sample-intake/tsconfig.json',
        'services/sample-intake/jest.config.js',
        'services/sample-intake/jest.int.config.js',
        'services/sample-intake/Dockerfile',
        'services/sample-intake/src/main.ts',
        'services/sample-intake/src/instrumentation.ts',
        'services/sample-intake/src/sample-intake.module.ts',
        'services/sample-intake/src/context-dependencies.spec.ts',
        'services/sample-intake/src/config/sample-intake.config.ts',
        'services/sample-intake/src/config/sample-intake.config.spec.ts',
        'services/sample-intake/src/database/sample-intake-data-source.ts',
        'services/sample-intake/src/database/sample-intake-data-source.int-spec.ts',
        'services/sample-intake/src/database/migrate.ts',
        'services/sample-intake/src/service-info/domain/service-info.ts',
        'services/sample-intake/src/service-info/domain/service-info.spec.ts',
        'services/sample-intake/src/service-info/domain/schema-state.repository.ts',
        'services/sample-intake/src/service-info/application/describe-service/describe-service.use-case.ts',
        'services/sample-intake/src/service-info/application/describe-service/describe-service.use-case.spec.ts',
        'services/sample-intake/src/service-info/infrastructure/persistence/schema-state.typeorm-repository.ts',
        'services/sample-intake/src/service-info/contracts/service-info.proto-mapper.ts',
        'services/sample-intake/src/service-info/interface/grpc/service-info.grpc.controller.ts',
        'proto/medgrid/sample_intake/v1/sample_intake_service.proto',
        'tests/e2e/src/sample-intake-harness.ts',
        'tests/e2e/src/sample-intake.int-spec.ts',
        ...Object.keys(serviceChartFiles({ ...anEntry(), name: NAME })).map(
          (file) => `deploy/helm/sample-intake/${file}`,
        ),
      ].sort(),
    );
  });

  it('makes a service that starts like the others: telemetry first, its config, data source, context and gRPC', () => {
    const main = read(tree, 'services/sample-intake/src/main.ts');

    expect(main.split('\n')[0]).toBe("import './instrumentation';");
    expect(main).toContain("void runService(\n  'sample-intake',\n  () => loadSampleIntakeConfig(),");
    expect(main).toContain('sampleIntakeDataSource(c.DATABASE_URL, c.DATABASE_POOL_SIZE)');
    expect(main).toContain('contexts: [SampleIntakeModule]');
    expect(main).toContain(
      'grpc: { controllers: [ServiceInfoGrpcController], institutions: RegistryViewInstitutionDirectory }',
    );
    expect(main).toContain(
      'eventHandlers: [InstitutionChangedKafkaConsumer, MedicalGroupChangedKafkaConsumer]',
    );
    expect(read(tree, 'services/sample-intake/src/instrumentation.ts')).toContain(
      "instrumentService('sample-intake');",
    );
    expect(read(tree, 'services/sample-intake/src/config/sample-intake.config.ts')).toContain(
      `platformEnv({ grpcPort: ${ports.grpc}, httpPort: ${ports.http} })`,
    );
    const dataSource = read(tree, 'services/sample-intake/src/database/sample-intake-data-source.ts');
    expect(dataSource).toContain(
      'SAMPLE_INTAKE_MIGRATIONS = [\n  CreateMessagingTables1732300000000,\n  CreateAuditLog1732300000002,\n  CreateRegistryViewTables1732600000000,\n  RegistryViewCities1733300000001,\n  CreateClientRequestLog1733500000001,\n  RegistryViewPractitioners1734100000001,\n]',
    );
    expect(dataSource).toContain(
      'SAMPLE_INTAKE_ENTITIES = [\n  OutboxOrmEntity,\n  InboxOrmEntity,\n  ...REGISTRY_VIEW_ENTITIES,\n  AuditLogOrmEntity,\n  ClientRequestOrmEntity,\n]',
    );
    expect(read(tree, 'services/sample-intake/src/sample-intake.module.ts')).toMatch(
      /providers: \[[^\]]*ClientRequests,/,
    );
    expect(dataSource).toContain("applicationName: 'sample-intake'");
    expect(read(tree, 'services/sample-intake/src/database/migrate.ts')).toContain(
      "runMigrationCommand('sample-intake', sampleIntakeDataSource);",
    );
    expect(
      read(tree, 'services/sample-intake/src/service-info/interface/grpc/service-info.grpc.controller.ts'),
    ).toContain(
      "'medgrid.sample_intake.v1.SampleIntakeService', sampleIntakeServiceV1.SampleIntakeServiceService, {\n" +
        '      // rpc DescribeSampleIntakeService\n      describeSampleIntakeService: async',
    );
  });

  it('makes an npm workspace package like the other services, tagged for the module boundaries', () => {
    const pkg = json<{ name: string; scripts: object; nx: { tags: string[] } }>(
      tree,
      'services/sample-intake/package.json',
    );
    const referral = json<{ scripts: object }>(before, 'services/referral/package.json');

    expect(pkg.name).toBe('@medgrid/sample-intake');
    expect(pkg.nx.tags).toEqual(['scope:sample-intake', 'type:app']);
    expect(pkg.scripts).toEqual(referral.scripts);
    expect(read(tree, 'services/sample-intake/jest.config.js')).toBe(
      read(before, 'services/referral/jest.config.js'),
    );
    expect(read(tree, 'services/sample-intake/tsconfig.json')).toBe(
      read(before, 'services/referral/tsconfig.json'),
    );
  });

  it('declares the proto package medgrid.sample_intake.v1 with SampleIntakeService.DescribeSampleIntakeService', () => {
    const proto = read(tree, 'proto/medgrid/sample_intake/v1/sample_intake_service.proto');

    expect(proto).toContain('package medgrid.sample_intake.v1;');
    expect(proto).toContain('service SampleIntakeService {');
    // Named after the service: every RPC of the platform has a client method of its own (e2e rpc-callers).
    expect(proto).toContain(
      'rpc DescribeSampleIntakeService(DescribeSampleIntakeServiceRequest) returns (DescribeSampleIntakeServiceResponse);',
    );
    expect(read(tree, 'libs/contracts/src/index.ts')).toContain(
      "export * as sampleIntakeServiceV1 from './generated/medgrid/sample_intake/v1/sample_intake_service.pb';\n",
    );
  });

  it('registers the service in the Helm charts: its own chart from services.json, and the umbrella', () => {
    const entry = parseServices(read(tree, 'deploy/helm/services.json')).at(-1)!;
    expect(entry).toMatchObject({ name: NAME, ports });
    expect(entry.values?.map((v) => [v.path, v.env])).toEqual([
      ['outbox.relayEnabled', 'OUTBOX_RELAY_ENABLED'],
    ]);
    for (const [file, content] of Object.entries(serviceChartFiles(entry)))
      expect(read(tree, `deploy/helm/sample-intake/${file}`)).toBe(content);
    expect(read(tree, 'deploy/helm/sample-intake/values.yaml')).toContain(
      `containerPorts:\n  ## @param containerPorts.grpc GRPC_PORT: gRPC port in the container\n  grpc: ${ports.grpc}\n`,
    );

    expect(read(tree, 'deploy/helm/medgrid/Chart.yaml')).toMatch(
      /\n {2}- name: sample-intake\n {4}version: 0\.1\.0\n {4}repository: file:\/\/\.\.\/sample-intake\n {4}condition: sample-intake\.enabled\n$/,
    );
    const values = read(tree, 'deploy/helm/medgrid/values.yaml');
    expect(values).toContain(
      'sample-intake:\n  ## @param sample-intake.enabled Deploy the sample-intake service\n  enabled: true\n',
    );
    // After the last service's whole block: what the umbrella sets for the gateway stays the gateway's.
    expect(values).toMatch(
      /\ngateway:\n {2}## @param gateway\.enabled .*\n {2}enabled: true\n(?: {2}.*\n)* {4}paymentAddress: /,
    );
    expect(values).toContain(
      '    - name: sample_intake\n      owner: sample_intake\n      passwordSecret: medgrid-sample-intake-database\n',
    );
    expect(values).toContain(
      '    - name: medgrid.sample-intake.sample-intake.v1\n      partitions: 3\n      compacted: false\n      retentionDays: 30\n',
    );
    const schema = json<{ properties: Record<string, { properties?: { enabled?: object } }> }>(
      tree,
      'deploy/helm/medgrid/values.schema.json',
    );
    expect(schema.properties['sample-intake']?.properties?.enabled).toEqual({
      type: 'boolean',
      description: 'Deploy sample-intake',
    });
    const lastBefore = parseServices(read(before, 'deploy/helm/services.json')).at(-1)!.name;
    expect(Object.keys(schema.properties).indexOf('sample-intake')).toBe(
      Object.keys(schema.properties).indexOf(lastBefore) + 1,
    );
    expect(read(tree, 'deploy/helm/medgrid/templates/_helpers.tpl')).toMatch(
      /\{\{- define "medgrid\.services" -\}\}\n[a-z -]+ sample-intake\n\{\{- end -\}\}/,
    );
  });

  it('writes its container image as service-images.js writes the others, from the packages it needs', () => {
    const entry = parseServices(read(tree, 'deploy/helm/services.json')).at(-1)!;
    const image = read(tree, 'services/sample-intake/Dockerfile');

    expect(image).toBe(
      dockerfile(
        entry,
        workspacePackages(
          (path) => tree.read(path, 'utf-8'),
          (dir) => tree.children(dir),
        ),
      ),
    );
    expect(image).toContain('COPY services/sample-intake/package.json services/sample-intake/\n');
    expect(image).toContain(
      'COPY --from=build /medgrid/libs/platform/registry-view/dist/ libs/platform/registry-view/dist/\n',
    );
    expect(image).toContain(`EXPOSE ${ports.grpc} ${ports.http}\n`);
    expect(image).toContain('CMD ["node", "services/sample-intake/dist/main.js"]\n');
  });

  it('registers it with the scripts, the lint boundaries, the topics and the end-to-end project', () => {
    expect(read(tree, 'scripts/lib/services.sh')).toContain(
      ` "sample-intake:${ports.grpc}:${ports.http}")\n`,
    );
    expect(read(tree, 'scripts/postgres.sh')).toMatch(/^MEDGRID_PG_DATABASES=".* medgrid_sample_intake"$/m);
    expect(read(tree, 'eslint.config.mjs')).toContain(
      "  { sourceTag: 'scope:sample-intake', onlyDependOnLibsWithTags: ['scope:sample-intake', 'scope:shared'] },\n",
    );
    expect(read(tree, 'libs/contracts/src/topics.ts')).toContain(
      "  sampleIntake: defineTopic({\n    name: 'medgrid.sample-intake.sample-intake.v1',",
    );
    const e2e = json<{ nx: { implicitDependencies: string[] } }>(tree, 'tests/e2e/package.json');
    expect(e2e.nx.implicitDependencies.at(-1)).toBe('@medgrid/sample-intake');
    const harness = read(tree, 'tests/e2e/src/sample-intake-harness.ts');
    expect(harness).toContain('this.client.describeSampleIntakeService');
    expect(harness).toContain("migrateUp('sample-intake', this.db.url)");
    expect(harness).toContain("ServiceProcess.onFreePorts(\n      'sample-intake',\n      serviceEnv(");
    expect(read(tree, 'tests/e2e/src/sample-intake.int-spec.ts')).toContain(
      'expectEveryCallRefusedForTheClaimedGroup',
    );
  });

  it('records the new workspace package in the lockfile as npm would, keys in npm order', () => {
    const lock = json<{ packages: Record<string, unknown> }>(tree, 'package-lock.json');
    const keys = Object.keys(lock.packages);

    expect(lock.packages['services/sample-intake']).toMatchObject({
      name: '@medgrid/sample-intake',
      version: '0.1.0',
      dependencies: { '@medgrid/idempotency': '*', '@medgrid/service': '*' },
      devDependencies: { '@medgrid/testing': '*' },
    });
    expect(lock.packages['node_modules/@medgrid/sample-intake']).toEqual({
      resolved: 'services/sample-intake',
      link: true,
    });
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('documents its ports in README.md and deploy/helm/README.md', () => {
    expect(read(tree, 'README.md')).toContain(
      `| sample-intake | gRPC \`127.0.0.1:${ports.grpc}\`, HTTP \`127.0.0.1:${ports.http}\` |`,
    );
    const helm = read(tree, 'deploy/helm/README.md');
    expect(helm).toContain(`| sample-intake | ${ports.grpc} | ${ports.http} |`);
    expect(helm).toContain('| sample-intake database URL |');
    expect(helm).toMatch(/for chart in [a-z -]+ sample-intake medgrid; do/);
  });

  it('gives its RPC a row of the access matrix: every verified caller, no caller without a valid token', () => {
    // Prettier (formatFiles) pads the table's columns.
    expect(read(tree, 'docs/access-matrix.md')).toMatch(
      /\| sample-intake +\| `sample_intake\.v1\.SampleIntakeService\/DescribeSampleIntakeService` +(\| A +){5}(\| U +){3}\| +\|\n/,
    );
  });

  it('edits only the shared files it lists', () => {
    const updated = tree
      .listChanges()
      .filter((change) => change.type === 'UPDATE')
      .map((change) => change.path)
      .sort();

    expect(updated).toEqual(
      [
        'README.md',
        'deploy/helm/README.md',
        'deploy/helm/medgrid/Chart.yaml',
        'deploy/helm/medgrid/templates/_helpers.tpl',
        'deploy/helm/medgrid/values.schema.json',
        'docs/access-matrix.md',
        'deploy/helm/medgrid/values.yaml',
        'deploy/helm/services.json',
        'eslint.config.mjs',
        'libs/contracts/src/index.ts',
        'libs/contracts/src/topics.ts',
        'package-lock.json',
        'scripts/lib/services.sh',
        'scripts/postgres.sh',
        'tests/e2e/package.json',
      ].sort(),
    );
  });

  it('refuses a name that exists, changing nothing: a second run, or an existing service', async () => {
    const changes = tree.listChanges().length;

    await expect(serviceGenerator(tree, { name: NAME, skipProtoGen: true })).rejects.toThrow(
      /a service named "sample-intake" already exists \(services\/sample-intake, deploy\/helm\/sample-intake, .*\): nothing was changed/,
    );
    expect(tree.listChanges()).toHaveLength(changes);

    const fresh = realWorkspace();
    await expect(serviceGenerator(fresh, { name: 'referral', skipProtoGen: true })).rejects.toThrow(
      /a service named "referral" already exists/,
    );
    expect(fresh.listChanges()).toEqual([]);
  });

  it.each(['testing', 'e2e', 'medgrid-common', 'tools'])(
    'refuses %s, the name of a workspace package or a Helm folder',
    async (name) => {
      const fresh = realWorkspace();

      await expect(serviceGenerator(fresh, { name, skipProtoGen: true })).rejects.toThrow(/already exists/);
      expect(fresh.listChanges()).toEqual([]);
    },
  );

  it('gives a second new service the next ports and an RPC of its own', async () => {
    const both = realWorkspace();
    await serviceGenerator(both, { name: NAME, skipProtoGen: true });

    await serviceGenerator(both, { name: 'other-probe', aggregate: 'probe-result', skipProtoGen: true });

    expect(parseServices(read(both, 'deploy/helm/services.json')).at(-1)).toMatchObject({
      name: 'other-probe',
      ports: { grpc: ports.grpc + 1, http: ports.http + 1 },
    });
    expect(read(both, 'proto/medgrid/other_probe/v1/other_probe_service.proto')).toContain(
      'rpc DescribeOtherProbeService(',
    );
    expect(read(both, 'libs/contracts/src/topics.ts')).toContain(
      "  otherProbeProbeResult: defineTopic({\n    name: 'medgrid.other-probe.probe-result.v1',",
    );
  });

  it('refuses a name that is not kebab-case', async () => {
    await expect(serviceGenerator(realWorkspace(), { name: 'LabSharing' })).rejects.toThrow(/kebab-case/);
  });
});

describe(serviceNames.name, () => {
  it('spells a kebab-case name for folders, classes, functions and the proto package', () => {
    expect(serviceNames('lab-sharing')).toEqual({
      name: 'lab-sharing',
      className: 'LabSharing',
      propertyName: 'labSharing',
      snakeName: 'lab_sharing',
    });
    expect(serviceNames('pharmacy').className).toBe('Pharmacy');
  });
});

function anEntry() {
  return {
    name: NAME,
    summary: 's.',
    description: 'd',
    version: '0.1.0',
    appVersion: '0.1.0',
    ports: { grpc: 1, http: 2 },
  };
}
