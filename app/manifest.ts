import type { MetadataRoute } from 'next';

/**
 * The installed app (issue 5): Comptoir on the home screen, opening standalone. The card is a
 * shortcut of its own, since it is what a shopper opens at the till, network or not (public/sw.js
 * keeps the last copy). One manifest for both languages: the names are the brand's.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Comptoir',
    short_name: 'Comptoir',
    description: 'Un seul catalogue, un seul prix, un seul stock — en ligne et dans nos magasins.',
    lang: 'fr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#f7f7f5',
    theme_color: '#17644b',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [
      {
        name: 'Ma carte de fidélité',
        short_name: 'Ma carte',
        url: '/account/card',
        icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
      },
    ],
  };
}
