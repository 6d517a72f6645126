/**
 * All outputs of a run or none. Failures are injected where real disks fail
 * (no space while writing, no permission at the rename, no hard links); a
 * process is killed at each step of the commit in a child, and the next write
 * must leave every output all old or all new, with nothing of the killed run
 * behind. CI runs as root, so permission errors are injected here.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { checkWritable, outputTarget, recoverInterrupted, replaceOutputs, writeOutputs, RECORD_FILE, type FileOps } from '../src/io/files.js';
import { refusalOf } from './helpers/refusal.js';
import { kla, root } from './helpers/cli.js';
import { tmpDir } from './validate-helpers.js';

const realOps: FileOps = {
  mkdirSync: (d, o) => fs.mkdirSync(d, o),
  writeFileSync: (f, d) => fs.writeFileSync(f, d),
  linkSync: (a, b) => fs.linkSync(a, b),
  copyFileSync: (a, b) => fs.copyFileSync(a, b),
  renameSync: (a, b) => fs.renameSync(a, b),
  rmSync: (f, o) => fs.rmSync(f, o),
};

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** Two folders, each with an older output: the dossier and the recap of an earlier run. */
function earlierRun(): { pdf: string; xlsx: string; dirs: string[] } {
  const base = tmpDir('kla-out-');
  const pdf = path.join(base, 'output', 'dokumen-kla-2026.pdf');
  const xlsx = path.join(base, 'rekap (analis)', 'rekap kla.xlsx');
  mkdirSync(path.dirname(pdf), { recursive: true });
  mkdirSync(path.dirname(xlsx), { recursive: true });
  writeFileSync(pdf, 'PDF lama');
  writeFileSync(xlsx, 'rekap lama');
  return { pdf, xlsx, dirs: [path.dirname(pdf), path.dirname(xlsx)] };
}

const newOutputs = (r: { pdf: string; xlsx: string }) => [
  { file: r.pdf, data: 'PDF baru' },
  { file: r.xlsx, data: 'rekap baru' },
];

/** Every name in the folders: only the outputs themselves may be there. */
const namesIn = (dirs: string[]) => dirs.flatMap((d) => readdirSync(d)).sort();
const contents = (r: { pdf: string; xlsx: string }) => [readFileSync(r.pdf, 'utf8'), readFileSync(r.xlsx, 'utf8')];

describe('an output named on the command line', () => {
  it('a folder, existing or ending in a separator, receives the file under its own name; a name without extension gets it', () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, 'hasil (final)'));
    expect(outputTarget(dir, 'hasil (final)', '.pdf')).toEqual({ folder: path.join(dir, 'hasil (final)') });
    expect(outputTarget(dir, `baru${path.sep}`, '.pdf')).toEqual({ folder: path.join(dir, 'baru') });
    expect(outputTarget(dir, 'baru/', '.pdf')).toEqual({ folder: path.join(dir, 'baru') });
    expect(outputTarget(dir, 'hasil (final)/dokumen KLA', '.pdf')).toEqual({ folder: path.join(dir, 'hasil (final)'), file: path.join(dir, 'hasil (final)', 'dokumen KLA.pdf') });
    expect(outputTarget(dir, 'rekap v2.0', '.xlsx')).toEqual({ folder: dir, file: path.join(dir, 'rekap v2.0') });
    expect(outputTarget(dir, 'Dokumen.PDF', '.pdf')).toEqual({ folder: dir, file: path.join(dir, 'Dokumen.PDF') });
  });
});

describe('a failed write changes no output', () => {
  it('the disk fills up while the second file is written (ENOSPC)', () => {
    const r = earlierRun();
    let n = 0;
    const ops: FileOps = { ...realOps, writeFileSync: (f, d) => (++n === 2 ? (() => { throw errno('ENOSPC'); })() : realOps.writeFileSync(f, d)) };
    const e = refusalOf(() => writeOutputs(newOutputs(r), ops));
    expect(e.code).toBe('KLA-E705');
    expect(e.diagnostics[0]!.params).toEqual({ file: r.xlsx, reason: 'no-space' });
    expect(contents(r)).toEqual(['PDF lama', 'rekap lama']);
    expect(namesIn(r.dirs)).toEqual(['dokumen-kla-2026.pdf', 'rekap kla.xlsx']);
  });

  it('the second rename is refused (EACCES): the first output is put back', () => {
    const r = earlierRun();
    let n = 0;
    const ops: FileOps = { ...realOps, renameSync: (a, b) => (++n === 2 ? (() => { throw errno('EACCES'); })() : realOps.renameSync(a, b)) };
    const e = refusalOf(() => writeOutputs(newOutputs(r), ops));
    expect(e.diagnostics[0]!.params).toEqual({ file: r.xlsx, reason: process.platform === 'win32' ? 'busy' : 'denied' });
    expect(contents(r)).toEqual(['PDF lama', 'rekap lama']);
    expect(namesIn(r.dirs)).toEqual(['dokumen-kla-2026.pdf', 'rekap kla.xlsx']);
  });

  it('no space for the journal: nothing was renamed, nothing is left', () => {
    const r = earlierRun();
    const ops: FileOps = { ...realOps, writeFileSync: (f, d) => (f.endsWith('.journal') ? (() => { throw errno('ENOSPC'); })() : realOps.writeFileSync(f, d)) };
    expect(refusalOf(() => writeOutputs(newOutputs(r), ops)).code).toBe('KLA-E705');
    expect(contents(r)).toEqual(['PDF lama', 'rekap lama']);
    expect(namesIn(r.dirs)).toEqual(['dokumen-kla-2026.pdf', 'rekap kla.xlsx']);
  });

  it('a disk without hard links (EPERM from link) writes through a copied backup', () => {
    const r = earlierRun();
    const ops: FileOps = { ...realOps, linkSync: () => { throw errno('EPERM'); } };
    writeOutputs(newOutputs(r), ops);
    expect(contents(r)).toEqual(['PDF baru', 'rekap baru']);
    expect(namesIn(r.dirs)).toEqual(['dokumen-kla-2026.pdf', 'rekap kla.xlsx']);
  });

  it('a folder where the file should go is refused before anything changes', () => {
    const r = earlierRun();
    const blocked = path.join(path.dirname(r.xlsx), 'rekap.xlsx');
    mkdirSync(blocked);
    const e = refusalOf(() => writeOutputs([{ file: r.pdf, data: 'PDF baru' }, { file: blocked, data: 'x' }]));
    expect(e.diagnostics[0]!.params).toEqual({ file: blocked, reason: 'is-folder' });
    expect(readFileSync(r.pdf, 'utf8')).toBe('PDF lama');
    expect(namesIn(r.dirs)).toEqual(['dokumen-kla-2026.pdf', 'rekap kla.xlsx', 'rekap.xlsx']);
  });

  it('checkWritable refuses, before any work, a target that is a folder or lies under a file; new folders are fine', () => {
    const dir = tmpDir('kla-out-check-');
    mkdirSync(path.join(dir, 'dokumen.pdf'));
    writeFileSync(path.join(dir, 'rekap'), 'bukan folder');
    const folderTarget = refusalOf(() => checkWritable([path.join(dir, 'dokumen.pdf')]));
    expect(folderTarget.diagnostics[0]!.code).toBe('KLA-E705');
    expect(folderTarget.diagnostics[0]!.params).toEqual({ file: path.join(dir, 'dokumen.pdf'), reason: 'is-folder' });
    const underFile = path.join(dir, 'rekap', 'tahun ini', 'rekap kla.xlsx');
    expect(refusalOf(() => checkWritable([underFile])).diagnostics[0]!.params).toEqual({ file: underFile, reason: 'not-folder' });
    expect(() => checkWritable([path.join(dir, 'baru (2)', 'lagi', 'dokumen.pdf'), path.join(dir, 'ada.pdf')])).not.toThrow();
    // A folder to write into: refused when it is a file, or lies under one; fine when it is a folder or new.
    expect(refusalOf(() => checkWritable([], [path.join(dir, 'rekap')])).diagnostics[0]!.params).toEqual({ file: path.join(dir, 'rekap'), reason: 'not-folder' });
    expect(refusalOf(() => checkWritable([], [path.join(dir, 'rekap', 'baru')])).diagnostics[0]!.params).toEqual({ file: path.join(dir, 'rekap', 'baru'), reason: 'not-folder' });
    expect(() => checkWritable([], [path.join(dir, 'dokumen.pdf'), path.join(dir, 'baru')])).not.toThrow();
    // Nothing was made or changed by checking.
    expect(readdirSync(dir).sort()).toEqual(['dokumen.pdf', 'rekap']);
  });
});

/**
 * A child process writes the two outputs with the real file operations, and
 * kills itself (SIGKILL: no cleanup of any kind) just before the operation
 * `when` names; or, for 'rollback-fails', has every rename after the first
 * fail and exits normally after the refusal.
 */
function childWrite(r: { pdf: string; xlsx: string }, when: 'second-tmp' | 'second-rename' | 'after-commit' | 'rollback-fails'): void {
  const script = path.join(tmpDir('kla-kill-'), 'kill.mts');
  writeFileSync(
    script,
    `import fs from 'node:fs';
import { writeOutputs } from ${JSON.stringify(path.join(root, 'src', 'io', 'files.ts'))};
const when = ${JSON.stringify(when)};
let writes = 0, renames = 0;
const die = () => process.kill(process.pid, 'SIGKILL');
try {
writeOutputs(${JSON.stringify(newOutputs(r))}, {
  mkdirSync: (d, o) => fs.mkdirSync(d, o),
  writeFileSync: (f, d) => { if (when === 'second-tmp' && ++writes === 2) die(); fs.writeFileSync(f, d); },
  linkSync: (a, b) => fs.linkSync(a, b),
  copyFileSync: (a, b) => fs.copyFileSync(a, b),
  renameSync: (a, b) => {
    renames++;
    if (when === 'second-rename' && renames === 2) die();
    if (when === 'rollback-fails' && renames >= 2) throw Object.assign(new Error('EBUSY: injected'), { code: 'EBUSY' });
    fs.renameSync(a, b);
  },
  rmSync: (f, o) => { if (when === 'after-commit' && f.endsWith('.bak')) die(); fs.rmSync(f, o); },
});
} catch (e) {
  process.stderr.write(String((e as { code?: string }).code));
}
`,
  );
  const c = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8' });
  if (when === 'rollback-fails') expect(c.stderr).toContain('KLA-E705');
  else expect(c.signal, c.stderr).toBe('SIGKILL');
}

describe('a run killed half-way is finished by the next', () => {
  it('killed at the rename: one output new, one old; the next write rolls the run back, then writes', () => {
    const r = earlierRun();
    childWrite(r, 'second-rename');
    expect(contents(r)).toEqual(['PDF baru', 'rekap lama']);
    // What the killed run left: temporary files, backups, its journal and the pointer to it.
    expect(namesIn(r.dirs).filter((n) => n.startsWith('.')).length).toBeGreaterThanOrEqual(4);

    // Recovery alone (as any later write into either folder does first): all old again, nothing left.
    recoverInterrupted([r.dirs[1]!]);
    expect(contents(r)).toEqual(['PDF lama', 'rekap lama']);
    expect(namesIn(r.dirs)).toEqual(['dokumen-kla-2026.pdf', 'rekap kla.xlsx']);

    writeOutputs(newOutputs(r));
    expect(contents(r)).toEqual(['PDF baru', 'rekap baru']);
    expect(namesIn(r.dirs)).toEqual(['dokumen-kla-2026.pdf', 'rekap kla.xlsx']);
  });

  it('killed while writing the temporary files: the outputs are old; the next write removes the leftovers', () => {
    const r = earlierRun();
    childWrite(r, 'second-tmp');
    expect(contents(r)).toEqual(['PDF lama', 'rekap lama']);
    expect(namesIn(r.dirs).some((n) => n.endsWith('.tmp'))).toBe(true);
    writeOutputs([{ file: r.pdf, data: 'PDF ketiga' }]);
    expect(readFileSync(r.pdf, 'utf8')).toBe('PDF ketiga');
    expect(namesIn([r.dirs[0]!])).toEqual(['dokumen-kla-2026.pdf']);
  });

  it('killed after the commit, while removing backups: the outputs stay new', () => {
    const r = earlierRun();
    childWrite(r, 'after-commit');
    expect(contents(r)).toEqual(['PDF baru', 'rekap baru']);
    recoverInterrupted(r.dirs);
    expect(contents(r)).toEqual(['PDF baru', 'rekap baru']);
    expect(namesIn(r.dirs)).toEqual(['dokumen-kla-2026.pdf', 'rekap kla.xlsx']);
  });

  it('leaves alone the files of a run that is still going', async () => {
    const r = earlierRun();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const leftover = path.join(r.dirs[0]!, `.dokumen-kla-2026.pdf.kla-${other.pid}-0123abcd.tmp`);
      writeFileSync(leftover, 'sedang ditulis');
      recoverInterrupted(r.dirs);
      expect(existsSync(leftover)).toBe(true);
      other.kill('SIGKILL');
      await new Promise((res) => other.on('exit', res));
      recoverInterrupted(r.dirs);
      expect(existsSync(leftover)).toBe(false);
    } finally {
      other.kill('SIGKILL');
    }
  });
});

describe('a rollback that could not finish', () => {
  it('keeps the backup and the journal, so that a later run restores the old file', () => {
    const r = earlierRun();
    childWrite(r, 'rollback-fails');
    // The second rename failed, and so did putting the first file back (a viewer holding it open, say).
    expect(contents(r)).toEqual(['PDF baru', 'rekap lama']);
    recoverInterrupted([r.dirs[0]!]);
    expect(contents(r)).toEqual(['PDF lama', 'rekap lama']);
    expect(namesIn(r.dirs)).toEqual(['dokumen-kla-2026.pdf', 'rekap kla.xlsx']);
  });
});

describe('a folder kept up to date as a whole (the feedback folder)', () => {
  const out = (dir: string, name: string, group: string, data = `${name} baru`) => ({ file: path.join(dir, name), data, group });
  const names = (dir: string) => readdirSync(dir).filter((n) => n !== RECORD_FILE).sort();

  it('a later run removes what an earlier run wrote and it no longer writes, and nothing else', () => {
    const dir = tmpDir('kla-replace-');
    writeFileSync(path.join(dir, 'catatan DPPPA.docx'), 'milik pengguna');
    expect(replaceOutputs(dir, [out(dir, 'DINKES - pengingat.pdf', 'DINKES'), out(dir, 'DINKES - templat.xlsx', 'DINKES'), out(dir, 'DINSOS - perbaikan.pdf', 'DINSOS')])).toEqual({ removed: [], changed: [], busy: [] });
    // Dinkes has replied (a correction letter instead of the reminder); Dinsos has nothing left to fix.
    const r = replaceOutputs(dir, [out(dir, 'DINKES - perbaikan.pdf', 'DINKES')]);
    expect(r.removed.sort()).toEqual(['DINKES - pengingat.pdf', 'DINKES - templat.xlsx', 'DINSOS - perbaikan.pdf'].map((n) => path.join(dir, n)));
    expect(names(dir)).toEqual(['DINKES - perbaikan.pdf', 'catatan DPPPA.docx']);
    expect(readFileSync(path.join(dir, 'catatan DPPPA.docx'), 'utf8')).toBe('milik pengguna');
    // Written again, a file is replaced, not removed.
    expect(replaceOutputs(dir, [out(dir, 'DINKES - perbaikan.pdf', 'DINKES', 'isi kedua')]).removed).toEqual([]);
    expect(readFileSync(path.join(dir, 'DINKES - perbaikan.pdf'), 'utf8')).toBe('isi kedua');
  });

  it('a run for some groups (--opd) leaves the files of the others', () => {
    const dir = tmpDir('kla-replace-');
    replaceOutputs(dir, [out(dir, 'DINKES - pengingat.pdf', 'DINKES'), out(dir, 'DINSOS - pengingat.pdf', 'DINSOS')]);
    const r = replaceOutputs(dir, [out(dir, 'DINKES - perbaikan.pdf', 'DINKES')], (g) => g === 'DINKES');
    expect(r.removed).toEqual([path.join(dir, 'DINKES - pengingat.pdf')]);
    expect(names(dir)).toEqual(['DINKES - perbaikan.pdf', 'DINSOS - pengingat.pdf']);
    // ... and the next full run still knows the other group's file as its own.
    expect(replaceOutputs(dir, []).removed.sort()).toEqual(['DINKES - perbaikan.pdf', 'DINSOS - pengingat.pdf'].map((n) => path.join(dir, n)));
    expect(names(dir)).toEqual([]);
  });

  it('a file changed after it was written stays, and is reported, once', () => {
    const dir = tmpDir('kla-replace-');
    replaceOutputs(dir, [out(dir, 'DINKES - pengingat.pdf', 'DINKES')]);
    writeFileSync(path.join(dir, 'DINKES - pengingat.pdf'), 'diubah dengan tangan');
    expect(replaceOutputs(dir, [out(dir, 'DINKES - perbaikan.pdf', 'DINKES')])).toEqual({ removed: [], changed: [path.join(dir, 'DINKES - pengingat.pdf')], busy: [] });
    expect(readFileSync(path.join(dir, 'DINKES - pengingat.pdf'), 'utf8')).toBe('diubah dengan tangan');
    expect(replaceOutputs(dir, [out(dir, 'DINKES - perbaikan.pdf', 'DINKES')])).toEqual({ removed: [], changed: [], busy: [] });
  });

  it('a file that cannot be removed now (open in another program) is removed by the next run', () => {
    const dir = tmpDir('kla-replace-');
    replaceOutputs(dir, [out(dir, 'DINKES - pengingat.pdf', 'DINKES')]);
    const locked: FileOps = { ...realOps, rmSync: (f, o) => (f.endsWith('pengingat.pdf') ? (() => { throw errno('EBUSY'); })() : fs.rmSync(f, o)) };
    expect(replaceOutputs(dir, [out(dir, 'DINKES - perbaikan.pdf', 'DINKES')], undefined, locked).busy).toEqual([path.join(dir, 'DINKES - pengingat.pdf')]);
    expect(names(dir)).toEqual(['DINKES - pengingat.pdf', 'DINKES - perbaikan.pdf']);
    expect(replaceOutputs(dir, [out(dir, 'DINKES - perbaikan.pdf', 'DINKES')]).removed).toEqual([path.join(dir, 'DINKES - pengingat.pdf')]);
  });

  it('a record that is damaged, or names files outside the folder or in other case, removes nothing it should not', () => {
    const dir = tmpDir('kla-replace-');
    const outside = path.join(path.dirname(dir), `${path.basename(dir)}-luar.pdf`);
    writeFileSync(outside, 'di luar');
    writeFileSync(path.join(dir, 'a.pdf'), 'a');
    const sha = (d: string) => createHash('sha256').update(d).digest('hex');
    writeFileSync(path.join(dir, RECORD_FILE), JSON.stringify({ files: [{ name: `../${path.basename(outside)}`, group: 'X', sha256: sha('di luar') }, { name: 'a.pdf', group: 'X' }] }));
    expect(replaceOutputs(dir, []).removed).toEqual([]);
    writeFileSync(path.join(dir, RECORD_FILE), '{ rusak');
    expect(replaceOutputs(dir, []).removed).toEqual([]);
    expect(existsSync(outside) && existsSync(path.join(dir, 'a.pdf'))).toBe(true);
    // "A.PDF" written where the record has "a.pdf" is the same file on Windows: never removed as stale.
    writeFileSync(path.join(dir, RECORD_FILE), JSON.stringify({ files: [{ name: 'a.pdf', group: 'X', sha256: sha('a') }] }));
    expect(replaceOutputs(dir, [out(dir, 'A.PDF', 'X')]).removed).toEqual([]);
    expect(existsSync(path.join(dir, 'a.pdf'))).toBe(true);
  });
});

describe('kla build when the recap cannot be written', () => {
  it('exits 2 naming the recap, and the dossier of the earlier run stays as it was', () => {
    const proj = path.join(tmpDir('kla-out-build-'), 'Merangin');
    cpSync(path.join(root, 'fixtures', 'merangin'), proj, { recursive: true, filter: (src) => !src.includes(`${path.sep}output`) });
    const pdf = path.join(proj, 'output', 'dokumen-kla-2026.pdf');
    mkdirSync(path.dirname(pdf), { recursive: true });
    writeFileSync(pdf, 'PDF lama');
    // The recap's folder is a file: refused before the documents are rendered, not after.
    writeFileSync(path.join(proj, 'rekap'), 'bukan folder');
    const r = kla(['build', '--project', proj, '--xlsx', path.join(proj, 'rekap', 'rekap kla.xlsx')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('[KLA-E705]');
    expect(r.stderr).toContain('rekap kla.xlsx');
    expect(r.stderr).toContain('ada berkas di tempat yang seharusnya folder');
    expect(r.stderr).not.toMatch(/\n\s+at\s/);
    expect(readFileSync(pdf, 'utf8')).toBe('PDF lama');
    expect(readdirSync(path.dirname(pdf))).toEqual(['dokumen-kla-2026.pdf']);
  });
});
