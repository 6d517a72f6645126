/** Finding and loading the project a command works on. */
import path from 'node:path';
import { refusal } from '../diagnostics/index.js';
import { findProjectDir, loadProject, type Project } from '../project/config.js';

/** The project named by --project, or the one containing the current folder. */
export function openProject(dir: string | undefined, cwd: string): Project {
  const found = dir !== undefined ? path.resolve(cwd, dir) : findProjectDir(cwd);
  if (found === undefined) throw refusal('KLA-E405', { dir: cwd }, { location: { file: '', option: '--project' } });
  return loadProject(found);
}
