/** Reading a workbook's parts as written, for tests that check the XML itself. */
import { readFileSync } from 'node:fs';
import { unzipAll } from '../validate-helpers.js';

/** The text of one part of an xlsx (a zip), read without exceljs's normalisation. */
export async function zipEntry(file: string, name: string): Promise<string> {
  const part = (await unzipAll(readFileSync(file))).find((e) => e.name === name);
  if (!part) throw new Error(`${name} not in ${file}`);
  return part.data.toString('utf8');
}
