import { notFound } from 'next/navigation';

// Every URL is rewritten under /<locale>; whatever no route matches is a 404 in that language.
export default function UnknownPage() {
  notFound();
}
