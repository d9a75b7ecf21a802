/** What an organization page or ranking shows while its data loads. */
export function OrganizationPageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-6">
      <span className="sr-only">{label}</span>
      <div className="h-8 w-64 rounded bg-gray-200 dark:bg-gray-800" />
      <div className="h-4 w-full max-w-xl rounded bg-gray-200 dark:bg-gray-800" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-24 rounded-lg bg-gray-200 dark:bg-gray-800" />
        ))}
      </div>
      <div className="h-80 rounded-lg bg-gray-200 dark:bg-gray-800" />
    </div>
  );
}
