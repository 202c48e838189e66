/*
 * A checker of the JSON-LD this site emits, against the schema.org types it uses: each node's
 * properties must be ones schema.org defines for its type (a misspelt `priceCurrrency` is an
 * error, not silently ignored), the properties search engines require for that type must be there
 * (Google's product, merchant listing, local business and breadcrumb rules), and values must have
 * the form schema.org gives them (ISO 4217 currency, prices as plain numbers, GTIN-13 with its
 * check digit, absolute URLs, schema.org enumeration members, hh:mm times, ISO dates).
 *
 * schema-dts types the builders at compile time (lib/seo/json-ld.ts); this reads what a page
 * actually carries — the unit tests run it on the builders' output, e2e/seo.spec.ts on the JSON-LD
 * parsed from real pages. No library of the ecosystem does that offline: @adobe/structured-data-validator
 * needs schema.org's vocabulary fetched from schema.org at run time.
 */

type Node = Record<string, unknown>;

type Rule = {
  /** schema.org properties of the type (and its parents) that this site may emit. */
  known: readonly string[];
  required: readonly string[];
  /** Expected by search engines: missing is a problem too (we always have them). */
  expected?: readonly string[];
  check?: (node: Node, at: string, problems: string[]) => void;
};

const THING = ['@type', '@id', 'name', 'description', 'url', 'image', 'sameAs', 'identifier'];
const PRODUCT = [
  ...THING,
  'brand',
  'sku',
  'gtin13',
  'gtin',
  'mpn',
  'size',
  'color',
  'material',
  'category',
  'offers',
  'isVariantOf',
  'aggregateRating',
  'review',
];
const ORGANIZATION = [...THING, 'address', 'telephone', 'email', 'logo', 'parentOrganization'];

const ITEM_AVAILABILITY = [
  'InStock',
  'OutOfStock',
  'BackOrder',
  'Discontinued',
  'InStoreOnly',
  'LimitedAvailability',
  'OnlineOnly',
  'PreOrder',
  'PreSale',
  'SoldOut',
  'MadeToOrder',
  'Reserved',
];
const ITEM_CONDITION = ['NewCondition', 'UsedCondition', 'RefurbishedCondition', 'DamagedCondition'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'PublicHolidays'];
const VARIES_BY = ['size', 'color', 'material', 'pattern', 'suggestedAge', 'suggestedGender'];

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isEnum = (v: unknown, members: readonly string[]) => typeof v === 'string' && members.some((m) => v === `https://schema.org/${m}`);
const isPrice = (v: unknown) => (typeof v === 'number' && v >= 0) || (typeof v === 'string' && /^\d+(\.\d{1,2})?$/.test(v));
const isTime = (v: unknown) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(v);
const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && Number.isFinite(Date.parse(`${v}T00:00:00Z`));

function isAbsoluteUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isGtin13(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{13}$/.test(v)) return false;
  const digits = [...v].map(Number);
  const sum = digits.slice(0, 12).reduce((s, d, i) => s + d * (i % 2 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function expect(ok: boolean, problems: string[], message: string) {
  if (!ok) problems.push(message);
}

const RULES: Record<string, Rule> = {
  Product: {
    known: PRODUCT,
    required: ['name', 'offers'],
    expected: ['image', 'description', 'brand', 'sku', 'url'],
    check(n, at, p) {
      expect(asList(n.image).length > 0 && asList(n.image).every(isAbsoluteUrl), p, `${at}.image: absolute URLs expected`);
      if (n.gtin13 !== undefined) expect(isGtin13(n.gtin13), p, `${at}.gtin13: not a GTIN-13 (13 digits, valid check digit): ${String(n.gtin13)}`);
      expect(isAbsoluteUrl(n.url), p, `${at}.url: not an absolute URL`);
    },
  },
  ProductGroup: {
    known: [...PRODUCT, 'productGroupID', 'variesBy', 'hasVariant'],
    required: ['name', 'productGroupID'],
    expected: ['url', 'brand'],
    check(n, at, p) {
      for (const v of asList(n.variesBy)) expect(isEnum(v, VARIES_BY), p, `${at}.variesBy: ${String(v)} is not a property products vary by`);
    },
  },
  Offer: {
    known: [
      '@type',
      '@id',
      'url',
      'sku',
      'gtin13',
      'price',
      'priceCurrency',
      'priceValidUntil',
      'availability',
      'itemCondition',
      'seller',
      'priceSpecification',
    ],
    required: ['price', 'priceCurrency'],
    expected: ['url', 'itemCondition'],
    check(n, at, p) {
      expect(isPrice(n.price), p, `${at}.price: a plain number expected (a dot, no currency sign): ${String(n.price)}`);
      if (n.availability !== undefined)
        expect(isEnum(n.availability, ITEM_AVAILABILITY), p, `${at}.availability: not an ItemAvailability: ${String(n.availability)}`);
      if (n.itemCondition !== undefined)
        expect(isEnum(n.itemCondition, ITEM_CONDITION), p, `${at}.itemCondition: not an OfferItemCondition: ${String(n.itemCondition)}`);
      if (n.url !== undefined) expect(isAbsoluteUrl(n.url), p, `${at}.url: not an absolute URL`);
    },
  },
  AggregateOffer: {
    known: ['@type', '@id', 'lowPrice', 'highPrice', 'priceCurrency', 'offerCount', 'offers', 'availability'],
    required: ['lowPrice', 'priceCurrency'],
    expected: ['highPrice', 'offerCount'],
    check(n, at, p) {
      expect(isPrice(n.lowPrice) && isPrice(n.highPrice), p, `${at}: lowPrice and highPrice must be plain numbers`);
      expect(Number(n.lowPrice) <= Number(n.highPrice), p, `${at}: lowPrice above highPrice`);
      expect(Number.isInteger(n.offerCount) && (n.offerCount as number) > 0, p, `${at}.offerCount: a whole number above 0 expected`);
    },
  },
  Brand: { known: [...THING, 'logo'], required: ['name'] },
  Organization: { known: ORGANIZATION, required: ['name'] },
  BreadcrumbList: {
    known: ['@type', '@id', 'itemListElement', 'name'],
    required: ['itemListElement'],
    check(n, at, p) {
      const items = asList(n.itemListElement);
      expect(items.length > 0, p, `${at}.itemListElement: empty`);
      items.forEach((item, i) => {
        const li = item as Node;
        expect(li?.position === i + 1, p, `${at}.itemListElement[${i}].position: ${String(li?.position)}, expected ${i + 1}`);
        // Google: every crumb but the last must link to its page.
        if (i < items.length - 1 || li?.item !== undefined) expect(isAbsoluteUrl(li?.item), p, `${at}.itemListElement[${i}].item: not an absolute URL`);
      });
    },
  },
  ListItem: { known: ['@type', 'position', 'name', 'item'], required: ['position', 'name'] },
  Store: {
    known: [...ORGANIZATION, 'geo', 'openingHoursSpecification', 'specialOpeningHoursSpecification', 'priceRange', 'hasMap'],
    required: ['name', 'address'],
    expected: ['url', 'geo', 'openingHoursSpecification'],
  },
  PostalAddress: {
    known: ['@type', 'streetAddress', 'postalCode', 'addressLocality', 'addressRegion', 'addressCountry'],
    required: ['streetAddress', 'addressLocality', 'postalCode', 'addressCountry'],
    check(n, at, p) {
      expect(typeof n.addressCountry === 'string' && /^[A-Z]{2}$/.test(n.addressCountry), p, `${at}.addressCountry: an ISO 3166-1 alpha-2 code expected`);
    },
  },
  GeoCoordinates: {
    known: ['@type', 'latitude', 'longitude'],
    required: ['latitude', 'longitude'],
    check(n, at, p) {
      const lat = Number(n.latitude);
      const lng = Number(n.longitude);
      expect(Number.isFinite(lat) && Math.abs(lat) <= 90 && Number.isFinite(lng) && Math.abs(lng) <= 180, p, `${at}: latitude/longitude out of range`);
    },
  },
  OpeningHoursSpecification: {
    known: ['@type', 'dayOfWeek', 'opens', 'closes', 'validFrom', 'validThrough', 'description'],
    required: ['opens', 'closes'],
    check(n, at, p) {
      expect(isTime(n.opens) && isTime(n.closes), p, `${at}: opens/closes must be hh:mm`);
      const days = asList(n.dayOfWeek);
      for (const d of days) expect(isEnum(d, DAYS), p, `${at}.dayOfWeek: ${String(d)} is not a DayOfWeek`);
      // Weekly hours name their days; special hours their dates.
      expect(days.length > 0 || (isDate(n.validFrom) && isDate(n.validThrough)), p, `${at}: neither dayOfWeek nor validFrom/validThrough dates`);
      if (n.validFrom !== undefined || n.validThrough !== undefined)
        expect(
          isDate(n.validFrom) && isDate(n.validThrough) && String(n.validFrom) <= String(n.validThrough),
          p,
          `${at}: validFrom/validThrough must be ISO dates in order`,
        );
    },
  },
};

/** Properties whose value must be a node of one of these types. */
const RANGES: Record<string, readonly string[]> = {
  brand: ['Brand', 'Organization'],
  offers: ['Offer', 'AggregateOffer'],
  isVariantOf: ['ProductGroup'],
  seller: ['Organization'],
  parentOrganization: ['Organization'],
  itemListElement: ['ListItem'],
  address: ['PostalAddress'],
  geo: ['GeoCoordinates'],
  openingHoursSpecification: ['OpeningHoursSpecification'],
  specialOpeningHoursSpecification: ['OpeningHoursSpecification'],
};

function checkNode(node: unknown, at: string, problems: string[]) {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    problems.push(`${at}: not an object`);
    return;
  }
  const n = node as Node;
  const type = n['@type'];
  const rule = typeof type === 'string' ? RULES[type] : undefined;
  if (!rule) {
    problems.push(`${at}: unknown or missing @type ${JSON.stringify(type)}`);
    return;
  }
  for (const key of Object.keys(n)) if (!rule.known.includes(key)) problems.push(`${at}: ${type} has no property "${key}"`);
  for (const key of [...rule.required, ...(rule.expected ?? [])]) {
    const v = n[key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) problems.push(`${at}: ${type} lacks "${key}"`);
  }
  for (const key of ['name', 'description']) if (key in n) expect(isText(n[key]), problems, `${at}.${key}: empty`);
  rule.check?.(n, at, problems);
  for (const [key, types] of Object.entries(RANGES)) {
    if (!(key in n)) continue;
    asList(n[key]).forEach((child, i) => {
      const where = Array.isArray(n[key]) ? `${at}.${key}[${i}]` : `${at}.${key}`;
      const childType = (child as Node | null)?.['@type'];
      if (typeof childType !== 'string' || !types.includes(childType))
        problems.push(`${where}: expected ${types.join(' or ')}, got ${JSON.stringify(childType)}`);
      else checkNode(child, where, problems);
    });
  }
}

/**
 * The problems of one JSON-LD document (a parsed `<script type="application/ld+json">`): a node,
 * or an `@graph` of them, under the schema.org context. Empty when it is sound.
 */
export function jsonLdProblems(doc: unknown): string[] {
  const problems: string[] = [];
  if (typeof doc !== 'object' || doc === null) return ['not a JSON object'];
  const d = doc as Node;
  if (d['@context'] !== 'https://schema.org') problems.push(`@context: expected "https://schema.org", got ${JSON.stringify(d['@context'])}`);
  if ('@graph' in d) {
    const nodes = asList(d['@graph']);
    if (nodes.length === 0) problems.push('@graph: empty');
    nodes.forEach((node, i) => checkNode(node, `@graph[${i}]`, problems));
  } else {
    const { '@context': _context, ...node } = d;
    checkNode(node, '$', problems);
  }
  return problems;
}

/** The top-level nodes of a JSON-LD document, by @type. */
export function jsonLdNodes(doc: unknown, type: string): Node[] {
  const d = doc as Node;
  const nodes = '@graph' in d ? asList(d['@graph']) : [d];
  return nodes.filter((n): n is Node => typeof n === 'object' && n !== null && (n as Node)['@type'] === type);
}
