'use client';

import { Link } from './link';
import { useState, type ComponentProps } from 'react';

type Props = Omit<ComponentProps<typeof Link>, 'prefetch' | 'onMouseEnter' | 'onFocus' | 'onTouchStart'>;

/**
 * A link that prefetches its page only once the shopper shows intent (pointer over it, keyboard
 * focus, a finger down), not as soon as it scrolls into view. For long lists of links — the
 * departments in every header, product grids — where viewport prefetching fires a request per link
 * while the page itself is still loading and hydrating. Next's documented hover-prefetch pattern.
 */
export function IntentLink(props: Props) {
  const [intent, setIntent] = useState(false);
  const show = () => setIntent(true);
  return <Link {...props} prefetch={intent ? null : false} onMouseEnter={show} onFocus={show} onTouchStart={show} />;
}
