// The image of a page's share card (OpenGraph and Twitter): what the page is, and its headline figure, drawn by
// next/og with a font bundled in the repository (assets/fonts), so that it renders offline: a character the font
// lacks (an emoji, CJK) is drawn as a fallback glyph, since next/og would otherwise fetch it from a CDN or Google Fonts.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { ImageResponse } from "next/og";
import { drawableText, fontCodePoints } from "./font-coverage";

export const SHARE_CARD_SIZE = { width: 1200, height: 630 };
export const SHARE_CARD_TYPE = "image/png";

const fonts = Promise.all(
  (["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const).map((file) => readFile(path.join(process.cwd(), "assets", "fonts", file))),
);

const coverage = fonts.then((faces) => faces.map(fontCodePoints));

export type ShareCard = {
  /** What the page is: "Deal", "Investor", "Company", "Analysis". */
  eyebrow: string;
  title: string;
  /** The headline figure, e.g. "$15B" or "$83B counted". */
  figure: string;
  detail: string;
};

export async function shareCardImage(shared: ShareCard): Promise<ImageResponse> {
  const [[regular, bold], faces] = await Promise.all([fonts, coverage]);
  const card: ShareCard = {
    eyebrow: drawableText(shared.eyebrow, faces),
    title: drawableText(shared.title, faces),
    figure: drawableText(shared.figure, faces),
    detail: drawableText(shared.detail, faces),
  };
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 64,
        background: "#0b1220",
        color: "#f8fafc",
        fontFamily: "DejaVu Sans",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 28, color: "#93c5fd", textTransform: "uppercase", letterSpacing: 2 }}>{card.eyebrow}</div>
        <div style={{ fontSize: 56, fontWeight: 700, marginTop: 16, lineHeight: 1.15 }}>{card.title}</div>
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 112, fontWeight: 700, color: "#fbbf24" }}>{card.figure}</div>
        <div style={{ fontSize: 30, color: "#cbd5e1", marginTop: 8 }}>{card.detail}</div>
      </div>
      <div style={{ fontSize: 26, color: "#94a3b8" }}>AI Deal Tracker · deals in AI companies, with their sources</div>
    </div>,
    {
      ...SHARE_CARD_SIZE,
      fonts: [
        { name: "DejaVu Sans", data: regular, weight: 400, style: "normal" },
        { name: "DejaVu Sans", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}

/** The card's text as metadata (OpenGraph and Twitter); the image comes from the segment's opengraph-image route. */
export function shareMetadata(card: ShareCard) {
  const title = `${card.title}: ${card.figure}`;
  return {
    openGraph: { title, description: card.detail, siteName: "AI Deal Tracker", type: "website" as const },
    twitter: { card: "summary_large_image" as const, title, description: card.detail },
  };
}

/**
 * A page's metadata with its share card's image named at `url`: a page served under another route than its
 * opengraph-image file (the pages cached per data version, app/v/) does not get the image from the file's convention.
 */
export function withShareImage(metadata: Metadata, url: string, alt: string): Metadata {
  const image = { url, width: SHARE_CARD_SIZE.width, height: SHARE_CARD_SIZE.height, type: SHARE_CARD_TYPE, alt };
  return metadata.openGraph
    ? { ...metadata, openGraph: { ...metadata.openGraph, images: [image] }, twitter: { ...metadata.twitter, images: [image] } }
    : metadata;
}
