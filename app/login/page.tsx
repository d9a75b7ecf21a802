import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { safeNextPath } from "@/lib/auth/safe-next";
import { getSessionActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  const target = safeNextPath(next);
  if (await getSessionActor()) redirect(target);
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-sm muted">For editors. Reading the dashboard needs no account.</p>
      <div className="mt-6">
        <SignInForm next={target} />
      </div>
    </div>
  );
}
