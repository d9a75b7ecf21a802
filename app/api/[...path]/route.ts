// Any address under /api that no route handler serves: a JSON 404 in the API's one error shape, whatever the method,
// instead of the HTML not-found page (an API client reads the body as JSON). Next tries every other route first.
import { notFoundJson } from "@/lib/api/responses";

function unknownRoute(request: Request): Response {
  return notFoundJson(`No API route at ${new URL(request.url).pathname}; /api/openapi.json lists them.`);
}

export const GET = unknownRoute;
export const HEAD = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
