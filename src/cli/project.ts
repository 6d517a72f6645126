/** Finding and loading the project a command works on. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { KlaError } from '../i18n.js';
import { findProjectDir, loadProject, type Project } from '../project/config.js';

/** The project named by --project, or the one containing the current folder. */
export function openProject(dir: string | undefined, cwd: string): Project {
  const found = dir !== undefined ? path.resolve(cwd, dir) : findProjectDir(cwd);
  if (found === undefined) {
    throw new KlaError({
      id: 'Folder proyek tidak ditemukan: tidak ada kla.config.json di folder ini maupun induknya. Gunakan --project <folder> atau buat proyek dengan "kla init <folder>".',
      en: 'No project found: there is no kla.config.json in this folder or its parents. Use --project <folder> or create one with "kla init <folder>".',
    });
  }
  return loadProject(found);
}

/**
 * The evidence folder a command checks: --evidence when given, else the
 * project's evidence folder when it holds files, else none (evidence is then
 * judged by whether it is named).
 */
export function evidenceDirFor(project: Project, option: string | undefined, cwd: string): string | undefined {
  if (option !== undefined) return path.resolve(cwd, option);
  try {
    const dir = project.paths.evidence;
    return statSync(dir).isDirectory() && readdirSync(dir).some((f) => !f.startsWith('.')) ? dir : undefined;
  } catch {
    return undefined;
  }
}
