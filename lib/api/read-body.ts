// Reading a request body with a hard limit, however it is sent (Content-Length or chunked): the bytes are counted as
// they arrive and reading stops past the limit, so a body is either whole and within it or refused with 413, never
// acted on in part. proxy.ts sees every /api request, and Next buffers what it passes on up to
// `proxyClientMaxBodySize` and silently drops the rest, so next.config.ts sets that above every limit here: a body cut
// short by Next is then still longer than the limit, and refused.
export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; response: Response };

export function payloadTooLarge(message: string): Response {
  return Response.json({ error: message }, { status: 413 });
}

export async function readBodyWithLimit(request: Request, limit: number, tooLarge: (bytes: number) => string): Promise<BodyRead> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit)
    return { ok: false, response: payloadTooLarge(tooLarge(Number(declared))) };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, response: payloadTooLarge(tooLarge(total)) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
