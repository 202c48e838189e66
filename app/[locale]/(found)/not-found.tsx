import { NotFoundBody } from '@/components/layout/not-found-body';

// notFound() inside a search or department page: rendered inside the shop frame (full header).
export default function FoundNotFound() {
  return <NotFoundBody />;
}
