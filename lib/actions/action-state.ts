// The one result shape of every server action, as read by useActionState in the forms.
import { AuthorizationError } from "../auth/roles";

export type FieldErrors = Record<string, string[]>;

export type ActionState = {
  status: "idle" | "ok" | "error" | "conflict";
  message?: string;
  /** 401 or 403 when the caller may not do this. */
  httpStatus?: number;
  fieldErrors?: FieldErrors;
  /** What the user typed, so that nothing is lost when the form comes back with errors. */
  values?: Record<string, string>;
  /** On a conflict: the field values someone else saved, and the version to save over them. */
  theirs?: Record<string, string>;
  currentVersion?: number;
  /** Anything else a form shows after success (an import preview, a token shown once). */
  data?: unknown;
};

export const IDLE: ActionState = { status: "idle" };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/** Turns an authorization failure into a form state; anything else is rethrown. */
export function authorizationFailure(error: unknown): ActionState {
  if (error instanceof AuthorizationError) return { status: "error", httpStatus: error.status, message: error.message };
  throw error;
}
