/** Catching refusals in tests, to assert their codes and places rather than their words. */
import { KlaError } from '../../src/diagnostics/index.js';

export function refusalOf(f: () => unknown): KlaError {
  try {
    f();
  } catch (e) {
    if (e instanceof KlaError) return e;
    throw e;
  }
  throw new Error('expected a refusal (KlaError)');
}

export async function refusalOfAsync(f: () => Promise<unknown>): Promise<KlaError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof KlaError) return e;
    throw e;
  }
  throw new Error('expected a refusal (KlaError)');
}

/** Each diagnostic of a refusal as "CODE place" (place: config key, cell, option or nothing). */
export const placesOf = (e: KlaError) => e.diagnostics.map((d) => `${d.code} ${d.location.key ?? d.location.cell ?? d.location.option ?? ''}`.trim());
