"use client";

import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";

/**
 * A plain GET form that works without JavaScript. With it, the submitted URL leaves out empty fields and values
 * equal to their defaults (so shared links stay short), and the page changes without a full reload.
 */
export function GetForm({ action, defaults, label, className, children }: { action: string; defaults: Record<string, string>; label: string; className?: string; children: ReactNode }) {
  const router = useRouter();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value !== "string" || value.trim() === "" || defaults[name] === value) continue;
      params.append(name, value);
    }
    const query = params.toString();
    router.push(query ? `${action}?${query}` : action);
  }
  return (
    <form method="get" action={action} onSubmit={submit} aria-label={label} className={className}>
      {children}
    </form>
  );
}
