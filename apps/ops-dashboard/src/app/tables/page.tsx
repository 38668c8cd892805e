import { TablesPage } from '../../tables/tables-page';

export default function Page() {
  return <TablesPage />;
}
