import { openApiDocument } from "@/lib/openapi/openapi-document";

// The document is a constant: build it once at build time instead of on every request.
export const dynamic = "force-static";

/** GET /api/openapi.json: the OpenAPI 3.1 description of this API. */
export function GET() {
  return Response.json(openApiDocument);
}
