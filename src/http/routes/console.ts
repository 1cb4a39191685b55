// The staff console: static files served by us (no resource from the internet — many site offices are
// offline). The page is plain ES modules with Preact and htm, no build step; the vendored modules are
// served from node_modules with their bare imports rewritten to our own URLs, so no import map is needed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { CATEGORY_NAMES, SYMPTOM_NAMES } from '../../core/quarantine/texts.js';

const CONSOLE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'console');
const require = createRequire(import.meta.url);

const VENDOR: Record<string, [pkg: string, file: string]> = {
  'preact.mjs': ['preact', 'dist/preact.mjs'],
  'preact-hooks.mjs': ['preact', 'hooks/dist/hooks.mjs'],
  'htm.mjs': ['htm', 'dist/htm.mjs'],
  'htm-preact.mjs': ['htm', 'preact/index.mjs'],
};
const BARE: Record<string, string> = {
  preact: '/vendor/preact.mjs',
  'preact/hooks': '/vendor/preact-hooks.mjs',
  htm: '/vendor/htm.mjs',
};

/** A package's folder: up from its main entry (htm's exports do not include its package.json). */
function packageDir(pkg: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) !== pkg) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of the package ${pkg}`);
    dir = up;
  }
  return dir;
}

function vendorSource(file: string): string {
  const [pkg, rel] = VENDOR[file] as [string, string];
  const src = fs.readFileSync(path.join(packageDir(pkg), rel), 'utf8');
  return src.replace(/from\s*"(preact|preact\/hooks|htm)"/g, (_m, spec: string) => `from"${BARE[spec]}"`);
}

/** The labels the server's texts use, as a module for the page: one set of words in chat, files and console. */
const LABELS = [
  `export const SYMPTOM = ${JSON.stringify(SYMPTOM_NAMES)};`,
  `export const CATEGORY = ${JSON.stringify(CATEGORY_NAMES)};`,
  '',
].join('\n');

export const consoleRoutes: FastifyPluginAsync = async (app) => {
  const vendor = new Map(Object.keys(VENDOR).map((f) => [f, vendorSource(f)]));
  app.get('/console/labels.js', { schema: { hide: true } }, (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(LABELS),
  );
  // max-age 0: the page's modules carry no content hash, so browsers revalidate (ETag, 304) rather than run
  // an hour-old page against a newer API after an upgrade.
  await app.register(fastifyStatic, { root: CONSOLE_DIR, prefix: '/console/', index: false, maxAge: 0 });
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
  app.get<{ Params: { file: string } }>('/vendor/:file', { schema: { hide: true } }, (req, reply) => {
    const src = vendor.get(req.params.file);
    if (!src) return reply.code(404).send({ code: 'NOT_FOUND', message: 'no such file' });
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(src);
  });
};
