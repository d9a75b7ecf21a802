import { openApiDocument } from "@/lib/openapi/openapi-document";

/**
 * The document is a constant built once when the module loads. It is served per request rather than prerendered: a
 * prerendered route is sent as cacheable for a year, and the document changes with each release of the API.
 */
export const CACHE_CONTROL = "public, max-age=300, must-revalidate";

/** GET /api/openapi.json: the OpenAPI 3.1 description of this API. */
export function GET() {
  return Response.json(openApiDocument, { headers: { "cache-control": CACHE_CONTROL } });
}
