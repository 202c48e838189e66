import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'À propos · About' };

// A static page (prerendered at build for each language, no data): the baseline of the TTFB benchmark.


export default function AboutPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <section lang="fr" className="space-y-3">
        <h1 className="text-2xl font-bold">À propos de Comptoir</h1>
        <p>
          Comptoir est une vitrine omnicanale libre : un seul catalogue, un seul prix et une seule image du stock,
          sur le site, au téléphone et en magasin. Chaque fiche produit montre le stock de votre magasin et des
          magasins voisins.
        </p>
        <p>
          <Link href="/stores" className="font-medium text-brand-700 underline">
            Trouver un magasin
          </Link>
        </p>
      </section>
      <section lang="en" className="space-y-3">
        <h2 className="text-2xl font-bold">About Comptoir</h2>
        <p>
          Comptoir is an open-source omnichannel storefront: one catalogue, one price and one stock picture across
          the website, the phone and the shops. Every product page shows the stock in your store and the stores
          nearby.
        </p>
        <p>
          <Link href="/stores" className="font-medium text-brand-700 underline">
            Find a store
          </Link>
        </p>
      </section>
    </div>
  );
}
