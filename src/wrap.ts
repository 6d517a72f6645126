/**
 * Text for a terminal: lines broken between words at the terminal's width,
 * never inside a word (a file name or a question is read whole), and not
 * broken at all when the output is not a terminal (a file, a pipe, CI).
 */

/**
 * The words of `text` in lines of at most `width` characters, the first
 * starting with `first`, the others with `rest`. A word longer than a line
 * stands alone on its line, whole. `width` undefined: one line.
 */
export function wrapWords(text: string, width: number | undefined, first = '', rest = first): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (width === undefined) return [`${first}${words.join(' ')}`];
  const lines: string[] = [];
  let cur = first;
  let empty = true;
  for (const w of words) {
    if (!empty && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = rest;
      empty = true;
    }
    cur += (empty ? '' : ' ') + w;
    empty = false;
  }
  lines.push(cur);
  return lines.map((l) => l.trimEnd());
}

/** Items joined with `sep` and wrapped like words: an item is never split across lines. */
export function wrapList(items: readonly string[], width: number | undefined, indent: string, sep = ', '): string[] {
  const joiner = sep.trimEnd();
  const pieces = items.map((it, i) => `${it}${i < items.length - 1 ? joiner : ''}`.replace(/\s/g, '\u0000'));
  // Spaces inside an item must not become break points: hidden while wrapping, restored after.
  return wrapWords(pieces.join(' '), width, indent).map((l) => l.replace(/\u0000/g, ' '));
}
