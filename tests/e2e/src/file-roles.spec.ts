import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileRoleProblem } from './file-roles';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Files of referral and scheduling that others are converting now (docs/conventions.md, "Where
 * the code stands"): strike a line when its file is renamed or moved. Registry has none.
 */
const BEING_CONVERTED = new Set<string>([]);

/** Every .ts file under services/<service>/src, tracked or not, relative to the repository. */
function serviceFiles(): string[] {
  return readdirSync(join(ROOT, 'services'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((service) => {
      const src = join(ROOT, 'services', service.name, 'src');
      try {
        return readdirSync(src, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
          .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
      } catch {
        return [];
      }
    });
}

describe(fileRoleProblem.name, () => {
  const sut = fileRoleProblem;

  it.each([
    'main.ts',
    'instrumentation.ts',
    'scheduling.module.ts',
    'context-dependencies.spec.ts',
    'config/registry.config.ts',
    'database/migrate.ts',
    'database/registry-data-source.ts',
    'database/referral-data-source.int-spec.ts',
    'database/migrations/1732400000001-create-organisation-tables.ts',
    'organisation/organisation.module.ts',
    'organisation/domain/medical-group.ts',
    'organisation/domain/medical-group.spec.ts',
    'organisation/domain/institution.repository.ts',
    'organisation/domain/organisation-error.ts',
    'organisation/domain/organisation-event-publisher.ts',
    'organisation/application/organisation-access.policy.ts',
    'organisation/application/organisation-access.policy.spec.ts',
    'organisation/application/membership-step.ts',
    'organisation/application/register-city/register-city.command.ts',
    'organisation/application/register-city/register-city.command.spec.ts',
    'organisation/application/register-city/register-city.use-case.ts',
    'organisation/application/get-institution/get-institution.query.ts',
    'organisation/infrastructure/persistence/institution.orm-entity.ts',
    'organisation/infrastructure/persistence/institution.mapper.ts',
    'organisation/infrastructure/persistence/institution.typeorm-repository.ts',
    'organisation/infrastructure/persistence/institution.typeorm-repository.int-spec.ts',
    'organisation/infrastructure/messaging/organisation-outbox.publisher.ts',
    'organisation/interface/grpc/organisation.grpc.controller.ts',
    'accounts/interface/http/auth.http.controller.ts',
    'accounts/interface/http/session.guard.ts',
    'accounts/infrastructure/security/argon2-password-hasher.ts',
    'portal/infrastructure/grpc-client/referral.grpc-client.ts',
    'holds/interface/kafka/referral-declined.kafka.consumer.ts',
    'booking/interface/timer/hold-expiry.timer.ts',
    'organisation/contracts/organisation.proto-mapper.ts',
    'criteria/domain/starter/endocrine.criteria.ts',
    'criteria/test/disease-criteria.factory.ts',
    'test/registry-fixtures.ts',
    'common/persistence/name-keyset.ts',
    'demo/demo-city.loader.ts',
    'organisation/README.md',
  ])('lets %s be', (path) => {
    expect(sut(path)).toBeNull();
  });

  it.each([
    [
      'organisation/domain/organisation.ports.ts',
      /\.ports\.ts does not belong in organisation\/domain\/.*\.repository\.ts/,
    ],
    ['organisation/application/queries/organisation-queries.ts', /a plain name does not belong/],
    [
      'organisation/application/change-membership.use-case.ts',
      /application\/<verb-noun>\/<verb-noun>\.use-case\.ts/,
    ],
    ['organisation/application/register-city/register-city.ts', /a plain name does not belong/],
    ['organisation/application/change-membership/add-membership.command.ts', /named after its folder/],
    ['organisation/application/register-city/x/register-city.command.ts', /no sub-folders/],
    [
      'organisation/infrastructure/persistence/client-request.typeorm-log.ts',
      /\.typeorm-log\.ts does not belong/,
    ],
    ['schedules/infrastructure/session.sql.ts', /infrastructure\/persistence\//],
    ['booking/infrastructure/booking.sql-repository.ts', /infrastructure\/persistence\//],
    ['organisation/infrastructure/persistence/organisation-repository.ts', /a plain name does not belong/],
    ['referrals/interface/timer/referral-clock.ts', /<x>\.timer\.ts/],
    ['holds/interface/kafka/referral.kafka.consumers.ts', /\.kafka\.consumers\.ts does not belong/],
    ['organisation/interface/grpc/organisation.controller.ts', /\.controller\.ts does not belong/],
    ['organisation/utils/strings.ts', /not utils\//],
    ['organisation/domain/medicalGroup.ts', /not kebab-case/],
    ['database/migrations/create-tables.ts', /<timestamp>-<what>\.ts/],
    ['organisation/orgs.module.ts', null],
    ['organisation/domain/institution.orm-entity.ts', /infrastructure\/persistence\/<table>\.orm-entity\.ts/],
  ])('refuses %s', (path, why) => {
    if (why === null) expect(sut(path)).toBeNull();
    else expect(sut(path)).toMatch(why);
  });
});

describe('service files', () => {
  it('are named kebab-case.<role>.ts and each role is in its folder (referral and scheduling: but for those being converted)', () => {
    const problems = serviceFiles()
      .filter((file) => !BEING_CONVERTED.has(file))
      .flatMap((file) => {
        const problem = fileRoleProblem(file.split('/').slice(3).join('/'));
        return problem === null ? [] : [`${file}: ${problem}`];
      });

    expect(problems).toEqual([]);
  });
});
