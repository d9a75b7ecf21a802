// Every request carries an id (set in proxy.ts): unexpected errors are logged with it and API error answers show it,
// so what a user reports can be found in the server log without showing them anything internal.
export const REQUEST_ID_HEADER = "x-request-id";

export function requestIdOf(request: Request | { headers: Headers }): string {
  return request.headers.get(REQUEST_ID_HEADER) ?? "none";
}

/** Logs an unexpected error, with its stack, for the operator; the user is shown only the request id. */
export function logRequestError(requestId: string, where: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  console.error(`[request ${requestId}] ${where} failed: ${detail}`);
}

/** The only thing an API client learns about an unexpected failure: that it happened, and its reference. */
export function internalErrorJson(requestId: string): Response {
  return Response.json(
    {
      error: "internal error",
      message: `Something went wrong on the server. Quote this reference when reporting it: ${requestId}.`,
      requestId,
    },
    { status: 500, headers: { [REQUEST_ID_HEADER]: requestId } },
  );
}

type Handler = (request: Request, ...rest: never[]) => Promise<Response>;

/**
 * Wraps a route handler: an error it throws becomes a 500 with `{ error, message, requestId }` (no stack, no SQL),
 * and the server logs it with the same id. A request that did not pass through proxy.ts gets an id here.
 */
export function withErrorHandling<H extends Handler>(handler: H): H {
  return (async (request: Request, ...rest: never[]) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      const requestId = request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
      logRequestError(requestId, `${request.method} ${new URL(request.url).pathname}`, error);
      return internalErrorJson(requestId);
    }
  }) as H;
}
