/**
 * What the App Router's link prefetches cost a page in Lighthouse: the same server behind two
 * proxies, one passing every request through and one answering every RSC request (a link's
 * prefetch; a page's own document is never one) with 204, so no prefetch is fetched nor any script
 * chunk it names. Lighthouse runs interleaved. Lantern's LCP graph keeps every request that ended
 * before the LCP it observed, prefetches included, so on a host whose first paint comes late the
 * prefetches that ran meanwhile count against the page. A third proxy answers /sw.js with a 404,
 * so that no service worker installs and warms its cache during the run.
 *   npx tsx bench/experiments/lcp-without-prefetch.ts <runs> http://127.0.0.1:3300 /en /en/stores
 */
import http from 'node:http';
import { measureLighthouse, pageFigureName, type LighthousePage } from '../figures/lighthouse';

const [runsArg = '3', origin = 'http://127.0.0.1:3300', ...paths] = process.argv.slice(2);
const upstream = new URL(origin);

function proxy(port: number, refusePrefetch: boolean, refuseWorker = false): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (refuseWorker && req.url === '/sw.js') {
      res.writeHead(404).end();
      return;
    }
    const rsc = req.headers.rsc === '1' || /[?&]_rsc=/.test(req.url ?? '');
    if (refusePrefetch && rsc) {
      res.writeHead(204).end();
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

void (async () => {
  const servers = await Promise.all([proxy(3141, false), proxy(3142, true), proxy(3143, false, true)]);
  const pages: LighthousePage[] = (paths.length ? paths : ['/en']).flatMap((p) => {
    const name = pageFigureName(p);
    return [
      { figure: `experiment_${name}_as_is`, path: p, origin: 'http://127.0.0.1:3141', goal: 'none' },
      { figure: `experiment_${name}_no_prefetch`, path: p, origin: 'http://127.0.0.1:3142', goal: 'none' },
      { figure: `experiment_${name}_no_service_worker`, path: p, origin: 'http://127.0.0.1:3143', goal: 'none' },
    ];
  });
  const medians = await measureLighthouse({ origin: 'http://127.0.0.1:3141', pages, runs: Number(runsArg) });
  for (const [figure, m] of medians) console.log(JSON.stringify({ figure, performance: m.performance, lcp_ms: Math.round(m.lcpMs) }));
  for (const s of servers) s.close();
  process.exit(0);
})();
