import type { Metadata } from 'next';
import { BUILD_SAMPLE, ProductPage, productMetadata, type ProductParams } from './product-view';

/** A product with its first SKU chosen; /p/<slug>?sku=<id> is ./[sku]/page.tsx (the proxy rewrites it). */
export function generateStaticParams() {
  return [{ slug: BUILD_SAMPLE }];
}

export function generateMetadata({ params }: { params: ProductParams }): Promise<Metadata> {
  return productMetadata(params);
}

export default function Page({ params }: { params: ProductParams }) {
  return <ProductPage params={params} />;
}
