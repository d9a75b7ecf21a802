import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

/** Every `<ChartFrame ...>` in a file, parsed as TSX, with whether it passes an `embedPath` attribute. */
function chartFrames(file: string): { where: string; hasEmbed: boolean }[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { where: string; hasEmbed: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source) === "ChartFrame") {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const id = node.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText(source) === "id");
      found.push({
        where: `${file}:${line}${id ? ` (${id.getText(source)})` : ""}`,
        hasEmbed: node.attributes.properties.some((p) => ts.isJsxAttribute(p) && p.name.getText(source) === "embedPath"),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("chart embeds", () => {
  const frames = ["app", "components"].flatMap(sourceFiles).flatMap(chartFrames);

  test("the scan finds the charts (so an empty result cannot pass)", () => {
    // The overview, five /analysis charts, the investor and the company page at the time of writing; more is fine.
    expect(frames.length).toBeGreaterThanOrEqual(8);
  });

  test("every ChartFrame gives its chart's /embed page", () => {
    expect(frames.filter((f) => !f.hasEmbed).map((f) => f.where)).toEqual([]);
  });
});
