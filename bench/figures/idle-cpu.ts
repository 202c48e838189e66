import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { emit, log } from '../lib/report';
import { round } from '../lib/stats';

/** Clock ticks per second of /proc's utime and stime. */
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

type Stat = { pid: number; ppid: number; ticks: number };

function readStat(pid: number): Stat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** CPU ticks (user + system) used so far by `root` and every process under it. */
export function treeTicks(root: number): { ticks: number; pids: number[] } {
  const all = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readStat(Number(d)))
    .filter((s): s is Stat => !!s);
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of all) {
      if (!inTree.has(s.pid) && inTree.has(s.ppid)) {
        inTree.add(s.pid);
        grew = true;
      }
    }
  }
  const members = all.filter((s) => inTree.has(s.pid));
  return { ticks: members.reduce((n, s) => n + s.ticks, 0), pids: members.map((s) => s.pid) };
}

/**
 * CPU ticks of `pid`'s main thread (its JavaScript: our code, Next.js, PGlite's WebAssembly) and of
 * its other threads (V8's background compilers and garbage-collection helpers, libuv's pool).
 */
export function threadTicks(pid: number): { main: number; others: number } {
  let main = 0;
  let others = 0;
  let tids: string[] = [];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return { main, others }; // gone meanwhile
  }
  for (const tid of tids) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (Number(tid) === pid) main += ticks;
      else others += ticks;
    } catch {
      /* a thread that ended */
    }
  }
  return { main, others };
}

/** Opens a Server-Sent Events stream until its first `ready` event (or `ms`), then closes it. */
async function openStreamBriefly(url: string, ms = 5_000): Promise<boolean> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    const res = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
    if (res.status !== 200 || !res.body) return false;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      text += decoder.decode(value, { stream: true });
      if (/^event: ready$/m.test(text)) return true;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/**
 * idle_cpu_pct: the CPU a started server spends with no visitor, in % of one core: /proc utime +
 * stime of `next start` and its children, over `windows` (4) consecutive windows of `durationMs`
 * (30 s). Warmed first as a visitor would leave it: the pages requested, and a live-stock stream
 * opened (it starts the process's stock listener and relay) and closed; then `settleMs` (15 s) for
 * the start-up's tail to pass: the jobs' first runs, the garbage collection of the warm-up (with
 * 5 s, a freshly started server read 0.9 %, then 0.1 %).
 *
 * The figure is the whole span's CPU over its length, one-offs included; each window is printed
 * too. Why four windows (stop 30): once a process goes quiet after traffic, V8's memory reducer
 * runs three full collections to give memory back (0.45–1.6 s of CPU, once, 10–100 s after the
 * traffic, by the allocation rate it watches). A single 30 s window caught it or not by chance:
 * 0.50 % or 1.93 % for the same server. Over 120 s the once-per-quiet-spell cost weighs what it
 * weighs, and the windows show it apart from the steady state.
 */
export async function measureIdleCpu(opts: {
  pid: number;
  origin: string;
  warmPaths: string[];
  streamPath?: string;
  durationMs?: number;
  windows?: number;
  settleMs?: number;
  figure?: string;
  note?: string;
}): Promise<number> {
  const durationMs = opts.durationMs ?? 30_000;
  const windowCount = opts.windows ?? 4;
  for (const p of opts.warmPaths) await (await fetch(opts.origin + p)).arrayBuffer();
  const streamed = opts.streamPath ? await openStreamBriefly(opts.origin + opts.streamPath) : false;
  if (opts.streamPath && !streamed) log(`idle: ${opts.streamPath} did not say ready: the live-stock listener may not be running`);
  await new Promise((r) => setTimeout(r, opts.settleMs ?? 15_000));
  const before = treeTicks(opts.pid);
  const threadsBefore = threadTicks(opts.pid);
  const started = performance.now();
  // Ticks per 5 s, for the log: a steady cost and a one-off (a garbage collection) look different.
  const steps: number[] = [];
  const windowsPct: number[] = [];
  let last = before.ticks;
  let windowStart = before.ticks;
  let windowStarted = started;
  for (let w = 0; w < windowCount; w++) {
    for (let t = 0; t < durationMs; t += 5_000) {
      await new Promise((r) => setTimeout(r, Math.min(5_000, durationMs - t)));
      const now = treeTicks(opts.pid).ticks;
      steps.push(now - last);
      last = now;
    }
    const now = performance.now();
    windowsPct.push(round(((last - windowStart) / CLK_TCK / ((now - windowStarted) / 1000)) * 100, 2));
    windowStart = last;
    windowStarted = now;
  }
  const after = treeTicks(opts.pid);
  const threadsAfter = threadTicks(opts.pid);
  const seconds = (performance.now() - started) / 1000;
  const pct = ((after.ticks - before.ticks) / CLK_TCK / seconds) * 100;
  // Which thread spent it: a burst off the main thread is V8's own work, not a job or a timer of
  // ours: TurboFan tiering up PGlite's WebAssembly (stop 28; BENCHMARKS.md, 'Idle, stop 30')
  // or the garbage collector's memory reducer, which shrinks the heap once the process goes quiet.
  const mainPct = ((threadsAfter.main - threadsBefore.main) / CLK_TCK / seconds) * 100;
  const othersPct = ((threadsAfter.others - threadsBefore.others) / CLK_TCK / seconds) * 100;
  log(
    `idle: ${after.ticks - before.ticks} ticks (1/${CLK_TCK} s) in ${seconds.toFixed(1)} s (per 5 s: ${steps.join(' ')}; per ${durationMs / 1000} s window: ${windowsPct.join(' ')} %) over ${after.pids.length} process(es) ${after.pids.join(', ')}` +
      `${streamed ? ', after a live-stock stream was opened and closed' : ''}${opts.note ? ` (${opts.note})` : ''}; ` +
      `main thread ${mainPct.toFixed(2)} %, background threads ${othersPct.toFixed(2)} %`,
  );
  emit({
    figure: opts.figure ?? 'idle_cpu_pct',
    value: round(pct, 2),
    unit: '% of a core',
    goal: '≤ 1',
    met: pct <= 1,
    extra: {
      seconds: round(seconds, 1),
      ticks: after.ticks - before.ticks,
      windows_pct: windowsPct.join(' '),
      max_window_pct: Math.max(...windowsPct),
      main_thread_pct: round(mainPct, 2),
      background_threads_pct: round(othersPct, 2),
      load_average: fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '',
    },
  });
  return pct;
}
