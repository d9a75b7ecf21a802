"use client";

import { useActionState } from "react";
import { IDLE } from "@/lib/actions/action-state";
import { saveRound } from "@/lib/actions/rounds/save-round";
import { AMOUNT_QUALIFIERS } from "@/lib/domain";
import { BUTTON, FormMessage, SelectField, TextField } from "./field";

/** A Round's own fields (lib/deals/round-form.ts); which deals are its parts is set in each deal's form. */
export function RoundForm({ id, initial }: { id: number; initial: Record<string, string> }) {
  const [state, action, pending] = useActionState(saveRound, IDLE);
  const v = state.values ?? initial;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <div className="sm:col-span-2">
        <TextField name="name" label="Name" required defaultValue={v.name} errors={e.name} maxLength={300} />
      </div>
      <TextField
        name="announced_on"
        label="Date"
        type="date"
        required
        defaultValue={v.announced_on}
        errors={e.announced_on}
        hint="The round's date: its deals are grouped and charted at it."
      />
      <SelectField
        name="amount_qualifier"
        label="Total as reported: qualifier"
        defaultValue={v.amount_qualifier ?? "undisclosed"}
        errors={e.amount_qualifier}
        options={AMOUNT_QUALIFIERS.map((q) => ({ value: q, label: q.replace("_", " ") }))}
      />
      <TextField
        name="amount_usd_low"
        label="Total as reported: low (USD)"
        inputMode="numeric"
        defaultValue={v.amount_usd_low}
        errors={e.amount_usd_low}
        hint="Whole dollars, digits only."
      />
      <TextField
        name="amount_usd_high"
        label="Total as reported: high (USD)"
        inputMode="numeric"
        defaultValue={v.amount_usd_high}
        errors={e.amount_usd_high}
      />
      <TextField
        name="post_money_valuation_usd"
        label="Post-money valuation (USD)"
        inputMode="numeric"
        defaultValue={v.post_money_valuation_usd}
        errors={e.post_money_valuation_usd}
      />
      <div className="space-y-2 sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
        <button type="submit" className={BUTTON} disabled={pending}>
          Save round
        </button>
      </div>
    </form>
  );
}
