import type { ReactNode } from "react";
import { isHttpUrl } from "@/lib/http-url";

/**
 * A link to a page elsewhere (a deal's source, an organization's website). Only http and https addresses become
 * links, so a stored `javascript:` or `data:` URL can never run; they open with rel="noopener noreferrer".
 * Anything else is shown as plain text.
 */
export function ExternalLink({ href, className, children }: { href: string; className?: string; children?: ReactNode }) {
  if (!isHttpUrl(href)) return <span>{children ?? href}</span>;
  return (
    <a href={href} rel="noopener noreferrer" className={className}>
      {children ?? new URL(href).hostname}
    </a>
  );
}

/** The host name of an address for a link's text, or the address itself when it is not a URL. */
export function hostOf(href: string): string {
  try {
    return new URL(href).hostname || href;
  } catch {
    return href;
  }
}
