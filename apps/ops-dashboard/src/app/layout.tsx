import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '../components/app-shell';
import '@autocorp/web-theme/theme.css';
import './globals.css';

export const metadata: Metadata = {
  title: 'AutoCorp Lakehouse · Ops',
  description: 'The live platform: pipeline health, tables, runs and quality, queries.',
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
        <AppShell>{children}</AppShell>
      </body>
    </html>
  );
}
