import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requirePageActor } from "@/lib/auth/page-actor";

export const metadata: Metadata = { title: { default: "Editing", template: "%s · Editing · AI Deal Tracker" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor("/admin");
  return (
    <div>
      <AdminNav actor={actor} />
      {children}
    </div>
  );
}
