import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { type Response } from 'express';

/**
 * Where `nx run @medgrid/portal:build` writes the portal. The same from src/common (tests) and
 * dist/common (the service), so the built gateway finds the portal built beside it.
 */
export const PORTAL_DIST_DIR = resolve(__dirname, '../../../../apps/portal/dist');

/** Paths the portal's page never answers: the API and the probes keep their own 404s. */
export const NOT_PORTAL_PATHS = ['/api/{*path}', '/health/{*path}', '/metrics'];

/**
 * The built portal at `/`: its files, and index.html for any other path (a deep link such as
 * /referrals/<id> is the browser app's route). None when the portal was not built, so a gateway
 * built alone (its tests, a service-only image) still starts.
 */
export function portalStaticModules(root: string = PORTAL_DIST_DIR): DynamicModule[] {
  if (!existsSync(join(root, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: root,
      exclude: NOT_PORTAL_PATHS,
      serveStaticOptions: {
        // Vite names the bundles by content hash, so they never change; index.html must be read again.
        setHeaders: (response: Response, path: string) =>
          response.setHeader(
            'cache-control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          ),
      },
    }),
  ];
}
