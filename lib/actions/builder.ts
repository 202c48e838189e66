import 'server-only';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { signInPath } from '@/lib/auth/callback-url';
import { ForbiddenError } from '@/lib/auth/errors';
import { assertStaffOfStore, getSessionUser, isBackOfficeRole, type SessionUser } from '@/lib/auth/guards';
import { getUserById } from '@/lib/auth/users';
import { redactQueryParams } from '@/lib/errors';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import type { Locale } from '@/lib/i18n/config';
import type { Dictionary } from '@/lib/i18n/dictionary';
import { getI18n } from '@/lib/i18n/server';
import { localizedPath } from '@/lib/routing/public-url';
import { formHasUnsafeText, isSafeText } from '@/lib/input/text';
import { refusalCode, sayRefusal, voice, type Screen } from './refusals';
import { refuse, type ActionState, type Refusal } from './state';

/*
 * One way to write a server action, in the spirit of dub's safe-action chain: the builder holds
 * what every action used to write again — who may call it, reading its input, and turning a
 * refusal into a sentence — so an action file holds its input schema and its one call into lib/.
 *
 *   export const markReadyAction = staffAction('pickup')
 *     .form(pickupSchema)                       // zod, from the form's fields (or .call(args) for typed arguments)
 *     .run(async ({ input, user, t }) => done(…await markReservationReady(…)…));
 *
 * In order, for every call:
 *   1. the arguments: a form action is a public endpoint, so anyone can post any body to its id —
 *      a second argument that is not FormData, a previous state that is not a plain object
 *      (`[{},1]` as a text/plain body), or a field holding text no part of the site can store
 *      (lib/input/text.ts) is refused with the form's sentence, never a 500. Typed arguments are
 *      checked for such text too, wherever it sits in them;
 *   2. the session: a shopper, staff or admin action refuses a signed-out call in the screen's
 *      words (lib/actions/refusals.ts `voice`);
 *   3. a keyed action's key (`.replay`): a key that already did its work answers with that, before
 *      anything else is judged — a double tap or a retry after a lost answer replays the first;
 *   4. the input, parsed by its schema; a refusal says what is wrong, on the field concerned;
 *   5. who may act on what: staff of THIS store (the store comes from the input; membership is
 *      read from the database for that store), or an admin, or back-office staff (admins and
 *      catalogue staff) — the role read from the database, not the days-old session token. A shopper's records are the session's: the action passes the
 *      session's id to the domain, which finds nothing of anyone else's;
 *   6. the body, one call into lib/. A DomainError it throws becomes a sentence through the one
 *      table (lib/actions/refusals.ts); a database that cannot be reached, the "try again in a
 *      moment" sentence (lib/db/unavailable.ts); anything else is a bug, rethrown with a failed
 *      query's values taken out (lib/errors.ts), so the log line never holds what was typed.
 * lib/actions/actions.test.ts fails on a server action exported without this builder.
 */

type Who = 'public' | 'shopper' | 'staff' | 'admin' | 'backOffice';
type UserOf<W extends Who> = W extends 'public' ? SessionUser | null : SessionUser;
/** What a staff action's input must name: the store it acts for. */
type InputOf<W extends Who> = W extends 'staff' ? { storeId: number } : unknown;

/** Zod's safeParse, or a hand-written parser with the same answer (formParser below). */
export type Parsed<T, E> = { success: true; data: T } | { success: false; error: E };
type Parser<T = unknown, E = unknown> = { safeParse(raw: unknown): Parsed<T, E> | z.ZodSafeParseResult<T> };
type Out<P> = P extends z.ZodType ? z.output<P> : P extends Parser<infer T> ? T : undefined;
type Fail<P> = P extends z.ZodType ? z.ZodError<z.output<P>> : P extends { safeParse(raw: unknown): Parsed<unknown, infer E> } ? E : never;
type ArgsOf<P> = P extends z.ZodType ? (z.input<P> extends unknown[] ? z.input<P> : never) : never;

const READS_FORM = Symbol('reads the form data itself');

/**
 * A parser of the whole FormData (repeated fields, line fields named by id: lib/returns/params.ts),
 * answering as zod's safeParse does.
 */
export function formParser<T, E>(parse: (formData: FormData) => Parsed<T, E>): { safeParse(raw: unknown): Parsed<T, E> } {
  return Object.assign({ safeParse: (raw: unknown) => parse(raw as FormData) }, { [READS_FORM]: true });
}

/** What the builder knows of this call, for the body and the hooks. */
type Context<W extends Who> = {
  t: Dictionary;
  locale: Locale;
  user: UserOf<W>;
  /** The names of the products on this screen's lines, for a refusal that names one (out of stock at the till). */
  nameProducts(lookup: (skuId: number) => string | undefined): void;
};
type FormExtras<S> = { prev: S; formData: FormData };

/** A refusal about the input or the record, before it is answered: the hook may add what the form needs, or refresh a page. */
type RefusedHook<W extends Who, I, X> = (
  refusal: Refusal,
  ctx: Omit<Context<W>, 'user'> & X & { user: SessionUser | null; input?: I; err?: unknown },
) => Refusal | Promise<Refusal>;

type Config = {
  who: Who;
  screen: Screen;
  input?: Parser;
  invalid?: (error: unknown, ctx: never) => Refusal;
  replay?: { key: Parser; find: (key: unknown, ctx: never) => Promise<unknown> };
  stamped: boolean;
  refused?: RefusedHook<Who, unknown, object>;
  fields: Record<string, string>;
  unexpected?: (t: Dictionary) => string;
  signedOut?: string;
};

const built = new WeakMap<object, 'form' | 'call' | 'post'>();

/** Whether `fn` was made by this builder, and how it is called: a form's (prev, formData), its own arguments, or a posted form's data. */
export function builtActionKind(fn: unknown): 'form' | 'call' | 'post' | undefined {
  return typeof fn === 'function' ? built.get(fn) : undefined;
}

/** A form's fields by name, the first value of each ('' read as absent); React's own `$ACTION_…` fields left out. */
export function formFields(formData: FormData): Record<string, FormDataEntryValue | undefined> {
  const out: Record<string, FormDataEntryValue | undefined> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith('$') && !(key in out)) out[key] = value === '' ? undefined : value;
  return out;
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Whether typed arguments hold unsafe text anywhere (strings in arrays and plain objects, a few levels down). */
function argsHaveUnsafeText(args: unknown[]): boolean {
  const pending: [unknown, number][] = args.map((a) => [a, 0]);
  for (let seen = 0; pending.length > 0 && seen < 10_000; seen++) {
    const [value, depth] = pending.pop()!;
    if (typeof value === 'string' && !isSafeText(value)) return true;
    if (depth >= 4) continue;
    if (Array.isArray(value)) for (const v of value) pending.push([v, depth + 1]);
    else if (isPlainObject(value)) for (const [k, v] of Object.entries(value as object)) pending.push([k, depth + 1], [v, depth + 1]);
  }
  return false;
}

/** Next's redirect() and notFound() throw errors carrying a digest: control flow, never a failure. */
function isControlFlow(err: unknown): boolean {
  return typeof err === 'object' && err !== null && typeof (err as { digest?: unknown }).digest === 'string';
}

/**
 * The sentence for an error that means "the database cannot be reached right now" (refused, timed
 * out, or failing fast after a timeout: lib/db/client.ts); undefined for any other error, which
 * stays a bug. Logged without a failed query's values (what was typed).
 */
function outageMessage(err: unknown, t: Dictionary): string | undefined {
  if (!isDatabaseUnavailable(err)) return undefined;
  console.error('database unavailable:', err instanceof Error ? redactQueryParams(err).message : err);
  return t.common.databaseUnavailable;
}

/** The role read from the database: an admin demoted since their session began is refused. */
async function assertAdmin(userId: number): Promise<void> {
  if ((await getUserById(userId))?.role !== 'admin') throw new ForbiddenError();
}

/** The back office's people (admins, catalogue staff), the role read from the database as for an admin. */
async function assertBackOffice(userId: number): Promise<void> {
  if (!isBackOfficeRole((await getUserById(userId))?.role)) throw new ForbiddenError();
}

/** One call of a built action, once its arguments passed the door. */
async function execute(
  config: Config,
  body: (ctx: never) => Promise<unknown>,
  base: { t: Dictionary; locale: Locale; fields: unknown; formData?: FormData; extras: object },
): Promise<unknown> {
  const { t, locale } = base;
  /** What a parser reads: the form's fields (or the arguments), or the whole FormData for a formParser. */
  const rawFor = (parser: Parser) => (READS_FORM in parser ? base.formData : base.fields);
  const stamp = <R extends object>(answer: R): R => (config.stamped ? { ...answer, at: Date.now() } : answer);
  let productName: ((skuId: number) => string | undefined) | undefined;
  const ctx: Record<string, unknown> = {
    t,
    locale,
    user: null,
    ...base.extras,
    nameProducts: (lookup: (skuId: number) => string | undefined) => void (productName = lookup),
  };
  /** A refusal from the table, on the form's own field name. */
  const said = (err: unknown): Refusal => {
    const { message, field } = sayRefusal(err as never, { t, locale, screen: config.screen, productName });
    const name = field === undefined ? undefined : (config.fields[field] ?? field);
    return refuse(message, name === undefined ? undefined : { [name]: message });
  };
  /** A refusal about the input or the record: the action's hook sees it first. */
  const shaped = async (refusal: Refusal, err?: unknown) => stamp(config.refused ? await config.refused(refusal, { ...ctx, err } as never) : refusal);
  const allowedStores = new Set<number>();
  /** Refused when the person may not act here: said without the hook (it is about who, not what). */
  const mayAct = async (input: unknown): Promise<Refusal | null> => {
    try {
      const user = ctx.user as SessionUser;
      if (config.who === 'admin') await assertAdmin(user.id);
      if (config.who === 'backOffice') await assertBackOffice(user.id);
      if (config.who === 'staff') {
        const storeId = (input as { storeId: number }).storeId;
        if (!allowedStores.has(storeId)) await assertStaffOfStore(user.id, storeId);
        allowedStores.add(storeId);
      }
      return null;
    } catch (err) {
      if (refusalCode(err) === undefined) throw err;
      return stamp(said(err));
    }
  };

  try {
    const user = await getSessionUser();
    ctx.user = user;
    if (config.who !== 'public' && !user) {
      if (config.signedOut !== undefined) redirect(localizedPath(signInPath(config.signedOut), locale));
      return await shaped(refuse(voice(config.screen, t).signInAgain));
    }
    if (config.replay) {
      const key = config.replay.key.safeParse(rawFor(config.replay.key));
      if (key.success) {
        const refused = config.who === 'staff' && typeof (key.data as { storeId?: unknown }).storeId === 'number' ? await mayAct(key.data) : null;
        if (refused) return refused;
        const first = await config.replay.find(key.data as never, ctx as never);
        if (first) return stamp(first as object);
      }
    }
    const parsed = config.input ? config.input.safeParse(rawFor(config.input)) : { success: true as const, data: undefined };
    if (!parsed.success) {
      const refusal = config.invalid ? config.invalid(parsed.error, ctx as never) : refuse(voice(config.screen, t).invalid);
      return await shaped(refusal);
    }
    ctx.input = parsed.data;
    const refused = config.who === 'staff' || config.who === 'admin' || config.who === 'backOffice' ? await mayAct(parsed.data) : null;
    if (refused) return refused;
    return stamp((await body(ctx as never)) as object);
  } catch (err) {
    if (refusalCode(err) !== undefined) return await shaped(said(err), err);
    const outage = outageMessage(err, t);
    if (outage !== undefined) return stamp(refuse(outage));
    if (config.unexpected && !isControlFlow(err)) {
      console.error(`[${config.screen}] action failed`, redactQueryParams(err));
      return stamp(refuse(config.unexpected(t)));
    }
    throw redactQueryParams(err);
  }
}

/** The chain's steps shared by form and call actions. */
abstract class Steps<W extends Who, I, X, Self> {
  constructor(protected readonly config: Config) {}
  protected abstract with(config: Partial<Config>): Self;

  /**
   * A keyed action: a key (parsed from the same input by `key`) that already did its work answers
   * with `find`'s answer (or its redirect) before anything else is checked. Staff: for the store
   * the key names, membership first.
   */
  replay<K extends Parser>(key: K, find: (key: Out<K>, ctx: Context<W> & X) => Promise<object | null | undefined | void>): Self {
    return this.with({ replay: { key, find: find as never } });
  }

  /** Every answer carries `at`, when it was answered: the screen's forms share a message, the latest speaks. */
  stamped(): Self {
    return this.with({ stamped: true });
  }

  /**
   * Sees every refusal before it is answered — signed out, invalid input, refused by the domain
   * (with `err`) — but the refusal of a person who may not act on this store: it may add what the
   * form needs (what was typed) or read a stale page again.
   */
  refused(hook: RefusedHook<W, I, X>): Self {
    return this.with({ refused: hook as never });
  }

  /** The form's own names for the fields the table names (`quantity` → `countedOnHand`). */
  fields(names: Record<string, string>): Self {
    return this.with({ fields: names });
  }

  /** A bug answered with this sentence (and logged) rather than an error page, on a busy screen. */
  unexpected(sentence: (t: Dictionary) => string): Self {
    return this.with({ unexpected: sentence });
  }

  /** Signed out: to the sign-in page, back to `returnTo` after, rather than a sentence. */
  signInFirst(returnTo: string): Self {
    return this.with({ signedOut: returnTo });
  }
}

class FormAction<W extends Who, I, S extends ActionState> extends Steps<W, I, FormExtras<S>, FormAction<W, I, S>> {
  protected with(config: Partial<Config>) {
    return new FormAction<W, I, S>({ ...this.config, ...config });
  }

  /** The form's state when it carries more than the sentence (`ActionState<{ count: number }>`), for the hooks and the body. */
  state<T extends ActionState>(): FormAction<W, I, T> {
    return new FormAction<W, I, T>(this.config);
  }

  /** The action: `(previous state, form data) => state`, for useActionState. */
  run<T extends S = S>(body: (ctx: Context<W> & FormExtras<T> & { input: I }) => Promise<T>): (prev: T, formData: FormData) => Promise<T> {
    const config = this.config;
    const action = async (prev: T, formData: FormData): Promise<T> => {
      const { locale, t } = await getI18n();
      const stamp = (r: Refusal) => (config.stamped ? { ...r, at: Date.now() } : r) as T;
      if (!(formData instanceof FormData) || !isPlainObject(prev)) return stamp(refuse(t.common.invalidRequest));
      if (formHasUnsafeText(formData)) return stamp(refuse(t.common.unsafeText));
      return (await execute(config, body as never, { t, locale, fields: formFields(formData), formData, extras: { prev, formData } })) as T;
    };
    built.set(action, 'form');
    return action;
  }
}

class CallAction<W extends Who, I, A extends unknown[]> extends Steps<W, I, object, CallAction<W, I, A>> {
  protected with(config: Partial<Config>) {
    return new CallAction<W, I, A>({ ...this.config, ...config });
  }

  /** The action, called with its own arguments: its answer, or a refusal. */
  run<R extends { ok: boolean }>(body: (ctx: Context<W> & { input: I }) => Promise<R>): (...args: A) => Promise<R | Refusal> {
    const config = this.config;
    const action = async (...args: A): Promise<R | Refusal> => {
      const { locale, t } = await getI18n();
      if (argsHaveUnsafeText(args)) return refuse(t.common.unsafeText);
      return (await execute(config, body as never, { t, locale, fields: args, extras: {} })) as R | Refusal;
    };
    built.set(action, 'call');
    return action;
  }
}

class PostAction<W extends Who> extends Steps<W, undefined, object, PostAction<W>> {
  protected with(config: Partial<Config>) {
    return new PostAction<W>({ ...this.config, ...config });
  }

  /**
   * A form posted without a state to answer (<form action={signOutAction}>): it redirects when
   * done, and has nowhere to show a refusal — one is logged, and the page stays as it was.
   */
  run(body: (ctx: Context<W>) => Promise<void>): (formData?: FormData) => Promise<void> {
    const config = this.config;
    const action = async (..._posted: unknown[]): Promise<void> => {
      const { locale, t } = await getI18n();
      const answer = (await execute(config, body as never, { t, locale, fields: [], extras: {} })) as Refusal | undefined;
      if (answer?.ok === false) console.error(`[${config.screen}] a posted form was refused: ${answer.message}`);
    };
    built.set(action, 'post');
    return action;
  }
}

class Start<W extends Who> {
  constructor(private readonly config: Config) {}

  /**
   * A form action, its input parsed by `schema` from the form's fields (formFields: '' is absent),
   * or by a formParser from the whole FormData. `invalid` says what is wrong (default: the screen's
   * "invalid request"). No schema: a form without fields (join the loyalty programme).
   */
  form<P extends Parser<InputOf<W>> | undefined = undefined, S extends ActionState = ActionState>(
    schema?: P,
    invalid?: (error: Fail<P>, ctx: Context<W> & FormExtras<S>) => Refusal,
  ): FormAction<W, Out<P>, S> {
    return new FormAction<W, Out<P>, S>({ ...this.config, input: schema, invalid: invalid as never });
  }

  /**
   * An action called with its own arguments (the till, the cart's steppers): `schema` parses the
   * list of arguments (a z.tuple, transformed into the input the body reads).
   */
  /** A form posted for its effect alone (sign out): what it sends is not read, and it answers nothing. */
  post(): PostAction<W> {
    return new PostAction<W>(this.config);
  }

  call<P extends z.ZodType<InputOf<W>>>(schema: P, invalid?: (error: Fail<P>, ctx: Context<W>) => Refusal): CallAction<W, Out<P>, ArgsOf<P>> {
    return new CallAction<W, Out<P>, ArgsOf<P>>({ ...this.config, input: schema, invalid: invalid as never });
  }
}

/**
 * A `.refused()` hook for a page the domain may have moved on under (a line removed in another tab,
 * an order already collected): refused by the domain, the page is shown as it is now.
 */
export function refreshOnRefusal<R>(refusal: R, { err }: { err?: unknown }): R {
  if (err !== undefined) refresh();
  return refusal;
}

const start =
  <W extends Who>(who: W) =>
  (screen: Screen) =>
    new Start<W>({ who, screen, stamped: false, fields: {} });

/** Anyone, signed in or not (the cart, the store chooser, signing in): `user` may be null. */
export const publicAction = start('public');
/** A signed-in person acting on their own records: the body passes `user.id` to the domain, which scopes by it. */
export const shopperAction = start('shopper');
/** Staff of the store the input names (`storeId`), membership read from the database for that store. */
export const staffAction = start('staff');
/** An admin, the role read from the database (the web warehouse has no members: only admins act on it). */
export const adminAction = start('admin');
/** The back office (/admin): an admin or catalogue staff, the role read from the database; shop staff and shoppers refused. */
export const backOfficeAction = start('backOffice');
