'use client';
import { useEffect, useRef, useState } from 'react';

/** The Shape Detection API is not in TypeScript's DOM library yet: only what we use. */
type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

type Props = {
  /** Called with the text of the first code seen. */
  onCode: (value: string) => void;
  labels: { scan: string; stop: string; help: string; denied: string };
  /** What the camera looks for: QR codes by default; the till reads EAN-13 loyalty cards. */
  formats?: string[];
  testId?: string;
};

const QR_ONLY = ['qr_code'];

/**
 * The phone or tablet camera as a QR reader, through the browser's BarcodeDetector. Where the
 * browser has none (desktop Firefox, Safari before 17) the button is not shown: the field and a
 * USB scanner do the job.
 */
export function QrScanButton({ onCode, labels, formats = QR_ONLY, testId = 'scan-qr' }: Props) {
  const [supported, setSupported] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [error, setError] = useState('');
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => setSupported('BarcodeDetector' in window), []);

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    (async () => {
      try {
        const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorCtor }).BarcodeDetector;
        const detector = new Detector({ formats });
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return stop();
        video.current.srcObject = stream;
        await video.current.play();
        const tick = async () => {
          if (stopped || !video.current) return;
          const found = await detector.detect(video.current).catch(() => []);
          const value = found[0]?.rawValue;
          if (value) {
            stop();
            setScanning(false);
            onCode(value);
            return;
          }
          timer = window.setTimeout(tick, 200);
        };
        void tick();
      } catch {
        stop();
        setScanning(false);
        setError(labels.denied);
      }
    })();
    return stop;
  }, [scanning, onCode, labels.denied, formats]);

  if (!supported) return null;
  return (
    <div className="mt-3">
      {scanning ? (
        <div className="space-y-2">
          <p className="text-sm text-muted">{labels.help}</p>
          <video ref={video} muted playsInline className="aspect-video w-full max-w-md rounded-lg bg-ink object-cover" />
          <button type="button" onClick={() => setScanning(false)} className="btn-secondary min-h-12 w-full max-w-md sm:min-h-11">
            {labels.stop}
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            setError('');
            setScanning(true);
          }}
          className="btn-secondary min-h-12 w-full sm:min-h-11 sm:w-auto"
          data-testid={testId}
        >
          <span aria-hidden="true">⌗</span>
          {labels.scan}
        </button>
      )}
      <p role="alert" className="mt-1 text-sm text-out empty:hidden">
        {error}
      </p>
    </div>
  );
}
