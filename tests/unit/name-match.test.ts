import { describe, expect, it } from "vitest";
import { buildDirectory } from "@/lib/organizations/directory";
import { compactName, typoDistance } from "@/lib/organizations/name-match";
import { seedOrganizations } from "@/prisma/seed/organizations";

const directory = buildDirectory(
  seedOrganizations.map((o, i) => ({
    id: i + 1,
    slug: o.slug,
    name: o.name,
    type: o.type,
    aliases: o.aliases.map((alias) => ({ alias })),
  })),
);
const first = (q: string) => directory.suggest(q, 5)[0];

describe("organization suggestions on the seed's organizations", () => {
  it.each([
    ["Antropic", "anthropic", "Anthropic"],
    ["anthropic", "anthropic", "Anthropic"],
    ["nvida", "nvidia", "Nvidia"],
    ["Open AI", "openai", "OpenAI"],
    ["Mistal", "mistral-ai", "Mistral AI"],
    ["QIA", "qia", "QIA"],
    ["Anysphere", "cursor", "Anysphere"],
  ])("%s finds %s first, through %s", (q, slug, matched) => {
    expect(first(q)).toMatchObject({ slug, matched });
  });

  it("says which name matched and gives the organization's type", () => {
    expect(first("Qatar Investment")).toMatchObject({
      slug: "qia",
      name: "Qatar Investment Authority",
      matched: "Qatar Investment Authority",
      type: "sovereign_fund",
    });
  });

  it("finds nothing for a word far from every name, and nothing for punctuation alone", () => {
    expect(directory.suggest("zzzzqqq", 5)).toEqual([]);
    expect(directory.suggest(" - . ", 5)).toEqual([]);
  });

  it("forgives no typo in a 3-letter query, one from 4 letters and two from 8", () => {
    expect(directory.suggest("qib", 5).map((m) => m.slug)).not.toContain("qia");
    expect(first("antrhopic")?.slug).toBe("anthropic");
    expect(first("antrhopik")?.slug).toBe("anthropic");
  });

  it("forgives a letter left out or typed twice in the beginning of a name, as someone types it", () => {
    // Against the name's beginning of the query's own length, each shifts every later letter: two typos, not one.
    expect(first("anthopi")?.slug).toBe("anthropic");
    expect(first("nvdia")?.slug).toBe("nvidia");
    expect(first("misstra")?.slug).toBe("mistral-ai");
  });

  it("forgives typos in a later word of a name, where neither the whole name nor its beginning is near", () => {
    // "authoirty": one swap from the word "Authority", the last of Oman's and Qatar's Investment Authority, and far
    // from either name compacted and from its beginning.
    expect(directory.suggest("authoirty", 5).map((m) => [m.slug, m.matched])).toEqual([
      ["oia", "Oman Investment Authority"],
      ["qia", "Qatar Investment Authority"],
    ]);
  });

  it("keeps to the limit", () => {
    expect(directory.suggest("a", 3)).toHaveLength(3);
  });
});

describe("typoDistance", () => {
  it("counts a missing, extra, wrong or swapped letter as one", () => {
    expect(typoDistance("antropic", "anthropic", 2)).toBe(1);
    expect(typoDistance("anthropicc", "anthropic", 2)).toBe(1);
    expect(typoDistance("anthrepic", "anthropic", 2)).toBe(1);
    expect(typoDistance("anhtropic", "anthropic", 2)).toBe(1);
    expect(typoDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
  it("compares names without case, accents, spaces or punctuation", () => {
    expect(compactName("Open AI")).toBe("openai");
    expect(compactName("Société Générale, S.A.")).toBe("societegeneralesa");
  });
});
