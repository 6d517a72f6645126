/**
 * Text files people edit by hand (the config, a catalog, a what-if file, the
 * district's dossier templates), read as the editors on a staff laptop save
 * them: UTF-8 with or without a byte-order mark (Notepad's "UTF-8 with BOM"),
 * UTF-16 with its mark (Notepad's "Unicode"), or, when the bytes are not
 * UTF-8 at all, Windows-1252 (Notepad's "ANSI").
 */
import { readFileSync } from 'node:fs';
import { findNodeAtLocation, parseTree, type Segment } from 'jsonc-parser';

export function readText(file: string): string {
  return decodeText(readFileSync(file));
}

export function decodeText(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) {
    // Big-endian: swap each pair and read it as little-endian (every Node build has that decoder).
    const le = new Uint8Array(b.length - 2 - ((b.length - 2) % 2));
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [b[i + 3]!, b[i + 2]!];
    return new TextDecoder('utf-16le').decode(le);
  }
  try {
    // The decoder drops a UTF-8 byte-order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    try {
      return new TextDecoder('windows-1252').decode(b);
    } catch {
      // A Node built without ICU data knows no Windows-1252; Latin-1 is the same but for a few symbols.
      return Buffer.from(b).toString('latin1');
    }
  }
}

/**
 * JSON text parsed, or the line and column of its first syntax error (from
 * V8's "at position N"; the end of the text when the text ends too soon).
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; line?: number; column?: number } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? Number(m[1]) : /end of JSON input/.test((e as Error).message) ? text.length : undefined;
    if (at === undefined) return { ok: false };
    const lines = text.slice(0, at).split('\n');
    return { ok: false, line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
}

/** "opds[2].code" as the path of segments jsonc-parser and yaml take: ["opds", 2, "code"]. */
export function keyPath(key: string): Segment[] {
  return [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/**
 * The line (from 1) on which a dotted key ("opds[2].code") stands in JSON
 * text: its value's line, or the nearest enclosing key that is there (a key
 * that is missing is reported where it belongs). Undefined for the root or
 * text that is not JSON.
 */
export function jsonKeyLine(text: string, key: string): number | undefined {
  const tree = parseTree(text);
  if (tree === undefined) return undefined;
  const segments = keyPath(key);
  for (let n = segments.length; n > 0; n--) {
    const node = findNodeAtLocation(tree, segments.slice(0, n));
    if (node !== undefined) return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }
  return undefined;
}

/** The line (from 1) of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
