import { QueryPage } from '../../query/query-page';

export default function Page() {
  return <QueryPage />;
}
