// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file (the package is not "type": "module"), as next.config.js is loaded
const path = require('node:path');

/**
 * The reference page of `npm run bench` (BENCHMARKS.md, "The floor"): a blank Next.js app, built and
 * served by the same Next.js, React and Chromium as the store, so that each run measures what the
 * framework alone costs on this machine. Its dependencies are the store's (node_modules at the root).
 * @type {import('next').NextConfig}
 */
module.exports = {
  poweredByHeader: false,
  distDir: '.next-reference',
  turbopack: { root: path.join(__dirname, '..', '..') },
};
