"use client";

// Replaces the root layout when it fails: the same message as app/error.tsx, with its own html and body.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "4rem 1rem" }}>
        <h1>Something went wrong</h1>
        <p>The page could not be loaded{error.digest ? ` (reference ${error.digest})` : ""}. The data is safe; try again later.</p>
      </body>
    </html>
  );
}
