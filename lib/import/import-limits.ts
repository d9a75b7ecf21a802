// How much one import may hold: past these the file is refused with a clear message before anything is parsed.
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** What a refusal says about a body of `bytes` (at least that many: reading stops past the limit). */
export function importTooLarge(bytes: number): string {
  return `the file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB (${(bytes / 1024 / 1024).toFixed(1)} MB read); at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported at once`;
}

export function checkImportSize(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES ? importTooLarge(bytes) : null;
}

/** Strict UTF-8: a file in another encoding is refused instead of importing mangled names. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
