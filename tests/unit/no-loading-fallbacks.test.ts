// A loading.tsx streams a fallback before the page: without JavaScript it is never replaced by the content, and once
// streaming has started a page's notFound() can no longer make the status 404. So no route has one (the browser tests
// check both effects on the production build; this names the cause at once).
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function loadingFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return loadingFiles(full);
    return /^loading\.(tsx|ts|jsx|js)$/.test(entry.name) ? [full] : [];
  });
}

describe("routes", () => {
  it("have no loading.tsx", () => {
    expect(loadingFiles(path.join(process.cwd(), "app"))).toEqual([]);
  });
});
