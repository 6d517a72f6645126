/**
 * A workbook reads the same whichever program saved it last. The example's 27
 * submissions are re-saved by every writer this machine can run (see
 * helpers/corpus.ts); each set must give exactly the answers, identities and
 * findings of the originals. Google Sheets and WPS Office, common in
 * Indonesian offices, cannot run here: these four writers lay out parts, names,
 * strings and notes in four different ways, which is what breaks readers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadProject, type Project } from '../src/project/config.js';
import { validateInputs, type ValidationReport } from '../src/validate/index.js';
import { displayPath } from '../src/paths.js';
import { root } from './helpers/cli.js';
import { SUBMISSIONS, WRITERS, writerCorpus, type Writer } from './helpers/corpus.js';

let project: Project;
let corpus: Record<Writer, string>;
let original: ReturnType<typeof comparable>;

/** The report with the folder taken out of every path, and nothing that depends on the bytes (hashes, saved date). */
function comparable(r: ValidationReport, dir: string) {
  const prefix = `${displayPath(dir, root)}/`;
  const strip = <T>(v: T): T => JSON.parse(JSON.stringify(v).split(prefix).join('')) as T;
  return {
    files: strip(r.files.map(({ sha256: _sha, ...f }) => f)),
    findings: strip(r.diagnostics),
    submissions: strip(r.submissions.map(({ sha256: _sha, savedAt: _saved, ...s }) => s)),
    coverage: r.coverage,
  };
}

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeAll(async () => {
  project = loadProject(path.join(root, 'fixtures', 'merangin'));
  corpus = await writerCorpus();
  original = comparable(await validateInputs(project, [SUBMISSIONS], { cwd: root, jobs: 1 }), SUBMISSIONS);
}, 600_000);

describe('workbooks saved by other programs', () => {
  it('the originals are a real test: answers on every sheet, and findings to compare', () => {
    expect(original.submissions).toHaveLength(27);
    expect(original.submissions.flatMap((s) => s.answers).length).toBeGreaterThan(500);
    expect(original.findings.length).toBeGreaterThan(10);
  });

  it.each(WRITERS)('%s: the same answers, identities and findings as the originals', async (writer) => {
    const dir = corpus[writer];
    // Really rewritten: not one file is byte-identical to its original.
    for (const f of readdirSync(SUBMISSIONS).filter((x) => x.endsWith('.xlsx'))) {
      expect(sha(path.join(dir, f)), `${writer}: ${f}`).not.toBe(sha(path.join(SUBMISSIONS, f)));
    }
    const got = comparable(await validateInputs(project, [dir], { cwd: root, jobs: 1 }), dir);
    expect(got.files).toEqual(original.files);
    expect(got.submissions).toEqual(original.submissions);
    expect(got.findings).toEqual(original.findings);
    expect(got.coverage).toEqual(original.coverage);
  });
});
