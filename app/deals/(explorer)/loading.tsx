export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Deals</h1>
      <p className="text-gray-600 dark:text-gray-400">Loading deals…</p>
      <div aria-hidden="true" className="space-y-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-14 animate-pulse rounded bg-gray-100 dark:bg-gray-900" />
        ))}
      </div>
    </div>
  );
}
