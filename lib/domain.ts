// The vocabulary of the domain (docs/domain.md), shared by the schema checks, the importer, the measures and the pages.

export const ORGANIZATION_TYPES = ["big_tech", "chipmaker", "cloud", "ai_lab", "vc", "sovereign_fund", "corporate", "other"] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const DEAL_KINDS = [
  "equity",
  "convertible",
  "compute_commitment",
  "cloud_credits",
  "chip_supply",
  "licensing_acquihire",
  "acquisition",
  "joint_venture",
  "other",
] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

export const DEAL_STATUSES = ["rumored", "in_talks", "announced", "closed", "terminated"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const AMOUNT_QUALIFIERS = ["exact", "up_to", "about", "at_least", "range", "undisclosed"] as const;
export type AmountQualifier = (typeof AMOUNT_QUALIFIERS)[number];

export const PARTICIPATION_ROLES = ["lead", "co_lead", "participant"] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const KIND_LABELS: Record<DealKind, string> = {
  equity: "Equity",
  convertible: "Convertible",
  compute_commitment: "Compute commitment",
  cloud_credits: "Cloud credits",
  chip_supply: "Chip supply",
  licensing_acquihire: "Licensing / acqui-hire",
  acquisition: "Acquisition",
  joint_venture: "Joint venture",
  other: "Other",
};

export const STATUS_LABELS: Record<DealStatus, string> = {
  rumored: "Rumored",
  in_talks: "In talks",
  announced: "Announced",
  closed: "Closed",
  terminated: "Terminated",
};

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  big_tech: "Big Tech",
  chipmaker: "Chipmaker",
  cloud: "Cloud",
  ai_lab: "AI lab",
  vc: "Venture / investment firm",
  sovereign_fund: "Sovereign or public fund",
  corporate: "Corporate",
  other: "Other",
};

/** The normalised form of a name used to match aliases: case, dots, commas and spacing do not matter. */
export function aliasKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[.,]/g, "").replace(/\s+/g, " ").trim();
}
