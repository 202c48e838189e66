import type { Metadata } from 'next';
import { BUILD_SAMPLE, ProductPage, productMetadata, type ProductParams } from '../product-view';

/**
 * A product with one SKU chosen: what /p/<slug>?sku=<id> shows (proxy.ts rewrites the query to this
 * path, so each SKU's page is kept on its own). Not a public URL: /p/<slug>/<id> asked directly is a 404.
 */
export function generateStaticParams() {
  return [{ sku: BUILD_SAMPLE }];
}

export function generateMetadata({ params }: { params: ProductParams }): Promise<Metadata> {
  return productMetadata(params);
}

export default function Page({ params }: { params: ProductParams }) {
  return <ProductPage params={params} />;
}
