// The words of one change, shared by the /changes page and its Atom feed so both say the same thing.
import { STATUS_LABELS, type AmountQualifier, type DealStatus } from "../domain";
import { formatAmount } from "../format";

type State = { status: DealStatus; amountUsdLow: bigint | null; amountUsdHigh: bigint | null; amountQualifier: AmountQualifier };
type Describable = State & { kinds: readonly string[]; previous: State | null; deal: { recipient: { name: string }; investors: string[] } };

/** "In talks, up to $50B": how a state reads. */
export function stateText(s: State): string {
  return `${STATUS_LABELS[s.status]}, ${formatAmount(s.amountUsdLow, s.amountUsdHigh, s.amountQualifier).replace(/^(Up to|About|At least|Undisclosed)/, (w) => w.toLowerCase())}`;
}

/** "Amazon → OpenAI": up to three investors, then "and N more". */
export function partiesText(deal: Describable["deal"]): string {
  const named = deal.investors.slice(0, 3).join(", ");
  const more = deal.investors.length > 3 ? ` and ${deal.investors.length - 3} more` : "";
  return `${named || "Undisclosed"}${more} → ${deal.recipient.name}`;
}

/** A one-line title: the parties, then the new state, or the old state and the new one. */
export function changeTitle(change: Describable): string {
  if (change.previous === null)
    return `${partiesText(change.deal)}: first reported, ${stateText(change).replace(/^./, (c) => c.toLowerCase())}`;
  return `${partiesText(change.deal)}: ${stateText(change.previous).replace(/^./, (c) => c.toLowerCase())} → ${stateText(change).replace(/^./, (c) => c.toLowerCase())}`;
}
