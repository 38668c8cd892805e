'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { LiveEventsProvider, useLiveEvents } from '../platform/live-events';
import { ApiDownNotice } from './api-state';

const PAGES = [
  { href: '/', label: 'Overview' },
  { href: '/tables/', label: 'Tables' },
  { href: '/runs/', label: 'Runs & quality' },
  { href: '/query/', label: 'Query' },
] as const;

function ConnectionBadge() {
  const live = useLiveEvents();
  const text = { connecting: 'connecting…', up: 'live', down: 'API down', unavailable: 'no live events (AWS)' }[
    live.connection
  ];
  return (
    <span className={`connection connection-${live.connection}`} role="status" data-testid="connection">
      <span className="dot" aria-hidden="true" /> {text}
    </span>
  );
}

function DownBanner() {
  const live = useLiveEvents();
  return live.connection === 'down' ? <ApiDownNotice detail={live.problem} /> : null;
}

/** The frame of every page: skip link, navigation, the live connection, the API-down banner. */
export function AppShell({ children }: { children: ReactNode }) {
  const path = usePathname();
  const current = (href: string) => (href === '/' ? path === '/' : path.startsWith(href.replace(/\/$/, '')));
  return (
    <LiveEventsProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">AutoCorp Lakehouse</span>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <Link key={p.href} href={p.href} aria-current={current(p.href) ? 'page' : undefined}>
              {p.label}
            </Link>
          ))}
        </nav>
        <ConnectionBadge />
      </header>
      <DownBanner />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </LiveEventsProvider>
  );
}
