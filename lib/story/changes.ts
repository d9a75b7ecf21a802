// "What changed": a deal's lifecycle events read as a feed of changes (its first report, then each change of status
// or of reported amount). Each event's kinds are kept on it by the deal writers (lib/data/raw/change-kinds.ts) and
// read by lib/data/changes.ts for /changes and its Atom feed; tests/support/reference-changes.ts is the same rule over
// one deal's events in memory, which the tests hold them to.
export const CHANGE_KINDS = ["new", "status", "amount"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_LABELS: Record<ChangeKind, string> = { new: "New deal", status: "Status change", amount: "Amount change" };
