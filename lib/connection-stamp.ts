// Writes what the socket knows into every request's headers before Next reads it (see lib/client-address.ts for why
// the socket cannot be reached later): the peer's address and the listening origin, overwriting any header a client
// sent under the same names, so nothing downstream can be told otherwise by the client.
import http from "node:http";
import https from "node:https";
import type { TLSSocket } from "node:tls";
import { SOCKET_ADDRESS_HEADER, SOCKET_ORIGIN_HEADER } from "./client-address";

const INSTALLED = Symbol.for("deal-tracker.connection-stamp");

/** Stamps one request (exported for the test; installConnectionStamp applies it to every server's requests). */
export function stampRequest(request: http.IncomingMessage): void {
  const socket = request.socket;
  request.headers[SOCKET_ADDRESS_HEADER] = socket?.remoteAddress ?? "";
  const local = socket?.localAddress;
  const scheme = (socket as TLSSocket | undefined)?.encrypted ? "https" : "http";
  const host = local ? (local.includes(":") && !/^::ffff:\d/i.test(local) ? `[${local}]` : local.replace(/^::ffff:/i, "")) : "localhost";
  request.headers[SOCKET_ORIGIN_HEADER] = `${scheme}://${host}:${socket?.localPort ?? ""}`.replace(/:$/, "");
  // rawHeaders is what some readers rebuild headers from: drop a client's copies of the two names there too.
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    const name = raw[i].toLowerCase();
    if (name === SOCKET_ADDRESS_HEADER || name === SOCKET_ORIGIN_HEADER) raw.splice(i, 2);
  }
  raw.push(
    SOCKET_ADDRESS_HEADER,
    request.headers[SOCKET_ADDRESS_HEADER] as string,
    SOCKET_ORIGIN_HEADER,
    request.headers[SOCKET_ORIGIN_HEADER] as string,
  );
}

/**
 * Node's HTTP(S) server hands each request to its listeners through `emit("request", …)`; wrapping the prototype's emit
 * reaches the server `next start` created, whatever the order in which it and this were set up.
 */
export function installConnectionStamp(): void {
  for (const server of [http.Server, https.Server]) {
    const proto = server.prototype as http.Server & { [INSTALLED]?: true };
    if (Object.prototype.hasOwnProperty.call(proto, INSTALLED)) continue;
    const emit = proto.emit;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampRequest(args[0] as http.IncomingMessage);
      return (emit as (...all: unknown[]) => boolean).call(this, event, ...args);
    } as typeof proto.emit;
    proto[INSTALLED] = true;
  }
}
