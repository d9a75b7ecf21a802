import { KIND_LABELS, type DealKind } from "../domain";

/** A deal named in one line: its recipient and its round, or its kind when it has no round ("Anthropic: Series F"). */
export function dealTitle(deal: { recipientName: string; round: string | null; kind: DealKind }): string {
  return `${deal.recipientName}: ${deal.round ?? KIND_LABELS[deal.kind]}`;
}
