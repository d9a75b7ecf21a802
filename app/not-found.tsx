import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 muted">There is nothing at this address.</p>
      <Link href="/" className="mt-4 inline-block text-blue-700 underline dark:text-blue-400">
        Back to the overview
      </Link>
    </div>
  );
}
