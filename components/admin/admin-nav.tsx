import Link from "next/link";
import { signOut } from "@/lib/actions/auth/sign-out";
import type { Actor } from "@/lib/auth/roles";

const LINK = "nav-link";

export function AdminNav({ actor }: { actor: Actor }) {
  const links = [
    { href: "/admin", label: "Deals" },
    { href: "/admin/deals/new", label: "New deal" },
    { href: "/admin/organizations", label: "Organizations" },
    { href: "/admin/import", label: "Import" },
    { href: "/admin/tokens", label: "API tokens" },
    ...(actor.role === "admin" ? [{ href: "/admin/users", label: "Users" }] : []),
  ];
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-2 border-b border-gray-200 pb-3 dark:border-gray-800">
      <nav aria-label="Editing">
        <ul className="flex flex-wrap gap-1 text-sm">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className={LINK}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form action={signOut} className="flex items-center gap-2 text-sm">
        <span className="muted">
          {actor.email} ({actor.role})
        </span>
        <button type="submit" className={LINK}>
          Sign out
        </button>
      </form>
    </div>
  );
}
