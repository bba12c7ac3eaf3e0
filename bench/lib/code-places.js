// Where a profile's frame comes from, shared by the profile summaries (cpu-profile-top.js, allocation-top.js): the
// package or repository file of its script, and the library that is, as the platform's cost is discussed.
'use strict';
const { resolve, sep } = require('node:path');

/** The repository's root, as a profile's script URLs start with it. */
const ROOT = resolve(__dirname, '..', '..') + sep;

/** A module's short name: the package under node_modules, the repository path, or Node's own. */
function where(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return url;
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
}

/**
 * Packages that work together count as one library (OpenTelemetry's instrumentation hooks, pino's writers,
 * prom-client's helpers); each of our workspace libraries is one; Node's own code by area.
 */
const LIBRARIES = [
  [/^@grpc\/|^grpc-health-check$/, 'grpc-js'],
  [/^@opentelemetry\/|^require-in-the-middle$|^import-in-the-middle$|^shimmer$/, 'OpenTelemetry'],
  [
    /^pino(-.*)?$|^sonic-boom$|^thread-stream$|^fast-redact$|^quick-format-unescaped$|^atomic-sleep$|^safe-stable-stringify$/,
    'pino',
  ],
  [/^prom-client$|^tdigest$|^bintrees$/, 'prom-client'],
  [/^@bufbuild\/|^protobufjs$|^@protobufjs\/|^long$|^libs\/contracts\//, 'protobuf (codecs)'],
  [/^jose$/, 'jose (token signature)'],
  [/^lru-cache$/, 'lru-cache'],
  [/^@nestjs\/|^rxjs$|^express$|^body-parser$|^router$|^reflect-metadata$/, 'Nest, express'],
  [/^kafkajs$/, 'kafkajs'],
  [/^pg(-.*)?$|^typeorm$/, 'pg, typeorm'],
  [/^uuid$/, 'uuid'],
  [/^zod$/, 'zod'],
  [/^node:internal\/http2\/|^node:http2$/, 'node: http2'],
  [/^node:internal\/streams\/|^node:stream/, 'node: streams'],
  [
    /^node:internal\/(async_local_storage|async_context_frame|async_hooks)|^node:async_hooks$/,
    'node: async context',
  ],
  [/^node:internal\/timers|^node:timers$/, 'node: timers'],
  [/^node:internal\/process\/task_queues$/, 'node: task queues'],
  [/^node:/, 'node: other'],
];

function library(place) {
  // Workspace packages load from their own folders (libs/platform/grpc/dist/...), not through node_modules.
  const ours = /^libs\/(?:platform\/)?([^/]+)\//.exec(place);
  if (ours && ours[1] !== 'contracts') return `@medgrid/${ours[1]}`;
  if (place.startsWith('services/')) return 'the service';
  if (place.startsWith('(')) return place;
  for (const [pattern, name] of LIBRARIES) if (pattern.test(place)) return name;
  return place;
}

/** Code that runs on a library's behalf (Node's own, built-ins): its cost is the calling library's. */
const underneath = (lib) => lib.startsWith('node: ') || lib === '(native)';

/**
 * The library a profile node's cost belongs to: its own, or, for Node's code and built-ins, the nearest library
 * that called it (`parentOf` walks up the call tree; Node's own code with no library above it stays Node's).
 */
function owner(node, parentOf) {
  let lib = library(where(node.callFrame.url, node.callFrame.functionName));
  for (let at = parentOf(node); underneath(lib) && at; at = parentOf(at)) {
    const above = library(where(at.callFrame.url, at.callFrame.functionName));
    if (!underneath(above) && above !== '(root)') lib = above;
  }
  return lib;
}

module.exports = { where, library, underneath, owner };
