// ESLint, run by `npm run lint` (and so by `npm test` and CI): Next's core-web-vitals rules
// (Next, React, React Hooks, jsx-a11y, import) plus its TypeScript rules (typescript-eslint's
// `recommended`, not type-aware, so linting needs no build and no `.next/types`).
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // A disable comment that no longer silences anything fails the run: each one left must earn its place.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The code base's convention: a leading underscore names a value left unused on purpose (an
      // action's unused `prev`, a key dropped from a copy by destructuring it out).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: all 12 of its findings are the intended use of an effect, each with no render-time
      // equivalent that keeps today's behaviour: a flag set once mounted so that the server's HTML
      // and the hydrating render agree (header slots, product stock panels, the camera button, the
      // relative clock), state read from browser storage or browser APIs the server does not have
      // (pending form keys, the till's saved ticket, EventSource), and a reset when a prop or an
      // action's answer changes (slot pickers, the till's elsewhere panel, the retry countdown).
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // Test helpers live in test/support/ (and the journeys' in e2e/); shipped code never imports them,
    // so a fixture or a mocked request can never end up in a build.
    files: ['app/**', 'lib/**', 'components/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(test/support|e2e)(/|$)',
              message: 'Test helpers (test/support/, e2e/) are for tests only: production code under app/, lib/ and components/ must not import them.',
            },
          ],
          paths: [
            {
              name: 'next/link',
              message: "Use { Link } from '@/components/layout/link': it keeps the page's language in the href (/en/…).",
            },
          ],
        },
      ],
      // The same for `await import(…)`, which no-restricted-imports does not see.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|\\/)(test\\/support|e2e)(\\/|$)/]',
          message: 'Test helpers (test/support/, e2e/) are for tests only: production code must not import them.',
        },
      ],
    },
  },
  {
    // The one place next/link is imported: the site's Link wraps it with the page's language.
    files: ['components/layout/link.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  globalIgnores([
    // eslint-config-next's own defaults, restated because globalIgnores replaces them
    '.next/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    // build output, data and reports of this repository (the bench's builds go to .next-*)
    '**/.next/**',
    '**/.next-*/**',
    'bench/out/**',
    '.data/**',
    'test-results/**',
    'playwright-report/**',
  ]),
]);
