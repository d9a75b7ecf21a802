// Share cards render offline: a name with emoji or CJK characters draws a fallback glyph from the bundled fonts and
// never fetches (next/og otherwise fetches emoji from a CDN and missing glyphs' fonts from Google Fonts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FALLBACK_GLYPH, drawableText, fontCodePoints } from "@/lib/share/font-coverage";
import { shareCardImage } from "@/lib/share/share-card";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function requestUrl(input: string | URL | Request): string {
  return typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
}

describe("shareCardImage", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  // CJK alone goes through next/og's font loader (Google Fonts), emoji through its image loader (a CDN).
  it.each(["🤖 智谱 AI ❤️ 👨‍👩‍👧", "月之暗面 Moonshot"])("renders %s without calling out", async (title) => {
    // next/og loads its own layout engine from a data: URL through fetch, which stays on the machine; any other
    // request would leave it.
    const realFetch = globalThis.fetch;
    const fetchSpy = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
      if (requestUrl(input).startsWith("data:")) return realFetch(input, init);
      throw new Error("share cards must not fetch");
    });
    vi.stubGlobal("fetch", fetchSpy);

    const response = await shareCardImage({
      eyebrow: "Company",
      title,
      figure: "$1.5B",
      detail: "3 deals · 北京 🇨🇳",
    });
    const png = new Uint8Array(await response.arrayBuffer());

    expect(png.length).toBeGreaterThan(PNG_SIGNATURE.length);
    expect([...png.subarray(0, PNG_SIGNATURE.length)]).toEqual(PNG_SIGNATURE);
    const requests = fetchSpy.mock.calls.map(([input]) => requestUrl(input));
    expect(requests.filter((url) => !url.startsWith("data:"))).toEqual([]);
  });
});

describe("drawableText", () => {
  const font = fontCodePoints(readFileSync(path.join(process.cwd(), "assets", "fonts", "DejaVuSans.ttf")));

  it("keeps what the bundled font draws and replaces each other character with one fallback glyph", () => {
    expect(drawableText("Mistral AI — €1.7B · Zürich", [font])).toBe("Mistral AI — €1.7B · Zürich");
    expect(drawableText("🤖 智谱 AI 👨‍👩‍👧", [font])).toBe(`${FALLBACK_GLYPH} ${FALLBACK_GLYPH}${FALLBACK_GLYPH} AI ${FALLBACK_GLYPH}`);
  });
});
