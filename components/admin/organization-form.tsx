"use client";

import { useActionState } from "react";
import { IDLE } from "@/lib/actions/action-state";
import { saveOrganization } from "@/lib/actions/organizations/save-organization";
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES } from "@/lib/domain";
import { BUTTON, FormMessage, SelectField, TextArea, TextField } from "./field";

export function OrganizationForm({
  id,
  initial,
  parents,
}: {
  id: number | null;
  initial: Record<string, string>;
  parents: { id: number; name: string }[];
}) {
  const [state, action, pending] = useActionState(saveOrganization, IDLE);
  const v = state.values ?? initial;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      {id !== null ? <input type="hidden" name="id" value={id} /> : null}
      <TextField name="name" label="Name" required defaultValue={v.name} errors={e.name} />
      <TextField name="slug" label="Slug" required defaultValue={v.slug} errors={e.slug} hint="Used in addresses: /investors/amazon." />
      <SelectField
        name="type"
        label="Type"
        defaultValue={v.type ?? "other"}
        errors={e.type}
        options={ORGANIZATION_TYPES.map((t) => ({ value: t, label: ORGANIZATION_TYPE_LABELS[t] }))}
      />
      <TextField name="country" label="Country (ISO code)" defaultValue={v.country} errors={e.country} maxLength={2} />
      <TextField name="website" label="Website" type="url" defaultValue={v.website} errors={e.website} />
      <SelectField
        name="parentId"
        label="Parent organization"
        defaultValue={v.parentId ?? ""}
        errors={e.parentId}
        hint="E.g. AWS under Amazon: measures link divisions through this, never by name."
        options={[{ value: "", label: "None" }, ...parents.filter((p) => p.id !== id).map((p) => ({ value: String(p.id), label: p.name }))]}
      />
      <div className="sm:col-span-2">
        <TextArea
          name="aliases"
          label="Aliases"
          rows={4}
          defaultValue={v.aliases}
          errors={e.aliases}
          hint="One per line: other spellings met in reports (QIA, Amazon (AWS))."
        />
      </div>
      <div className="sm:col-span-2 space-y-2">
        <FormMessage status={state.status} message={state.message} />
        <button type="submit" className={BUTTON} disabled={pending}>
          {id === null ? "Create organization" : "Save organization"}
        </button>
      </div>
    </form>
  );
}
