import { type DataSource } from 'typeorm';
import { migrationStatus, schemaDrift } from './migrations';

const USAGE = 'usage: migrate <up|down|status|check>';

/**
 * The `migrate` command of every service (scripts and the Helm pre-upgrade
 * Job call it): `up` applies pending migrations, `down` reverts the last one,
 * `status` lists them, `check` fails on pending migrations or schema drift.
 * Returns the process exit code.
 */
export async function runMigrationCli(
  dataSource: DataSource,
  args: string[],
  out = process.stdout,
): Promise<number> {
  const command = args[0] ?? 'up';
  const print = (line: string) => out.write(`${line}\n`);
  await dataSource.initialize();
  try {
    switch (command) {
      case 'up': {
        const ran = await dataSource.runMigrations({ transaction: 'each' });
        print(ran.length ? `applied ${ran.map((m) => m.name).join(', ')}` : 'schema is up to date');
        return 0;
      }
      case 'down':
        await dataSource.undoLastMigration({ transaction: 'each' });
        print('reverted the last migration');
        return 0;
      case 'status': {
        const status = await migrationStatus(dataSource);
        status.applied.forEach((name) => print(`applied  ${name}`));
        status.pending.forEach((name) => print(`pending  ${name}`));
        return 0;
      }
      case 'check': {
        const { pending } = await migrationStatus(dataSource);
        const drift = await schemaDrift(dataSource);
        if (pending.length) print(`pending migrations: ${pending.join(', ')}`);
        drift.forEach((sql) => print(`drift: ${sql}`));
        return pending.length || drift.length ? 1 : 0;
      }
      default:
        print(USAGE);
        return 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Entry of a service's migrate script: reads DATABASE_URL only, runs the CLI, exits with its code. */
export function runMigrationCommand(
  service: string,
  dataSourceFor: (url: string, poolSize?: number) => DataSource,
): void {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\/.+\/[^/]+$/.test(url)) {
    process.stderr.write(
      `${service}-migrate: DATABASE_URL must be postgres://user:password@host:port/database\n`,
    );
    process.exit(2);
  }
  runMigrationCli(dataSourceFor(url, 1), process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${service}-migrate failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
