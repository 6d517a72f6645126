/**
 * Schema problems (zod issues) as diagnostics that name the key, for the
 * config and for a district's own catalog file. zod's own English sentences
 * never reach a user.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../model.js';
import { diag } from './index.js';

/** "signatories.head.name", "opds[3].code"; '' for the root. */
export function keyOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** One diagnostic per issue, located at `file` and the issue's key. */
export function schemaDiagnostics(issues: readonly z.core.$ZodIssue[], file: string): Diagnostic[] {
  return issues.map((i) => {
    const key = keyOf(i.path);
    const at = { file, key };
    switch (i.code) {
      case 'invalid_type':
        return i.input === undefined ? diag('KLA-E410', { key }, at) : diag('KLA-E411', { key, expected: String(i.expected) }, at);
      case 'too_small': {
        const origin = i.origin === 'array' ? 'array' : i.origin === 'string' ? 'string' : 'number';
        return diag('KLA-E412', { key, origin, minimum: Number(i.minimum) }, at);
      }
      case 'too_big':
        return diag('KLA-E413', { key, maximum: Number(i.maximum) }, at);
      case 'invalid_value':
        return diag('KLA-E414', { key, values: i.values.map(String) }, at);
      case 'invalid_format':
        return diag('KLA-E415', { key, format: i.format === 'date' || /date$/i.test(key) ? 'date' : /nip$/i.test(key) ? 'nip' : /code$/.test(key) ? 'opd-code' : /(^|\.)id$/.test(key) ? 'id' : 'other' }, at);
      case 'unrecognized_keys':
        return diag('KLA-E416', { key, keys: [...i.keys] }, at);
      case 'custom':
        return (i.params as { format?: string } | undefined)?.format === 'date' ? diag('KLA-E415', { key, format: 'date' }, at) : diag('KLA-E417', { key }, at);
      default:
        return diag('KLA-E417', { key }, at);
    }
  });
}
