// Vitest runs server modules directly in Node; "server-only" only guards the client bundle, so it is a no-op here.
export {};
