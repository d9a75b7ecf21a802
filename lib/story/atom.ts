// A minimal Atom 1.0 (RFC 4287) writer: the required elements, every text XML-escaped.

export type AtomEntry = {
  /** A permanent IRI, e.g. a tag: URI made from the event id; never reused for another entry. */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  /** Absolute URL of the page the entry is about. */
  link: string;
  summary?: string;
  /** Further links, e.g. the cited source (rel="related"). */
  related?: { href: string; title?: string }[];
};

export type AtomFeed = {
  id: string;
  title: string;
  updated: string;
  /** The feed's own absolute URL (rel="self") and the page it mirrors (rel="alternate"). */
  self: string;
  alternate: string;
  author: string;
  entries: AtomEntry[];
};

// Characters XML 1.0 does not allow at all (control characters other than tab, newline and carriage return).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe in XML content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An ISO calendar date as the start of that day in UTC, the RFC 3339 form Atom wants. */
export function atomDate(isoDate: string): string {
  return `${isoDate}T00:00:00Z`;
}

function link(rel: string, href: string, extra = ""): string {
  return `<link rel="${rel}" href="${escapeXml(href)}"${extra}/>`;
}

export function buildAtomFeed(feed: AtomFeed): string {
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${escapeXml(feed.updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    `  ${link("self", feed.self, ' type="application/atom+xml"')}`,
    `  ${link("alternate", feed.alternate, ' type="text/html"')}`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      `  <entry>`,
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <updated>${escapeXml(entry.updated)}</updated>`,
      `    ${link("alternate", entry.link, ' type="text/html"')}`,
      ...(entry.related ?? []).map((r) => `    ${link("related", r.href, r.title ? ` title="${escapeXml(r.title)}"` : "")}`),
      ...(entry.summary ? [`    <summary type="text">${escapeXml(entry.summary)}</summary>`] : []),
      `  </entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}

/** A tag: URI (RFC 4151) under this site's host name: stable for as long as the host and the id are. */
export function tagUri(host: string, specific: string): string {
  return `tag:${host},2026:${specific}`;
}
