// How much one import may hold: past these the file is refused with a clear message before anything is parsed.
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function checkImportSize(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES ? `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported at once` : null;
}

/** Strict UTF-8: a file in another encoding is refused instead of importing mangled names. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
