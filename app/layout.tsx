import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteChrome } from "@/components/site-chrome";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AI Deal Tracker", template: "%s · AI Deal Tracker" },
  description:
    "Who invested how much in which AI company, when, on what terms, how sure the report is, and where the capital concentrates.",
  // The static files live in public/: /favicon.ico (asked for by browsers on their own), the SVG icon and the manifest.
  icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], shortcut: "/favicon.ico" },
  manifest: "/manifest.webmanifest",
  // Share cards need absolute image URLs: SITE_URL is the public address (e.g. https://deals.example.org).
  ...(process.env.SITE_URL ? { metadataBase: new URL(process.env.SITE_URL) } : {}),
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#030712" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-white text-gray-900 antialiased dark:bg-gray-950 dark:text-gray-100">
        <SiteChrome>
          <a href="#main" className="skip-link">
            Skip to content
          </a>
          <SiteHeader />
        </SiteChrome>
        {/* At least a screen tall: the footer starts below the fold, so the page's content never moves it into view. */}
        <main id="main" className="mx-auto min-h-screen w-full max-w-6xl flex-1 px-4 py-6 sm:px-6">
          {children}
        </main>
        <SiteChrome>
          <SiteFooter />
        </SiteChrome>
      </body>
    </html>
  );
}
