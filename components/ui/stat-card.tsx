import type { ReactNode } from "react";

export function StatCard({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="stat-card">
      <dt className="text-sm muted">{label}</dt>
      <dd className="stat-value">{value}</dd>
      {detail ? <dd className="mt-1 hint">{detail}</dd> : null}
    </div>
  );
}
