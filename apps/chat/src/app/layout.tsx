import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import '@autocorp/web-theme/theme.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'AutoCorp Lakehouse · Assistant',
  description: 'Ask the lakehouse in plain language: answers with their table, chart, sources and SQL.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#question">
          Skip to the question box
        </a>
        {children}
      </body>
    </html>
  );
}
