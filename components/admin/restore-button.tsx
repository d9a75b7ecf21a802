"use client";

import { useActionState } from "react";
import { IDLE } from "@/lib/actions/action-state";
import { restoreDealRevisionAction } from "@/lib/actions/deals/restore-deal-revision";
import { FormMessage, SECONDARY_BUTTON } from "./field";

export function RestoreButton({ revisionId }: { revisionId: number }) {
  const [state, action, pending] = useActionState(restoreDealRevisionAction, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="revisionId" value={revisionId} />
      <button type="submit" className={SECONDARY_BUTTON} disabled={pending} aria-label={`Restore the version of revision ${revisionId}`}>
        Restore this version
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}
