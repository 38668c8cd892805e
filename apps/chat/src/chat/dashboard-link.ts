/**
 * The ops dashboard's query page with `sql` in its editor. The dashboard is served at the origin's
 * root beside this app (`/query/?sql=`); NEXT_PUBLIC_DASHBOARD_URL points elsewhere when the two are
 * hosted apart.
 */
export function dashboardQueryUrl(sql: string, dashboardUrl: string | undefined, origin: string): string {
  const base = (dashboardUrl && dashboardUrl.trim() !== '' ? dashboardUrl : origin).replace(/\/$/, '');
  return `${base}/query/?${new URLSearchParams({ sql }).toString()}`;
}
