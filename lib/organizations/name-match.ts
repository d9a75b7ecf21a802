// How a typed name is compared with an organization's names: pure, so the header search, the filters and the API
// rank alike on either database. Names are compared without case, accents, spacing or punctuation ("Open AI" is
// OpenAI), whole, by prefix, by word, inside, and then with one typo in a name of 4 or more letters and two from 8
// (an optimal-string-alignment distance: a missing, extra, wrong or swapped letter is one typo).

/** The name reduced to lowercase letters and digits, the form every comparison uses. */
export function compactName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function words(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/** Typos forgiven in a query of this many letters. */
export function typosAllowed(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** Optimal string alignment distance, or max + 1 as soon as it must exceed max. */
export function typoDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** Letters counted in 64 buckets (by character code): the cheap bound that skips most typo distances. */
function letterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(64);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) & 63]++;
  return counts;
}

/**
 * Letters of the query that the name lacks, counted with repeats: each typo adds at most one, so more than the typos
 * allowed rules out the name, its words and its beginning (all made of its letters) without a distance.
 */
function missingLetters(query: NameQuery, name: Uint8Array): number {
  let missing = 0;
  for (const b of query.buckets) if (query.letters[b] > name[b]) missing += query.letters[b] - name[b];
  return missing;
}

/**
 * One name of an organization prepared for matching. The search directory keeps one per organization and alias for
 * the process's life, so it holds what every query reads: the compact name, its tails and its letters' count. The
 * words and their letters are found again when a query with typos comes near the name (its letters pass the bound):
 * kept, a 64-byte count per word (about 270 bytes of heap each) made the directory 60 MB at a million deals.
 */
export type MatchableName = {
  text: string;
  compact: string;
  tails: string[];
  letters: Uint8Array;
};

export function matchableName(text: string): MatchableName {
  const list = words(text);
  // The name from its second, third… word on, compacted: "investmentauthority" in "Qatar Investment Authority" starts at a later word.
  const tails = list.slice(1).map((_, i) => list.slice(i + 1).join(""));
  const compact = compactName(text);
  return { text, compact, tails, letters: letterCounts(compact) };
}

/** The query prepared once for every name it is compared with. */
export type NameQuery = { compact: string; typos: number; letters: Uint8Array; buckets: number[] };

export function nameQuery(q: string): NameQuery | null {
  const compact = compactName(q);
  if (compact === "") return null;
  const letters = letterCounts(compact);
  const buckets = [...letters.keys()].filter((b) => letters[b] > 0);
  return { compact, typos: typosAllowed(compact.length), letters, buckets };
}

/**
 * How well the query matches a name, lower is better, or null: 0 the whole name, 1 its beginning, 2 the beginning of
 * a later word, 3 inside it (3 letters or more), then 4 + typos against the whole name, a word, or a beginning of the
 * name as long as the query give or take the typos allowed.
 */
export function matchScore(query: NameQuery, name: MatchableName): number | null {
  const q = query.compact;
  if (name.compact === q) return 0;
  if (name.compact.startsWith(q)) return 1;
  for (const tail of name.tails) if (tail.startsWith(q)) return 2;
  if (q.length >= 3 && name.compact.includes(q)) return 3;
  if (query.typos === 0 || missingLetters(query, name.letters) > query.typos) return null;
  const typos = query.typos;
  let best = typoDistance(q, name.compact, typos);
  for (const word of words(name.text))
    if (best > 0 && missingLetters(query, letterCounts(word)) <= typos) best = Math.min(best, typoDistance(q, word, typos));
  // The beginnings as long as the query give or take its typos: a letter left out or typed twice while typing
  // ("anthopi" for "anthropi…") shifts the rest, and against a beginning of the query's own length it counts twice.
  for (let length = Math.max(1, q.length - typos); best > 0 && length <= q.length + typos && length < name.compact.length; length++) {
    const start = name.compact.slice(0, length);
    if (missingLetters(query, letterCounts(start)) <= typos) best = Math.min(best, typoDistance(q, start, typos));
  }
  return best <= query.typos ? 4 + best : null;
}
