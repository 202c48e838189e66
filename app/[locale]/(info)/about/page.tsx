import type { Metadata } from 'next';
import { Link } from '@/components/layout/link';
import { isLocale } from '@/lib/i18n/config';
import { pageAlternates } from '@/lib/routing/public-url';

// A static page, prerendered at build for each language with no data: also the baseline of the
// TTFB benchmark.
const content = {
  fr: {
    title: 'À propos de Comptoir',
    body: [
      'Comptoir est une vitrine omnicanale libre : un seul catalogue, un seul prix et une seule image du stock, sur le site, au téléphone et en magasin.',
      'Chaque fiche produit montre le stock de votre magasin et des magasins voisins, avec l’heure du chiffre.',
    ],
    cta: 'Trouver un magasin',
  },
  en: {
    title: 'About Comptoir',
    body: [
      'Comptoir is an open-source omnichannel storefront: one catalogue, one price and one stock picture across the website, the phone and the shops.',
      'Every product page shows the stock in your store and in the stores nearby, with the time of the figure.',
    ],
    cta: 'Find a store',
  },
} as const;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const lang = isLocale(locale) ? locale : 'fr';
  return { title: content[lang].title, alternates: pageAlternates('/about', lang) };
}

export default async function AboutPage({ params }: Props) {
  const { locale } = await params;
  const t = content[isLocale(locale) ? locale : 'fr'];
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {t.body.map((p) => (
        <p key={p} className="leading-relaxed">
          {p}
        </p>
      ))}
      <Link href="/stores" className="btn-primary">
        {t.cta}
      </Link>
    </article>
  );
}
