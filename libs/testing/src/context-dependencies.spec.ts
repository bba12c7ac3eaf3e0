import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { contextDependencies, upwardImports } from './context-dependencies';

/** A service's src/ with the given files, each `path: content`. */
function srcWith(files: Record<string, string>): string {
  const src = mkdtempSync(join(tmpdir(), 'context-dependencies-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), content);
  }
  return src;
}

describe(upwardImports.name, () => {
  const sut = upwardImports;
  const made: string[] = [];
  const src = (files: Record<string, string>) => {
    made.push(srcWith(files));
    return made.at(-1)!;
  };

  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('finds an import, a re-export or a dynamic import of a context listed after the importing one', () => {
    const dir = src({
      'common/access.ts': `import { Order } from '../orders/domain/order';\n`,
      'orders/domain/order.ts': `export { Centre } from '../../centres/centre';\n`,
      'centres/centre.ts': `const lazy = () => import('../orders/domain/order');\n`,
    });

    expect(sut(dir, ['common', 'centres', 'orders'])).toEqual([
      'common/access.ts imports orders: ../orders/domain/order',
      'centres/centre.ts imports orders: ../orders/domain/order',
    ]);
  });

  it('lets a context import itself, the contexts before it, libraries and folders that are not contexts', () => {
    const dir = src({
      'orders/domain/order.ts': [
        `import { Centre } from '../../centres/centre';`,
        `import { type Kind } from '../../common/kind';`,
        `import { type Line } from './line';`,
        `import { config } from '../../config/config';`,
        `import { Injectable } from '@nestjs/common';`,
      ].join('\n'),
    });

    expect(sut(dir, ['common', 'centres', 'orders'])).toEqual([]);
  });

  it('skips a listed context that has no folder yet', () => {
    const dir = src({ 'common/kind.ts': `export type Kind = 'x';\n` });

    expect(sut(dir, ['common', 'results'])).toEqual([]);
  });
});

describe(contextDependencies.name, () => {
  const sut = contextDependencies;
  let dir = '';

  beforeAll(() => {
    dir = srcWith({
      'common/kind.ts': `export type Kind = 'x';\n`,
      'centres/centre.ts': `import { Order } from '../orders/order';\n`,
      'orders/order.ts': '',
      'stray/thing.ts': '',
      'config/config.ts': '',
      'test/fixtures.ts': '',
      'main.ts': '',
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers three empty lists for contexts that depend one way, all listed, the left-out folders apart', () => {
    expect(sut(dir, ['common', 'orders', 'centres', 'stray'], ['config', 'test'])).toEqual({
      upwardImports: [],
      unlistedFolders: [],
      missingContexts: [],
    });
  });

  it('answers the imports upwards, the folders not listed and the listed contexts with no folder', () => {
    expect(sut(dir, ['common', 'centres', 'orders', 'results'], ['config', 'test'])).toEqual({
      upwardImports: ['centres/centre.ts imports orders: ../orders/order'],
      unlistedFolders: ['stray'],
      missingContexts: ['results'],
    });
  });
});
