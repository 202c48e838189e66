import type { Metadata } from 'next';
import { BUILD_SAMPLE, ProductPage, productMetadata, type ProductParams } from './product-view';

/** A product page: /p/<slug> (its first SKU), and /p/<slug>?sku=<id>, which the proxy serves from /p/<slug>~<id>. */
export function generateStaticParams() {
  return [{ slug: BUILD_SAMPLE }];
}

export function generateMetadata({ params }: { params: ProductParams }): Promise<Metadata> {
  return productMetadata(params);
}

export default function Page({ params }: { params: ProductParams }) {
  return <ProductPage params={params} />;
}
