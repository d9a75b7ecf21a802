// Issue 7: source links accept http and https only and open with rel="noopener noreferrer"; user text is never
// rendered as HTML.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExternalLink, hostOf } from "@/components/ui/external-link";

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : walk(full);
    return /\.(tsx?|mts)$/.test(entry.name) ? [full] : [];
  });
}

const sources = ["app", "components", "lib"].flatMap((d) => walk(path.join(process.cwd(), d)));

describe("links to other sites", () => {
  const render = (href: string, text?: string) => renderToStaticMarkup(createElement(ExternalLink, { href }, text));

  it("become links with rel=noopener noreferrer for http and https", () => {
    expect(render("https://example.com/a?b=1", "Example")).toBe(
      '<a href="https://example.com/a?b=1" rel="noopener noreferrer">Example</a>',
    );
    expect(render("http://example.com/")).toBe('<a href="http://example.com/" rel="noopener noreferrer">example.com</a>');
  });

  it("stay plain text for any other scheme, so a stored javascript: or data: URL never runs", () => {
    for (const href of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:x",
      "file:///etc/passwd",
      "//evil.example",
      "not a url",
    ]) {
      const html = render(href, "source");
      expect(html, href).not.toContain("<a");
      expect(html, href).not.toContain("href");
    }
    expect(hostOf("not a url")).toBe("not a url");
  });

  it("are made only by ExternalLink: no other <a> in the app takes a stored URL", () => {
    const offenders = sources.filter(
      (file) => !file.endsWith("external-link.tsx") && /<a\s[^>]*href=\{[^}]*\b(url|website|source)\b/i.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});

describe("user text", () => {
  it("is never rendered as HTML: nothing in the app uses dangerouslySetInnerHTML or innerHTML", () => {
    const offenders = sources.filter((file) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("is escaped by React when rendered", () => {
    const html = renderToStaticMarkup(createElement("p", null, '<img src=x onerror="alert(1)"><script>alert(1)</script>'));
    expect(html).toBe("<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });
});
