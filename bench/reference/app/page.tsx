import Link from 'next/link';

/** A heading, a paragraph and one link: no data, no client component of its own, no CSS file. */
export default function ReferencePage() {
  return (
    <main style={{ padding: 16, maxWidth: 640 }}>
      <h1>Reference page</h1>
      <p>
        A blank Next.js App Router page, prerendered at build time. Whatever it costs in scripts, blocking time and requests per second is the framework&rsquo;s
        own cost on this machine.
      </p>
      <Link href="/next">Another page</Link>
    </main>
  );
}
