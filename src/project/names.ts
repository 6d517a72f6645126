/**
 * District and province names as the documents print them. Staff type them
 * in many ways ("Prov. Jambi", "provinsi jambi", "Kab. Tebo", "KABUPATEN
 * TEBO"); the cover, the letterhead and the letters need one spelling, and
 * never "Provinsi Provinsi Jambi".
 */

/** The 38 provinces, written as the government writes them, with the short forms staff use. */
const PROVINCES: readonly (readonly [string, ...string[]])[] = [
  ['Aceh', 'Nanggroe Aceh Darussalam', 'NAD'],
  ['Sumatera Utara', 'Sumut'],
  ['Sumatera Barat', 'Sumbar'],
  ['Riau'],
  ['Jambi'],
  ['Sumatera Selatan', 'Sumsel'],
  ['Bengkulu'],
  ['Lampung'],
  ['Kepulauan Bangka Belitung', 'Bangka Belitung', 'Babel'],
  ['Kepulauan Riau', 'Kepri'],
  ['DKI Jakarta', 'Jakarta'],
  ['Daerah Khusus Jakarta'],
  ['Jawa Barat', 'Jabar'],
  ['Jawa Tengah', 'Jateng'],
  ['Daerah Istimewa Yogyakarta', 'DI Yogyakarta', 'DIY', 'Yogyakarta'],
  ['Jawa Timur', 'Jatim'],
  ['Banten'],
  ['Bali'],
  ['Nusa Tenggara Barat', 'NTB'],
  ['Nusa Tenggara Timur', 'NTT'],
  ['Kalimantan Barat', 'Kalbar'],
  ['Kalimantan Tengah', 'Kalteng'],
  ['Kalimantan Selatan', 'Kalsel'],
  ['Kalimantan Timur', 'Kaltim'],
  ['Kalimantan Utara', 'Kaltara'],
  ['Sulawesi Utara', 'Sulut'],
  ['Sulawesi Tengah', 'Sulteng'],
  ['Sulawesi Selatan', 'Sulsel'],
  ['Sulawesi Tenggara', 'Sultra'],
  ['Gorontalo'],
  ['Sulawesi Barat', 'Sulbar'],
  ['Maluku'],
  ['Maluku Utara', 'Malut'],
  ['Papua'],
  ['Papua Barat', 'Pabar'],
  ['Papua Selatan'],
  ['Papua Tengah'],
  ['Papua Pegunungan'],
  ['Papua Barat Daya'],
];

const key = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^a-z]+/g, '');
const BY_KEY = new Map(PROVINCES.flatMap(([name, ...short]) => [name, ...short].map((s) => [key(s), name] as const)));

/** Whether a province (as `provinceName` writes it) is one of the 38. */
export const isProvince = (name: string): boolean => BY_KEY.get(key(name)) === name;

/** The province without "Provinsi"/"Prov.", in its official spelling when it is one of the 38; otherwise as typed. */
export function provinceName(s: string): string {
  const bare = s.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/^(?:provinsi|prov\.?)\s+/iu, '');
  return BY_KEY.get(key(bare)) ?? bare;
}

/**
 * A name typed all in capitals or all in small letters, in the capitals a
 * name takes ("TANJUNG JABUNG BARAT", "bau-bau": "Tanjung Jabung Barat",
 * "Bau-Bau"; "dan" stays small). A name in mixed case is kept as written.
 */
export function nameCase(s: string): string {
  const t = s.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (t !== t.toUpperCase() && t !== t.toLowerCase()) return t;
  return t.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (m: string, sep: string, c: string) => sep + c.toUpperCase()).replace(/ Dan /g, ' dan ');
}

/** A name written with its own kind in front ("Kabupaten Merangin" for a kabupaten), without it. */
export function withoutKind(name: string, kind: 'kabupaten' | 'kota'): string {
  const re = kind === 'kota' ? /^\s*kota\s+(?=\S)/iu : /^\s*(?:kabupaten|kab\.?)\s+(?=\S)/iu;
  return name.replace(re, '').trim();
}
