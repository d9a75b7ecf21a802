// The seed organization list: unique slugs and alias keys, valid parents, the equivalences the product owner fixed,
// and that every named party in the seed deals.csv resolves to an organization.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, it, expect } from "vitest";
import { isUnnamedParty, parseInvestorTokens } from "../../lib/csv/deal-csv-format";
import { aliasKey, ORGANIZATION_TYPES } from "../../lib/domain";
import { seedOrganizations, type SeedOrganization } from "../../prisma/seed/organizations";

const bySlug = new Map(seedOrganizations.map((o) => [o.slug, o]));

/** aliasKey -> slugs of every organization whose name or alias has that key. */
function keyIndex(orgs: SeedOrganization[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const org of orgs) {
    for (const spelling of [org.name, ...org.aliases]) {
      const key = aliasKey(spelling);
      if (!index.has(key)) index.set(key, new Set());
      index.get(key)!.add(org.slug);
    }
  }
  return index;
}
const index = keyIndex(seedOrganizations);

/** Whole name first; failing that, the name without one trailing "(...)" annotation (the importer's rule). */
function resolve(name: string): string | undefined {
  const whole = index.get(aliasKey(name));
  if (whole) return [...whole][0];
  const stripped = name.match(/^(.*\S)\s*\([^()]*\)\s*$/);
  if (!stripped) return undefined;
  const rest = index.get(aliasKey(stripped[1]));
  return rest ? [...rest][0] : undefined;
}

function org(slug: string): SeedOrganization {
  const found = bySlug.get(slug);
  if (!found) throw new Error(`no organization with slug ${slug}`);
  return found;
}

describe("seed organizations", () => {
  it("has unique kebab-case slugs", () => {
    const slugs = seedOrganizations.map((o) => o.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("has valid types, country codes and websites", () => {
    for (const o of seedOrganizations) {
      expect(ORGANIZATION_TYPES).toContain(o.type);
      if (o.country !== null) expect(o.country).toMatch(/^[A-Z]{2}$/);
      if (o.website !== null) expect(o.website).toMatch(/^https:\/\/[^\s/]+/);
      expect(o.name.trim()).toBe(o.name);
      expect(o.name.length).toBeGreaterThan(0);
    }
  });

  it("gives every name and alias key to exactly one organization", () => {
    const shared = [...index].filter(([, slugs]) => slugs.size > 1).map(([key, slugs]) => `${key}: ${[...slugs].join(", ")}`);
    expect(shared).toEqual([]);
  });

  it("has parents that exist, and no parent cycles", () => {
    for (const o of seedOrganizations) {
      if (o.parent === null) continue;
      expect(bySlug.has(o.parent), `${o.slug} -> ${o.parent}`).toBe(true);
      expect(o.parent).not.toBe(o.slug);
    }
    for (const o of seedOrganizations) {
      const seen = new Set<string>([o.slug]);
      let current = o.parent;
      while (current !== null) {
        expect(seen.has(current), `cycle through ${o.slug}`).toBe(false);
        seen.add(current);
        current = bySlug.get(current)?.parent ?? null;
      }
    }
  });

  it("contains the required organizations", () => {
    for (const slug of ["amazon", "openai", "softbank", "nvidia", "microsoft", "anthropic", "google"]) {
      expect(bySlug.has(slug), slug).toBe(true);
    }
  });

  it("resolves the spellings that name the same entity to one organization", () => {
    expect(resolve("QIA")).toBe("qia");
    expect(resolve("Qatar Investment Authority")).toBe("qia");
    expect(resolve("Lightspeed")).toBeDefined();
    expect(resolve("Lightspeed")).toBe(resolve("Lightspeed Venture Partners"));
    expect(resolve("Sequoia")).toBe(resolve("Sequoia Capital"));
    expect(resolve("Alphabet")).toBe("google");
    expect(resolve("SSI")).toBe(resolve("Safe Superintelligence (SSI)"));
    expect(resolve("OpenAI (employee shareholders)")).toBe("openai");
    expect(resolve("Perplexity (employee and early shareholders)")).toBe("perplexity");
  });

  it("puts cloud units and venture arms under their companies", () => {
    expect(resolve("Amazon (AWS)")).toBe("aws");
    expect(org("aws").parent).toBe("amazon");
    expect(org("aws").type).toBe("cloud");
    expect(resolve("Microsoft (Azure)")).toBe("azure");
    expect(org("azure").parent).toBe("microsoft");
    expect(resolve("Google Cloud")).toBe("google-cloud");
    expect(org("google-cloud").parent).toBe("google");
    expect(org(resolve("Cisco Investments")!).parent).toBe("cisco");
    expect(org(resolve("AMD Ventures")!).parent).toBe("amd");
    expect(org(resolve("Salesforce Ventures")!).parent).toBe("salesforce");
    expect(org(resolve("GV")!).parent).toBe("google");
  });

  it("keeps parenthesised names that are part of the name apart from their stripped form", () => {
    // Without a full alias these would wrongly fall back to "Amazon", "Microsoft" and "SpaceX".
    expect(resolve("Amazon (AWS)")).not.toBe("amazon");
    expect(resolve("Microsoft (Azure)")).not.toBe("microsoft");
    expect(resolve("SpaceX (xAI Colossus)")).not.toBe("spacex");
    expect(resolve("Cursor (Anysphere)")).toBe("cursor");
    expect(resolve("Windsurf (Exafunction)")).toBe("windsurf");
    expect(resolve("Stargate (OpenAI/SoftBank/Oracle/MGX joint venture)")).toBe("stargate");
    // Role and note annotations fall back to the plain name.
    expect(resolve("Nvidia (co-lead)")).toBe("nvidia");
    expect(resolve("JPMorgan Chase (considering)")).toBe("jpmorgan-chase");
    expect(resolve("X (Twitter)")).toBe("x-corp");
    expect(resolve("io (Jony Ive)")).toBe("io");
    expect(resolve("Hyperion data center JV (Meta/Blue Owl)")).toBe("hyperion-jv");
    expect(resolve("Blue Owl Capital (80%)")).toBe("blue-owl");
    expect(resolve("Schwarz Group (IPAI)")).toBe("schwarz-group");
  });

  it("gives one organization to the spellings of the 2023-2026 research file", () => {
    expect(resolve("Felicis Ventures")).toBe(resolve("Felicis"));
    expect(resolve("Matrix")).toBe(resolve("Matrix Partners"));
    expect(resolve("Blue Owl")).toBe(resolve("Blue Owl Capital"));
    expect(resolve("Bezos Expeditions")).toBe("jeff-bezos");
    expect(resolve("PSP Growth")).toBe("psp-investments");
    expect(resolve("Institutional Venture Partners")).toBe("ivp");
    expect(org(resolve("Intel Capital")!).parent).toBe("intel");
    expect(org(resolve("Qualcomm Ventures")!).parent).toBe("qualcomm");
    expect(org(resolve("CapitalG")!).parent).toBe("google");
    expect(org(resolve("Amazon Industrial Innovation Fund")!).parent).toBe("amazon");
    expect(org(resolve("ServiceNow Ventures")!).parent).toBe("servicenow");
    expect(org(resolve("Samsung Catalyst Fund")!).parent).toBe("samsung");
    expect(org(resolve("Meituan Long-Z Investments")!).parent).toBe("meituan");
    expect(org(resolve("ABB Robotics")!).parent).toBe("abb");
    expect(org(resolve("Waymo")!).parent).toBe("google");
  });

  it("has no unnamed parties as organizations", () => {
    for (const o of seedOrganizations) {
      for (const spelling of [o.name, ...o.aliases]) {
        expect(spelling, o.slug).not.toMatch(/^undisclosed/i);
        expect(spelling.trim(), o.slug).toBe(spelling);
      }
    }
  });

  it("resolves every recipient and every named investor in the seed deals.csv", () => {
    const csv = readFileSync(path.join(__dirname, "../../prisma/seed/deals.csv"), "utf8");
    const rows: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true });
    expect(rows.length).toBeGreaterThan(0);
    const unresolved: string[] = [];
    for (const row of rows) {
      if (!resolve(row.recipient)) unresolved.push(`recipient: ${row.recipient}`);
      for (const token of parseInvestorTokens(row.investors, (name) => index.has(aliasKey(name)))) {
        // Unnamed parties ("Undisclosed ...", "Public investors (...)", "global debt investors") are labels, not organizations.
        if (isUnnamedParty(token.name)) continue;
        if (!resolve(token.raw)) unresolved.push(`investor: ${token.raw}`);
      }
    }
    expect(unresolved).toEqual([]);
  });
});
