import { NotFoundBody } from '@/components/layout/not-found-body';

// notFound() inside a shop page: rendered inside the shop layout (full header).
export default function ShopNotFound() {
  return <NotFoundBody />;
}
