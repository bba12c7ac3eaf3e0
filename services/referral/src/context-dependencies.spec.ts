import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Referral's two bounded contexts depend one way (docs/conventions.md, "A service"): referrals
 * judges every referral against the criteria catalogue, so criteria must never import
 * referrals. What both map to the contracts (the green channel) belongs to criteria.
 */
const SRC = __dirname;
const RELATIVE_IMPORT = /(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g;

function importsOfCriteriaInto(context: string): string[] {
  const criteria = join(SRC, 'criteria');
  return readdirSync(criteria, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .flatMap((entry) => {
      const file = join(entry.parentPath, entry.name);
      return [...readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)]
        .map((match) => match[1] ?? match[2]!)
        .filter((target) => relative(SRC, resolve(file, '..', target)).split(sep)[0] === context)
        .map((target) => `${relative(SRC, file)} imports ${target}`);
    });
}

describe('referral context dependencies', () => {
  it('point one way: criteria imports nothing of referrals', () => {
    expect(importsOfCriteriaInto('referrals')).toEqual([]);
  });

  it('are checked against a context that exists', () => {
    expect(readdirSync(SRC)).toEqual(expect.arrayContaining(['criteria', 'referrals']));
  });
});
