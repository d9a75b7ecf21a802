// The active /deals filters in words ("Investor: Amazon", "At least $1B"), each with the change that removes it,
// so the page can say what it shows, why a list is empty, and offer to loosen one filter at a time.
import { KIND_LABELS, STATUS_LABELS } from "../domain";
import { formatDate, formatUsd } from "../format";
import type { DealFilters } from "./deal-filters";

export type ActiveFilter = { label: string; remove: Partial<DealFilters> };

export function describeDealFilters(filters: DealFilters, nameOf: (slug: string) => string | undefined): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  for (const slug of filters.investors) {
    active.push({ label: `Investor: ${nameOf(slug) ?? slug}`, remove: { investors: filters.investors.filter((s) => s !== slug) } });
  }
  if (filters.recipient)
    active.push({ label: `Recipient: ${nameOf(filters.recipient) ?? filters.recipient}`, remove: { recipient: null } });
  for (const kind of filters.kinds)
    active.push({ label: `Kind: ${KIND_LABELS[kind]}`, remove: { kinds: filters.kinds.filter((k) => k !== kind) } });
  for (const status of filters.statuses) {
    active.push({ label: `Status: ${STATUS_LABELS[status]}`, remove: { statuses: filters.statuses.filter((s) => s !== status) } });
  }
  if (filters.from) active.push({ label: `From ${formatDate(filters.from)}`, remove: { from: null } });
  if (filters.to) active.push({ label: `To ${formatDate(filters.to)}`, remove: { to: null } });
  if (filters.min !== null) active.push({ label: `At least ${formatUsd(filters.min)}`, remove: { min: null } });
  if (filters.max !== null) active.push({ label: `At most ${formatUsd(filters.max)}`, remove: { max: null } });
  if (filters.ids.length > 0) {
    const n = filters.ids.length;
    active.push({ label: n === 1 ? `Deal #${filters.ids[0]}` : `${n} chosen deals`, remove: { ids: [] } });
  }
  if (filters.q) active.push({ label: `Text: “${filters.q}”`, remove: { q: null } });
  return active;
}
