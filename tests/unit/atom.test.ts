import { describe, expect, it } from "vitest";
import { atomDate, buildAtomFeed, escapeXml, tagUri } from "@/lib/story/atom";

describe("escapeXml", () => {
  it("escapes markup characters and drops characters XML forbids", () => {
    expect(escapeXml(`AT&T <b>"up to" $50B</b> it's`)).toBe("AT&amp;T &lt;b&gt;&quot;up to&quot; $50B&lt;/b&gt; it&apos;s");
    expect(escapeXml("a\u0000b\u0007c\td\ne")).toBe("abc\td\ne");
  });
});

describe("buildAtomFeed", () => {
  const xml = buildAtomFeed({
    id: tagUri("deals.example", "changes?investor=amazon&kind=equity"),
    title: "Changes: Amazon & co <test>",
    updated: atomDate("2026-03-31"),
    self: "https://deals.example/changes/feed.xml?investor=amazon&kind=equity",
    alternate: "https://deals.example/changes?investor=amazon&kind=equity",
    author: "AI Deal Tracker",
    entries: [
      {
        id: tagUri("deals.example", "deal-event-42"),
        title: `Amazon → OpenAI: in talks, up to $50B → "announced" <$15B>`,
        updated: atomDate("2026-02-27"),
        link: "https://deals.example/deals/7",
        summary: "Note with & and <tags>",
        related: [{ href: "https://news.example/a?b=1&c=2", title: "Publisher & Co" }],
      },
    ],
  });

  it("writes every required element once, with the text escaped", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).toContain("<id>tag:deals.example,2026:changes?investor=amazon&amp;kind=equity</id>");
    expect(xml).toContain("<title>Changes: Amazon &amp; co &lt;test&gt;</title>");
    expect(xml).toContain("<updated>2026-03-31T00:00:00Z</updated>");
    expect(xml).toContain(
      `<link rel="self" href="https://deals.example/changes/feed.xml?investor=amazon&amp;kind=equity" type="application/atom+xml"/>`,
    );
    expect(xml).toContain("<id>tag:deals.example,2026:deal-event-42</id>");
    expect(xml).toContain("<title>Amazon → OpenAI: in talks, up to $50B → &quot;announced&quot; &lt;$15B&gt;</title>");
    expect(xml).toContain(`<link rel="related" href="https://news.example/a?b=1&amp;c=2" title="Publisher &amp; Co"/>`);
    expect(xml).toContain(`<summary type="text">Note with &amp; and &lt;tags&gt;</summary>`);
    // No raw ampersand that does not start an entity.
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });
});
