export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-6">
      <span className="sr-only">Loading the analysis…</span>
      <div className="h-8 w-72 rounded bg-gray-200 dark:bg-gray-800" />
      <div className="h-40 rounded-lg bg-gray-200 dark:bg-gray-800" />
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-80 rounded-lg bg-gray-200 dark:bg-gray-800" />
      ))}
    </div>
  );
}
