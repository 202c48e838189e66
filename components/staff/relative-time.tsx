'use client';
import { useEffect, useState } from 'react';

/** Until the first tick, the clock of the render that produced it (server and client agree). */
function ago(iso: string, now: number, locale: string): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (minutes < 60) return rtf.format(-Math.max(0, minutes), 'minute');
  return rtf.format(-Math.round(minutes / 60), 'hour');
}

/** "Arrived 4 minutes ago", kept current every 20 s without a re-read. */
export function RelativeTime({ iso, locale, template }: { iso: string; locale: string; template: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 20_000);
    return () => clearInterval(timer);
  }, []);
  const text = template.replace('{ago}', ago(iso, now ?? Date.parse(iso), locale));
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
