import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outsideReferences } from './outside-references';

/**
 * The repository stands on its own: no tracked file points to a document a
 * reader of the repository does not have (see outside-references.ts). Every
 * file git tracks is read, code, scripts, charts and docs alike, so a comment,
 * an alert text or a README cannot bring such a reference back.
 */
const ROOT = join(__dirname, '..', '..', '..');

/** The detector and this test spell the patterns out; the lockfile is not ours to write. */
const SKIPPED = new Set([
  'package-lock.json',
  'tests/e2e/src/outside-references.ts',
  'tests/e2e/src/self-contained.spec.ts',
]);

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => file !== '' && !SKIPPED.has(file));
}

/** The file's text, or null for a binary file (a NUL byte) or one deleted but not yet unstaged. */
function textOf(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(ROOT, file));
  } catch {
    return null;
  }
  return bytes.includes(0) ? null : bytes.toString('utf8');
}

describe(outsideReferences.name, () => {
  const sut = outsideReferences;

  it.each([
    ['README.md', 'The domain is in `../shared/domain.md`; the decisions in `../shared/architecture.md`.'],
    ['scripts/x.sh', 'read /work/shared/seeds/000_x.txt first'],
    ['libs/a/src/b.ts', '/** Exhaustive map from error category to gRPC status (style rule 7). */'],
    ['eslint.config.mjs', "message: 'The domain layer is plain TypeScript (Style rule 3).',"],
    ['deploy/helm/x.yaml', 'description: "not completed within its deadline (domain §3, the 48-hour rule)."'],
    ['services/a/src/b.ts', '/** Policy numbers of the referral context (domain brief §3). */'],
    ['libs/kernel/src/local-date.ts', ' * Clinic dates are local dates in Asia/Shanghai (architecture: data'],
    ['libs/contracts/src/topics.ts', ' * one per aggregate stream (architecture: "How'],
    [
      'deploy/helm/_migrations.tpl',
      'Schema migrations as a Helm hook Job (toolchain notes: no migrationsRun',
    ],
    ['deploy/helm/tools/v.mjs', '// The metrics the alerts are built on (the brief for this chart).'],
    ['services/a/src/c.ts', " * the group's own guide (seed 004 asks each group to derive one)"],
    ['services/a/src/d.ts', '/** A group lead hospital must be a tertiary general hospital (000, 004). */'],
    ['docs/conventions.md', 'Read style.md and toolchain.md first.'],
    ['services/a/src/e.ts', '// see architecture.md'],
  ])('finds the outside reference in %s: %s', (file, line) => {
    const found = sut(file, `first line\n${line}\n`);

    expect(found.length).toBeGreaterThan(0);
    expect(found.map((reference) => `${reference.file}:${reference.line}`)).toEqual(
      found.map(() => `${file}:2`),
    );
  });

  it.each([
    ['services/scheduling/src/booking/domain/pool.ts', "import { X } from '../../shared/scheduling-error';"],
    ['services/registry/src/a.ts', "import { requireAllowed } from '../../../shared/require-allowed';"],
    ['README.md', 'The domain is in [docs/domain.md](docs/domain.md).'],
    ['docs/architecture.md', 'The domain behind it is in [domain.md](domain.md).'],
    ['docs/decisions/0010-x.md', 'See [the domain](../domain.md).'],
    ['services/a/src/f.ts', 'function scope(domain: string, architecture: Architecture) {'],
    ['services/a/src/g.ts', 'OTLP traces arrive briefly after the span ends; the brief pause is fine.'],
    ['services/a/src/h.ts', "const birth = '19800101001X'; // order code 001"],
    ['README.md', 'DATABASE_URL=postgres://… node load-demo-city.js --residents 1000000 --seed 7'],
  ])('lets %s keep: %s', (file, line) => {
    expect(sut(file, line)).toEqual([]);
  });
});

describe('the repository stands on its own', () => {
  it('has no tracked file that points to a document outside the repository', () => {
    const found = trackedFiles().flatMap((file) => {
      const text = textOf(file);
      return text === null ? [] : outsideReferences(file, text);
    });

    expect(found.map(({ file, line, text, why }) => `${file}:${line}: "${text}" (${why})`)).toEqual([]);
  });
});
