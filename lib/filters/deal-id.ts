// A deal id as it appears in a URL (/deals/42, /api/deals/42): digits only, so "42abc" or "1e3" is no deal.
const DEAL_ID = /^[1-9]\d{0,8}$/;

export function parseDealId(raw: string): number | null {
  return DEAL_ID.test(raw) ? Number(raw) : null;
}
