'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef } from 'react';
import { QrScanButton } from './qr-scan-button';
import { localizedPath } from '@/lib/routing/public-url';
import { useRouteLocale } from '@/components/layout/route-locale';

type Props = {
  /** The desk's URL: the code opens as `?code=…`. */
  action: string;
  code: string;
  labels: { label: string; placeholder: string; submit: string; hint: string; scan: string; stop: string; scanHelp: string; scanDenied: string };
};

/** A QR code may hold the bare code or a link carrying it (…?code=K7Q2MX or …/K7Q2MX). */
function codeFromScan(value: string): string {
  try {
    const url = new URL(value);
    return url.searchParams.get('code') ?? url.pathname.split('/').filter(Boolean).pop() ?? value;
  } catch {
    return value;
  }
}

/**
 * The pickup code. A USB scanner types it and presses Enter, so the field has the focus on arrival
 * and its text is selected after each lookup: the next scan replaces it. Phones can use the camera.
 */
export function PickupCodeForm({ action: path, code, labels }: Props) {
  const router = useRouter();
  const action = localizedPath(path, useRouteLocale());
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Only an idle page hands the focus to the scanner field, never one the person is busy in.
    const active = document.activeElement;
    if (active && active !== document.body && active !== input.current) return;
    input.current?.focus();
    input.current?.select();
  }, [code]);
  const open = useCallback((value: string) => router.push(`${action}?code=${encodeURIComponent(codeFromScan(value).trim().slice(0, 40))}`), [action, router]);
  return (
    <div className="card p-3 sm:p-4">
      <form action={action} method="get" role="search">
        <label htmlFor="pickup-code" className="label">
          {labels.label}
        </label>
        <div className="flex gap-2">
          <input
            ref={input}
            id="pickup-code"
            name="code"
            type="search"
            defaultValue={code}
            placeholder={labels.placeholder}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            maxLength={40}
            required
            aria-describedby="pickup-code-hint"
            className="input min-h-12 font-mono text-lg tracking-widest uppercase placeholder:font-sans placeholder:tracking-normal placeholder:normal-case"
            data-testid="pickup-code"
          />
          <button type="submit" className="btn-primary min-h-12 shrink-0 px-5">
            {labels.submit}
          </button>
        </div>
        <p id="pickup-code-hint" className="mt-2 text-xs text-muted">
          {labels.hint}
        </p>
      </form>
      <QrScanButton onCode={open} labels={{ scan: labels.scan, stop: labels.stop, help: labels.scanHelp, denied: labels.scanDenied }} />
    </div>
  );
}
