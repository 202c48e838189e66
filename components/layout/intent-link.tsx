'use client';

import { Link } from './link';
import { useState, type ComponentProps } from 'react';

type Props = Omit<ComponentProps<typeof Link>, 'prefetch' | 'onMouseEnter' | 'onFocus' | 'onTouchStart'>;

/**
 * A link that prefetches its page only once the shopper shows intent (pointer over it, keyboard
 * focus, a finger down), not as soon as it scrolls into view. For long lists of links — the
 * departments in every header, product grids — where viewport prefetching fires a request per link
 * while the page itself is still loading and hydrating. Next's documented hover-prefetch pattern.
 * The header's own links (logo, my store, account, cart) too: on every page they would otherwise
 * fetch three routes' payloads and their scripts while the page is still loading, on a phone's
 * network (BENCHMARKS.md, stop 33).
 */
export function IntentLink(props: Props) {
  const [intent, setIntent] = useState(false);
  const show = () => setIntent(true);
  return <Link {...props} prefetch={intent ? null : false} onMouseEnter={show} onFocus={show} onTouchStart={show} />;
}
