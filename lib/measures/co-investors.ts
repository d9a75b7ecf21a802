// Who invested alongside an investor: the other named investors of the deals it is in.
import { UNDISCLOSED_KEY, type MeasureDeal } from "./capital";

export type CoInvestor = { key: string; name: string; deals: number };

/** Every other named investor with the number of deals (of any kind and status) it shares with the investor; most first. */
export function coInvestorsOf(deals: readonly MeasureDeal[], investorKey: string): CoInvestor[] {
  const counts = new Map<string, CoInvestor>();
  for (const deal of deals) {
    if (!deal.investors.some((i) => i.key === investorKey)) continue;
    // A deal counts once per co-investor, even if a name were listed twice.
    const others = new Map(deal.investors.filter((i) => i.key !== investorKey && i.key !== UNDISCLOSED_KEY).map((i) => [i.key, i.name]));
    for (const [key, name] of others) {
      const entry = counts.get(key) ?? { key, name, deals: 0 };
      entry.deals++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.deals - a.deals || a.name.localeCompare(b.name));
}
