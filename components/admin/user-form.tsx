"use client";

import { useActionState } from "react";
import { IDLE } from "@/lib/actions/action-state";
import { createUserAction } from "@/lib/actions/users/create-user";
import { BUTTON, FormMessage, SelectField, TextField } from "./field";

export function UserForm() {
  const [state, action, pending] = useActionState(createUserAction, IDLE);
  const v = state.values ?? {};
  return (
    <form action={action} className="grid max-w-2xl gap-4 sm:grid-cols-3" noValidate>
      <TextField name="email" label="Email" type="email" required defaultValue={v.email} errors={state.fieldErrors?.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        errors={state.fieldErrors?.password}
        hint="At least 12 characters."
      />
      <SelectField
        name="role"
        label="Role"
        defaultValue={v.role ?? "editor"}
        errors={state.fieldErrors?.role}
        options={[
          { value: "editor", label: "Editor" },
          { value: "admin", label: "Admin" },
        ]}
      />
      <div className="sm:col-span-3 space-y-2">
        <FormMessage status={state.status} message={state.message} />
        <button type="submit" className={BUTTON} disabled={pending}>
          Create user
        </button>
      </div>
    </form>
  );
}
