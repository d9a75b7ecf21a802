// What changed between a revision's before and after, field by field, for the history page.
const IGNORED = new Set(["updatedAt", "createdAt", "version", "id"]);

export type FieldChange = { field: string; before: string; after: string };

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map(show).join("; ");
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("role" in o && ("organizationId" in o || "partyLabel" in o))
      return `${o.partyLabel ?? `organization ${o.organizationId}`} (${o.role}${o.note ? `, ${o.note}` : ""})`;
    if ("url" in o) return String(o.url ?? o.publisher ?? "source");
    return JSON.stringify(o);
  }
  return String(value);
}

export function diffRevision(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = beforeJson ? (JSON.parse(beforeJson) as Record<string, unknown>) : {};
  const after = afterJson ? (JSON.parse(afterJson) as Record<string, unknown>) : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !IGNORED.has(f));
  return fields.map((field) => ({ field, before: show(before[field]), after: show(after[field]) })).filter((c) => c.before !== c.after);
}
