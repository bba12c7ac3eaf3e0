// Shared jest settings. Tests are tiered by suffix (docs/conventions.md):
//   *.spec.ts      unit tests, no I/O, run by `test`
//   *.int-spec.ts  against the real PostgreSQL/Kafka harness, run by `test-int`
// SWC transpiles (decorator metadata on, as Nest and TypeORM need); type
// checking is its own `typecheck` target so tests stay fast.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const root = __dirname;
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(root, target),
  ]),
);
const swcConfig = JSON.parse(require('node:fs').readFileSync(path.join(root, '.swcrc'), 'utf8'));

/** @param {'unit'|'int'} tier */
module.exports = function preset(tier) {
  return {
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper,
    testRegex: tier === 'int' ? '\\.int-spec\\.ts$' : '(?<!int-)\\.spec\\.ts$',
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...(tier === 'int' ? { testTimeout: 120_000, maxWorkers: 1 } : {}),
  };
};
