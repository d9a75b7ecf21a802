import type { ReactNode } from "react";

const INPUT =
  "mt-1 block w-full rounded border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900 focus:border-blue-600 focus:outline-2 focus:outline-blue-600 aria-[invalid=true]:border-red-600 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100";

type Common = { name: string; label: string; errors?: string[]; hint?: ReactNode; required?: boolean };

function Shell({ name, label, errors, hint, required, children }: Common & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className="block text-sm font-medium">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`f-${name}-hint`} className="mt-1 text-xs muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <ul id={`f-${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function describedBy(name: string, errors?: string[], hint?: ReactNode) {
  const ids = [hint ? `f-${name}-hint` : "", errors?.length ? `f-${name}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

export function TextField(
  props: Common & {
    defaultValue?: string;
    type?: string;
    inputMode?: "numeric" | "decimal" | "url" | "email";
    list?: string;
    autoComplete?: string;
    maxLength?: number;
  },
) {
  const { name, errors, hint, required, defaultValue, type = "text", inputMode, list, autoComplete, maxLength } = props;
  return (
    <Shell {...props}>
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        inputMode={inputMode}
        list={list}
        autoComplete={autoComplete ?? "off"}
        maxLength={maxLength}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, errors, hint)}
        className={INPUT}
      />
    </Shell>
  );
}

export function TextArea(props: Common & { defaultValue?: string; rows?: number }) {
  const { name, errors, hint, required, defaultValue, rows = 3 } = props;
  return (
    <Shell {...props}>
      <textarea
        id={`f-${name}`}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, errors, hint)}
        className={INPUT}
      />
    </Shell>
  );
}

export function SelectField(props: Common & { defaultValue?: string; options: { value: string; label: string }[] }) {
  const { name, errors, hint, required, defaultValue, options } = props;
  return (
    <Shell {...props}>
      {/* Keyed by its default: React applies a select's defaultValue only when it mounts, and resets the form after
          each action, so without the key a failed save would put the select back to its first value. */}
      <select
        key={defaultValue}
        id={`f-${name}`}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, errors, hint)}
        className={INPUT}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function FormMessage({ status, message }: { status: string; message?: string }) {
  return (
    <div aria-live="polite" role="status" className="min-h-6">
      {message ? (
        <p className={status === "ok" ? "text-green-800 dark:text-green-300" : "font-medium text-red-700 dark:text-red-400"}>{message}</p>
      ) : null}
    </div>
  );
}

export const BUTTON =
  "inline-flex items-center rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60";
export const SECONDARY_BUTTON =
  "inline-flex items-center rounded border border-gray-300 px-4 py-2 text-sm hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-gray-700 dark:hover:bg-gray-800";
