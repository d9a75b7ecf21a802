// Which characters the bundled share-card fonts draw, read from each TrueType font's cmap table. next/og fetches
// anything they lack at render time (emoji from a CDN, other scripts from Google Fonts) and ImageResponse takes no
// option to turn that off, so the card's text is made drawable before rendering instead: offline, never calling out.

/** The code points a TrueType font maps to a glyph (its Unicode cmap subtables, formats 4 and 12). */
export function fontCodePoints(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tableCount = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tableCount; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    if (tag === "cmap") cmap = view.getUint32(record + 8);
  }
  if (cmap < 0) throw new Error("The font has no cmap table");
  const codePoints = new Set<number>();
  const subtableCount = view.getUint16(cmap + 2);
  for (let i = 0; i < subtableCount; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const table = cmap + view.getUint32(cmap + 4 + 8 * i + 4);
    // Unicode subtables only: platform 0 (Unicode) and 3 (Windows).
    if (platform !== 0 && platform !== 3) continue;
    const format = view.getUint16(table);
    if (format === 4) readFormat4(view, table, codePoints);
    else if (format === 12) readFormat12(view, table, codePoints);
  }
  return codePoints;
}

function readFormat4(view: DataView, table: number, into: Set<number>) {
  const segments = view.getUint16(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = view.getUint16(starts + 2 * s);
    const end = view.getUint16(ends + 2 * s);
    const delta = view.getUint16(deltas + 2 * s);
    const rangeOffsetAt = rangeOffsets + 2 * s;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        glyph = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (c - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) into.add(c);
    }
  }
}

function readFormat12(view: DataView, table: number, into: Set<number>) {
  const groups = view.getUint32(table + 12);
  for (let g = 0; g < groups; g++) {
    const group = table + 16 + 12 * g;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const firstGlyph = view.getUint32(group + 8);
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) into.add(c);
  }
}

/** The glyph drawn for a character no bundled font has: a white square, as browsers draw "tofu". */
export const FALLBACK_GLYPH = "\u25a1";

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * The text with each user-perceived character (grapheme: an emoji with its modifiers, a letter with its accents)
 * that the fonts cannot all draw replaced by FALLBACK_GLYPH. Every font must have it since the card draws text in
 * several weights, each from its own font.
 */
export function drawableText(text: string, fonts: readonly Set<number>[]): string {
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    // Whitespace is laid out, never drawn, so it needs no glyph.
    const drawable =
      /^\s+$/u.test(segment) ||
      [...segment].every((char) => {
        const code = char.codePointAt(0)!;
        return fonts.every((font) => font.has(code));
      });
    out += drawable ? segment : FALLBACK_GLYPH;
  }
  return out;
}
