"use client";

import { useActionState } from "react";
import { IDLE } from "@/lib/actions/action-state";
import { createToken } from "@/lib/actions/tokens/create-token";
import { revokeToken } from "@/lib/actions/tokens/revoke-token";
import { BUTTON, FormMessage, SECONDARY_BUTTON, TextField } from "./field";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createToken, IDLE);
  const token = (state.data as { token?: string } | undefined)?.token;
  return (
    <form action={action} className="max-w-md space-y-3">
      <TextField name="name" label="Token name" required errors={state.fieldErrors?.name} hint="What it is for, e.g. nightly import." />
      <FormMessage status={state.status} message={state.message} />
      {token ? (
        <p>
          <label htmlFor="new-token" className="block text-sm font-medium">
            New token
          </label>
          <input
            id="new-token"
            readOnly
            value={token}
            className="mt-1 w-full rounded border border-gray-300 px-2 py-1 font-mono text-sm dark:border-gray-700 dark:bg-gray-900"
          />
        </p>
      ) : null}
      <button type="submit" className={BUTTON} disabled={pending}>
        Create token
      </button>
    </form>
  );
}

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [state, action, pending] = useActionState(revokeToken, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={SECONDARY_BUTTON} disabled={pending} aria-label={`Revoke token ${name}`}>
        Revoke
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
