/** Finding and loading the project a command works on. */
import { statSync } from 'node:fs';
import path from 'node:path';
import { refusal } from '../diagnostics/index.js';
import { configFileIn, findProjectDir, loadProject, type Project } from '../project/config.js';

/** The project named by --project, or the one containing the current folder. */
export function openProject(dir: string | undefined, cwd: string): Project {
  const found = dir !== undefined ? path.resolve(cwd, dir) : findProjectDir(cwd);
  if (found === undefined) throw refusal('KLA-E405', { dir: cwd }, { location: { file: '', option: '--project' } });
  return loadProject(found);
}

/**
 * The project and the files to read. Without --project, a single argument that
 * is itself a project folder (`kla build "KLA Merangin 2026"`) names the
 * project, whose submissions are then read, as a user typing it means; any
 * other arguments are files or folders of workbooks. With `orNone`, files
 * named outside any project give undefined instead of a refusal (the caller
 * looks elsewhere for their project).
 */
export function openProjectFor(dir: string | undefined, inputs: string[], cwd: string): { project: Project; inputs: string[] };
export function openProjectFor(dir: string | undefined, inputs: string[], cwd: string, orNone: true): { project: Project; inputs: string[] } | undefined;
export function openProjectFor(dir: string | undefined, inputs: string[], cwd: string, orNone = false): { project: Project; inputs: string[] } | undefined {
  if (dir === undefined && inputs.length === 1) {
    const only = path.resolve(cwd, inputs[0]!);
    if (isFolder(only) && configFileIn(only) !== undefined) return { project: loadProject(only), inputs: [] };
  }
  if (orNone && dir === undefined && inputs.length > 0 && findProjectDir(cwd) === undefined) return undefined;
  return { project: openProject(dir, cwd), inputs };
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
