// The organization routes read `from`, `to` and `asOf` as their pages do (lib/filters/date-window.ts), but strictly:
// a bad one answers 400 naming the parameter instead of falling back to every date or today.
import { parseDateWindow, type DateWindow } from "../filters/date-window";
import { invalidParameters } from "./responses";

export function parseApiDateWindow(
  request: Request,
): { window: DateWindow; asOf: string | null; error: null } | { window: null; asOf: null; error: Response } {
  const { window, asOf, issues } = parseDateWindow(new URL(request.url).searchParams);
  return issues.length > 0 ? { window: null, asOf: null, error: invalidParameters(issues) } : { window, asOf, error: null };
}
