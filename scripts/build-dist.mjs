/**
 * `npm run build`, after the compiler: the shipped catalogs verified, and the
 * CLI bundled.
 *
 * Every catalog in catalogs/ is checked as a district's own would be (schema,
 * then rules); the SHA-256 of each that passes goes to
 * dist/catalogs.verified.json, and loading a file with one of those hashes
 * skips the check at every start (the hash shows it is that same file).
 *
 * The CLI as a few files: dist/kla.js (the
 * command line) and dist/worker.js (a validation worker process) carry kla's
 * own modules and the small libraries they use, and load the rest in chunks
 * beside them when a command needs it. Node then opens a handful of files at
 * start instead of some three hundred, which is most of kla's start-up time
 * (npm run bench). The library (dist/index.js) stays as the compiler wrote it.
 *
 * Kept outside, loaded from node_modules when used: exceljs as a whole (the
 * template writer and the recap; the reader's parsers are bundled), pdfmake and
 * its fonts, handlebars, ora, yaml.
 */
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { distInputsHash, distStampFile } from './dist-inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = path.join(root, 'dist');
const EXTERNAL = /^(exceljs|pdfmake|handlebars|ora|yaml)$/;

// Until this build has finished, dist/ matches no inputs.
rmSync(distStampFile(root), { force: true });

const { buildCatalog } = await import(path.join(dist, 'catalog', 'load.js'));
const verified = [];
for (const f of readdirSync(path.join(root, 'catalogs')).filter((x) => x.endsWith('.json')).sort()) {
  const file = path.join(root, 'catalogs', f);
  const text = readFileSync(file, 'utf8');
  const raw = JSON.parse(text);
  // Catalog files only: the default OPD lists beside them are not catalogs.
  if (raw === null || typeof raw !== 'object' || !('groups' in raw)) continue;
  buildCatalog(raw, file);
  verified.push(createHash('sha256').update(text).digest('hex'));
}
writeFileSync(path.join(dist, 'catalogs.verified.json'), `${JSON.stringify({ sha256: verified }, null, 2)}\n`);

// Chunks of an earlier build have other hashes: remove them first.
for (const f of readdirSync(dist)) if (/^kla-[\w-]+\.js$/.test(f)) rmSync(path.join(dist, f));

await build({
  entryPoints: { kla: path.join(dist, 'cli', 'main.js'), worker: path.join(dist, 'validate', 'worker.js') },
  outdir: dist,
  chunkNames: 'kla-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS libraries call require() for Node's own modules.
  banner: { js: "import { createRequire as __klaRequire } from 'node:module'; const require = __klaRequire(import.meta.url);" },
  plugins: [
    {
      // Only the bare names: exceljs/lib/... (the reader's XML parsers) is bundled.
      name: 'external-packages',
      setup(b) {
        b.onResolve({ filter: EXTERNAL }, (args) => ({ path: args.path, external: true }));
      },
    },
    {
      // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its ES module build bundles.
      name: 'jsonc-parser-esm',
      setup(b) {
        b.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: path.join(path.dirname(require.resolve('jsonc-parser/package.json')), 'lib', 'esm', 'main.js') }));
      },
    },
  ],
});

// What this dist/ was built from: the test setup skips its own build when nothing changed.
mkdirSync(path.dirname(distStampFile(root)), { recursive: true });
writeFileSync(distStampFile(root), distInputsHash(root));
