/**
 * Reading a command line as a POSIX shell would: words, quotes, comments and
 * the operators && and ||. Enough for the commands the README and kla's own
 * hints print, so a test can run them exactly as a user would copy them.
 */

export type Token = { word: string } | { op: '&&' | '||' | '|' | ';' };

export function shellTokens(line: string): Token[] {
  const out: Token[] = [];
  let word: string | null = null;
  const flush = () => {
    if (word !== null) out.push({ word });
    word = null;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let s = '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i++;
        s += line[i];
      }
      if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
      word = (word ?? '') + s;
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else if (/\s/.test(c)) {
      flush();
    } else if (c === '#' && word === null) {
      break;
    } else if (c === '&' && line[i + 1] === '&') {
      flush();
      out.push({ op: '&&' });
      i++;
    } else if (c === '|') {
      flush();
      if (line[i + 1] === '|') {
        out.push({ op: '||' });
        i++;
      } else out.push({ op: '|' });
    } else if (c === ';') {
      flush();
      out.push({ op: ';' });
    } else {
      word = (word ?? '') + c;
    }
  }
  flush();
  return out;
}

/** The simple commands of a line (split at && and ;), each as its words; `||` marks the rest as allowed to fail. */
export function shellCommands(line: string): { words: string[]; mayFail: boolean }[] {
  const cmds: { words: string[]; mayFail: boolean }[] = [];
  let cur: string[] = [];
  let mayFail = false;
  for (const t of shellTokens(line)) {
    if ('word' in t) cur.push(t.word);
    else if (t.op === '||') {
      mayFail = true;
      break;
    } else if (t.op === '|') throw new Error(`pipes are not supported: ${line}`);
    else {
      cmds.push({ words: cur, mayFail: false });
      cur = [];
    }
  }
  if (cur.length > 0) cmds.push({ words: cur, mayFail });
  return cmds.filter((c) => c.words.length > 0);
}
