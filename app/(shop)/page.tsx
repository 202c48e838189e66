import { getI18n } from '@/lib/i18n/server';

export default async function HomePage() {
  const { t } = await getI18n();
  return <h1 className="text-2xl font-bold">{t.common.tagline}</h1>;
}
