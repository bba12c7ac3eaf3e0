/**
 * Where each kind of service code goes, by the role its file name carries
 * (docs/conventions.md, "A service"): `kebab-case.<role>.ts`, and a role only
 * in the folder that holds that kind of code. A command lives in
 * `<context>/application/<verb-noun>/<verb-noun>.command.ts`, a repository
 * port in `<context>/domain/<aggregate>.repository.ts`, a TypeORM repository
 * in `<context>/infrastructure/persistence/`, and so on. Tests are named after
 * their subject (`x.command.spec.ts`, `x.typeorm-repository.int-spec.ts`) and
 * judged as their subject is.
 */

/** The places of a service's `src/`, each with the roles its files may have ('' is a plain name). */
type Place =
  | 'root'
  | 'config'
  | 'database'
  | 'migrations'
  | 'free'
  | 'context'
  | 'domain'
  | 'application'
  | 'operation'
  | 'persistence'
  | 'messaging'
  | 'grpc'
  | 'http'
  | 'grpc-client'
  | 'security'
  | 'kafka'
  | 'timer'
  | 'contracts';

const ROLES: Readonly<Record<Exclude<Place, 'free'>, readonly string[]>> = {
  root: ['', 'module'],
  config: ['config'],
  database: [''],
  migrations: [''],
  context: ['module'],
  // Referral's starter catalogue keeps each group of diseases' criteria as data of the domain.
  domain: ['', 'repository', 'criteria'],
  application: ['', 'policy'],
  operation: ['command', 'use-case', 'query'],
  persistence: ['orm-entity', 'mapper', 'typeorm-repository'],
  messaging: ['publisher', 'listener'],
  grpc: ['grpc.controller'],
  http: ['http.controller', 'guard', 'filter', 'dto'],
  'grpc-client': ['', 'grpc-client'],
  security: [''],
  kafka: ['kafka.consumer'],
  timer: ['timer'],
  contracts: ['proto-mapper'],
};

/** What a place's files are, for the message about a file that is not one. */
const FORMS: Readonly<Record<Exclude<Place, 'free'>, string>> = {
  root: 'main.ts, instrumentation.ts or a module',
  config: '<service>.config.ts',
  database: '<service>-data-source.ts or migrate.ts',
  migrations: '<timestamp>-<what>.ts',
  context: '<context>.module.ts',
  domain: 'plain TypeScript (<aggregate>.ts, <context>-error.ts, ...) and <aggregate>.repository.ts',
  application:
    '<context>-access.policy.ts and what several operations share; an operation has its own folder',
  operation: '<verb-noun>.command.ts, <verb-noun>.use-case.ts and <verb-noun>.query.ts',
  persistence: '<table>.orm-entity.ts, <aggregate>.mapper.ts and <aggregate>.typeorm-repository.ts',
  messaging: '<x>.publisher.ts and <x>.listener.ts',
  grpc: '<x>.grpc.controller.ts',
  http: '<x>.http.controller.ts, <x>.guard.ts, <x>.filter.ts and <x>.dto.ts',
  'grpc-client': '<service>.grpc-client.ts and what the calls to other services share',
  security: 'password hashing, identity provider clients',
  kafka: '<event>.kafka.consumer.ts',
  timer: '<x>.timer.ts',
  contracts: '<x>.proto-mapper.ts',
};

/** Where a role's files go, for the message about one found elsewhere. */
const HOME_OF: Readonly<Record<string, string>> = {
  module: '<context>/<context>.module.ts',
  config: 'config/<service>.config.ts',
  repository: '<context>/domain/<aggregate>.repository.ts (the port, an abstract class)',
  ports: '<context>/domain/<aggregate>.repository.ts (the port, an abstract class)',
  policy: '<context>/application/<context>-access.policy.ts',
  command: '<context>/application/<verb-noun>/<verb-noun>.command.ts',
  'use-case': '<context>/application/<verb-noun>/<verb-noun>.use-case.ts',
  query: '<context>/application/<verb-noun>/<verb-noun>.query.ts',
  'orm-entity': '<context>/infrastructure/persistence/<table>.orm-entity.ts',
  mapper: '<context>/infrastructure/persistence/<aggregate>.mapper.ts',
  'typeorm-repository': '<context>/infrastructure/persistence/<aggregate>.typeorm-repository.ts',
  publisher: '<context>/infrastructure/messaging/<x>.publisher.ts',
  listener: '<context>/infrastructure/messaging/<x>.listener.ts',
  'grpc.controller': '<context>/interface/grpc/<x>.grpc.controller.ts',
  'http.controller': '<context>/interface/http/<x>.http.controller.ts',
  'grpc-client': '<context>/infrastructure/grpc-client/<service>.grpc-client.ts',
  'kafka.consumer': '<context>/interface/kafka/<event>.kafka.consumer.ts (one consumer a file)',
  timer: '<context>/interface/timer/<x>.timer.ts',
  'proto-mapper': '<context>/contracts/<x>.proto-mapper.ts',
};

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIGRATION = /^\d{13}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The place of a folder of `src/`, or why no code goes there. */
function placeOf(folders: readonly string[]): { place: Place } | { problem: string } {
  const [top, layer, sub, ...deeper] = folders;
  const at = (place: Place) => ({ place });
  if (top === undefined) return at('root');
  // A service's own shared kernel, test support and demo loaders name their files freely.
  if (top === 'common' || top === 'demo' || folders.includes('test')) return at('free');
  if (top === 'config') return at('config');
  if (top === 'database') return at(layer === 'migrations' ? 'migrations' : 'database');
  switch (layer) {
    case undefined:
      return at('context');
    case 'domain':
      return at('domain');
    case 'contracts':
      return at('contracts');
    case 'application':
      if (sub === undefined) return at('application');
      return deeper.length === 0 ? at('operation') : { problem: 'an operation folder has no sub-folders' };
    case 'infrastructure':
      if (sub === 'persistence' || sub === 'messaging' || sub === 'grpc-client' || sub === 'security') {
        return at(sub);
      }
      return {
        problem:
          'infrastructure code goes in infrastructure/persistence/, messaging/, grpc-client/ or security/',
      };
    case 'interface':
      if (sub === 'grpc' || sub === 'http' || sub === 'kafka' || sub === 'timer') return at(sub);
      return {
        problem: 'adapters go in interface/grpc/, interface/http/, interface/kafka/ or interface/timer/',
      };
    default:
      return {
        problem: `a context's code goes in domain/, application/, infrastructure/, interface/ or contracts/, not ${layer}/`,
      };
  }
}

/**
 * What is wrong with the name or place of a file of a service's `src/` (`path` relative to it,
 * e.g. "organisation/application/register-city/register-city.command.ts"), or null.
 */
export function fileRoleProblem(path: string): string | null {
  const folders = path.split('/');
  const file = folders.pop()!;
  if (!file.endsWith('.ts')) return null;
  const subject = file.replace(/\.(int-)?spec\.ts$|\.ts$/, '');
  const [base = '', ...roleParts] = subject.split('.');
  const role = roleParts.join('.');
  if (!KEBAB.test(base) || !roleParts.every((part) => KEBAB.test(part))) {
    return `${file} is not kebab-case.<role>.ts`;
  }
  const found = placeOf(folders);
  if ('problem' in found) return found.problem;
  const { place } = found;
  if (place === 'free') return null;
  if (place === 'migrations' && !MIGRATION.test(base)) {
    return `${file} is not <timestamp>-<what>.ts`;
  }
  if (!ROLES[place].includes(role)) {
    const what = role === '' ? 'a plain name' : `a .${role}.ts`;
    const where = HOME_OF[role] ? `it goes in ${HOME_OF[role]}` : `files there are ${FORMS[place]}`;
    return `${what} does not belong in ${folders.join('/') || 'src'}/: ${where}`;
  }
  if (place === 'operation' && base !== folders[2]) {
    return `${file} is in ${folders[2]}/: an operation's files are named after its folder (<verb-noun>/<verb-noun>.${role}.ts)`;
  }
  return null;
}
