// The name of a CSV export says what was filtered: deals-investor-amazon-kind-equity.csv.
import { DEFAULT_DEAL_FILTERS, dealFiltersToParams, type DealFilters } from "../filters/deal-filters";

const MAX_BASE_LENGTH = 150;

function toFileNamePart(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents, once NFKD has split them from their letters: Série -> serie
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function dealExportFileName(filters: DealFilters): string {
  // Order and paging are not filters: every matching deal is exported, whatever page the view was on.
  const params = dealFiltersToParams(filters, { sort: DEFAULT_DEAL_FILTERS.sort, page: 1, pageSize: DEFAULT_DEAL_FILTERS.pageSize });
  const parts = ["deals"];
  for (const [name, value] of params) parts.push(name, toFileNamePart(value) || "text");
  if (parts.length === 1) parts.push("all");
  const base = parts.join("-").slice(0, MAX_BASE_LENGTH).replace(/-+$/, "");
  return `${base}.csv`;
}
