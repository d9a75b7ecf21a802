"use client";

/**
 * One loop drawn as two boxes and two arrows: capital from the investor to the company above, spending from the
 * company back to the investor's unit below. An illustration of the legs listed beside it, which are its text.
 * A client component for its size, not for a script: its six short props travel in React's payload, where the
 * drawing's elements would travel again beside its HTML (the same SVG with or without JavaScript).
 */
export function CircularFlowDiagram({
  id,
  investor,
  company,
  suppliers,
  inLabel,
  backLabel,
}: {
  id: string;
  investor: string;
  company: string;
  suppliers: string[];
  inLabel: string;
  backLabel: string;
}) {
  const receiving = suppliers.filter((s) => s !== investor).join(", ");
  const description = `${investor} put ${inLabel} into ${company}; ${company} committed ${backLabel} back to ${suppliers.join(" and ")}.`;
  const box = "fill-white stroke-gray-400 dark:fill-gray-900 dark:stroke-gray-500";
  const text = "fill-gray-900 dark:fill-gray-100";
  return (
    <svg viewBox="0 0 360 200" role="img" aria-label={description} className="h-auto w-full max-w-md">
      <defs>
        {(["in", "back"] as const).map((leg) => (
          <marker
            key={leg}
            id={`${id}-${leg}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={leg === "in" ? "var(--chart-money-in)" : "var(--chart-money-back)"} />
          </marker>
        ))}
      </defs>
      {/* Fill and anchor are inherited from the groups, so each box and label does not repeat its classes. */}
      <g className={box}>
        <rect x="4" y="70" width="120" height="60" rx="6" />
        <rect x="236" y="70" width="120" height="60" rx="6" />
      </g>
      <path d="M70,67 C120,23 240,23 290,67" fill="none" stroke="var(--chart-money-in)" strokeWidth="3" markerEnd={`url(#${id}-in)`} />
      <path
        d="M290,133 C240,177 120,177 70,133"
        fill="none"
        stroke="var(--chart-money-back)"
        strokeWidth="3"
        strokeDasharray="6 3"
        markerEnd={`url(#${id}-back)`}
      />
      <g className={text} textAnchor="middle">
        <text x="64" y={receiving ? 95 : 104} fontSize="13" fontWeight="600">
          {investor}
        </text>
        {receiving ? (
          <text x="64" y="113" fontSize="11">
            {`via ${receiving}`}
          </text>
        ) : null}
        <text x="296" y="104" fontSize="13" fontWeight="600">
          {company}
        </text>
        <text x="180" y="18" fontSize="12">
          {`capital in: ${inLabel}`}
        </text>
        <text x="180" y="195" fontSize="12">
          {`spending back: ${backLabel}`}
        </text>
      </g>
    </svg>
  );
}
