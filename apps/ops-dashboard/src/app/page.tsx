import { OverviewPage } from '../overview/overview-page';

export default function Page() {
  return <OverviewPage />;
}
