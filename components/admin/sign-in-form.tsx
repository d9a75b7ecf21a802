"use client";

import { useActionState } from "react";
import { signIn } from "@/lib/actions/auth/sign-in";
import { IDLE } from "@/lib/actions/action-state";
import { BUTTON, FormMessage, TextField } from "./field";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signIn, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
      />
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" className={BUTTON} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
