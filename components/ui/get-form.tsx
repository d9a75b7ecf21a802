"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent, type ReactNode } from "react";

/**
 * A plain GET form that works without JavaScript. With it, the submitted URL leaves out empty fields and values
 * equal to their defaults (so shared links stay short), the page changes without a full reload, and the form says
 * it is loading meanwhile. (No loading.tsx here: its streamed fallback is never replaced when JavaScript is off.)
 */
export function GetForm({
  action,
  defaults,
  label,
  className,
  children,
}: {
  action: string;
  defaults: Record<string, string>;
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value !== "string" || value.trim() === "" || defaults[name] === value) continue;
      params.append(name, value);
    }
    const query = params.toString();
    startTransition(() => router.push(query ? `${action}?${query}` : action));
  }
  return (
    <form method="get" action={action} onSubmit={submit} aria-label={label} aria-busy={pending} className={className}>
      {children}
      <p role="status" className="mt-2 min-h-5 text-sm muted">
        {pending ? "Loading the deals…" : ""}
      </p>
    </form>
  );
}
