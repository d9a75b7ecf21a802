// Whether a stored address may become a link: only http and https with a host, so that a `javascript:` or `data:` URL
// never runs. Its own module, free of the CSV format's zod schemas, since client components (ExternalLink in the
// organization pages' rows) need it and each kilobyte there is every visitor's.
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}
