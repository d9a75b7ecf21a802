// Next calls onRequestError for an error thrown while rendering a page or running a server action (route handlers
// catch their own, see lib/request-id.ts). The user sees only the error's digest (app/error.tsx); this log line ties
// that digest to the request id proxy.ts gave the request, next to the stack Next logs itself.
import type { Instrumentation } from "next";
import { REQUEST_ID_HEADER } from "./lib/request-id";

// Runs once when the server starts, in the process that accepts the connections: from here on every request carries
// its socket's address (lib/client-address.ts explains why it is read here).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./lib/connection-stamp")).installConnectionStamp();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = (Array.isArray(header) ? header[0] : header) ?? "none";
  const digest = (error as { digest?: string }).digest ?? "none";
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(
    `[request ${requestId}] ${request.method} ${request.path} failed (${context.routeType} ${context.routePath}), reference ${digest}: ${detail}`,
  );
};
