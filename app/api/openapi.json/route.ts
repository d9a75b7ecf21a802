import { openApiDocument } from "@/lib/openapi/openapi-document";

/** GET /api/openapi.json: the OpenAPI 3.1 description of this API. */
export function GET() {
  return Response.json(openApiDocument);
}
