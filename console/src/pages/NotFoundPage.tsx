import { EmptyState } from '../components/EmptyState.js';
import { Link } from '../router.js';

export function NotFoundPage() {
  return (
    <EmptyState icon="?" title="No such page" action={<Link to="/connections" className="btn btn-primary">Go to connections</Link>}>
      <p>The address does not match any page of the console.</p>
    </EmptyState>
  );
}
