import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Scheduling's bounded contexts, lowest first: a context may import the ones
 * below it, never one above (docs/conventions.md, "A service"). common/ is the
 * service's own kernel (errors, access rules, the registry's view of
 * hospitals) and imports no context. Where a lower context needs something
 * done above it, it owns a port (an abstract class) that the higher context
 * implements: schedules' SessionBookings, booking's ReferralHolds. config/,
 * database/ and test/ (test support) are not contexts.
 */
const LAYERS = ['common', 'capacity', 'schedules', 'booking', 'holds', 'beds', 'reports'] as const;
type Layer = (typeof LAYERS)[number];

const SRC = __dirname;
const IMPORT = /(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (path: string): Layer | null => {
  const top = relative(SRC, path).split(sep)[0] as Layer;
  return LAYERS.includes(top) ? top : null;
};

/** Every relative import that crosses into a context at or above the importing one. */
function upwardImports(): string[] {
  const found: string[] = [];
  for (const layer of LAYERS) {
    for (const file of filesUnder(join(SRC, layer))) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = layerOf(resolve(file, '..', match[1] ?? match[2]!));
        if (target && target !== layer && LAYERS.indexOf(target) > LAYERS.indexOf(layer)) {
          found.push(`${relative(SRC, file)} imports ${target}: ${match[1] ?? match[2]}`);
        }
      }
    }
  }
  return found;
}

describe(upwardImports.name, () => {
  const sut = upwardImports;

  it('finds none: each context imports only the contexts below it', () => {
    expect(sut()).toEqual([]);
  });

  it('reads every context folder', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !['config', 'database', 'test'].includes(entry.name))
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual([...LAYERS].sort());
  });
});
