// Random bearer secrets (session cookies, API tokens) and the hash under which they are stored.
import { createHash, randomBytes } from "node:crypto";

export function generateSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** SHA-256 is enough here: the secret has 256 random bits, so there is nothing to brute-force. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
