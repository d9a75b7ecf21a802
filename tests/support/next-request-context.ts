// A stand-in for the request context that next/headers reads inside a Next server, so that server actions can be
// called directly in integration tests with a chosen session cookie. Only the request plumbing is replaced; the
// actions, the database and the authorization checks are the real ones.
export const requestContext = {
  cookies: new Map<string, string>(),
  headers: new Map<string, string>(),
  reset() {
    this.cookies.clear();
    this.headers.clear();
  },
};

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (requestContext.cookies.has(name) ? { name, value: requestContext.cookies.get(name) as string } : undefined),
    set: (name: string, value: string) => void requestContext.cookies.set(name, value),
    delete: (name: string) => void requestContext.cookies.delete(name),
  }),
  headers: async () => ({ get: (name: string) => requestContext.headers.get(name.toLowerCase()) ?? null }),
};
