import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { CreateAccountCommand } from '../accounts/application/create-account/create-account.command';
import { CreateAccountUseCase } from '../accounts/application/create-account/create-account.use-case';
import { AccountsError, AccountsErrorCode } from '../accounts/domain/accounts-error';
import { PortalUserTypeormRepository } from '../accounts/infrastructure/persistence/portal-user.typeorm-repository';
import { Argon2PasswordHasher } from '../accounts/infrastructure/security/argon2-password-hasher';
import { gatewayDataSource } from './gateway-data-source';

const USAGE = `Creates a city operator of the portal (the first account; the others are made by it).

  DATABASE_URL=postgres://… node services/gateway/dist/database/create-operator.js \\
    --username operator.gz --display-name 广州市卫健委运营 --city <city uuid> [--if-absent] < password-file

The password comes from MEDGRID_OPERATOR_PASSWORD or, when that is unset, from standard input
(its first line); there is no default. At least 12 characters. --if-absent answers success,
changing nothing, when the username exists (scripts/up.sh runs it on every start).`;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.MEDGRID_OPERATOR_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      city: { type: 'string' },
      'if-absent': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const command = CreateAccountCommand.from({
    username: values.username ?? '',
    displayName: values['display-name'] ?? values.username ?? '',
    role: 'city-operator',
    cityId: values.city ?? '',
    password: await readPassword(),
  });
  const dataSource = gatewayDataSource(url, 1);
  await dataSource.initialize();
  try {
    const memory = Number(process.env.PASSWORD_HASH_MEMORY_KIB ?? 65_536);
    const useCase = new CreateAccountUseCase(
      new PortalUserTypeormRepository(dataSource),
      new Argon2PasswordHasher(memory),
    );
    const user = await useCase.execute(command);
    process.stdout.write(`created city operator ${user.username} (${user.id})\n`);
  } catch (error) {
    if (
      values['if-absent'] &&
      error instanceof AccountsError &&
      error.code === AccountsErrorCode.UsernameTaken
    ) {
      process.stdout.write(`city operator ${command.username} exists; unchanged\n`);
      return;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const violations = (error as { violations?: { field: string; description: string }[] }).violations;
  const text = violations?.length
    ? violations.map((v) => `${v.field}: ${v.description}`).join('\n')
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`create-operator: ${text}\n`);
  process.exit(1);
});
