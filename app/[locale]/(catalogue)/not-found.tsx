import { NotFoundBody } from '@/components/layout/not-found-body';

// notFound() inside a home or product page: rendered inside the shop's frame (full header).
export default function CatalogueNotFound() {
  return <NotFoundBody />;
}
