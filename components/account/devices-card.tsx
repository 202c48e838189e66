import type { SessionSummary } from '@/lib/auth/sessions';
import { describeDevice } from '@/lib/auth/user-agent';
import { SignOutForm } from '@/components/pwa/sign-out-form';

type Props = {
  sessions: SessionSummary[];
  currentId: string | undefined;
  formatWhen: (date: Date) => string;
  signOutEverywhere: (formData?: FormData) => Promise<void>;
  labels: { title: string; thisDevice: string; lastUsed: string; unknownDevice: string; deviceOn: string; signOutEverywhere: string; hint: string };
};

/** Where this account is signed in, and the way to end every one of those sessions at once. */
export function DevicesCard({ sessions, currentId, formatWhen, signOutEverywhere, labels }: Props) {
  return (
    <div className="card px-5 py-4">
      <h3 className="font-semibold">{labels.title}</h3>
      <ul className="mt-2 divide-y divide-line" data-testid="account-devices">
        {sessions.map((s) => {
          const device = describeDevice(s.userAgent);
          return (
            <li key={s.id} className="py-2 text-sm">
              <span className="font-medium">
                {device ? labels.deviceOn.replace('{browser}', device.browser).replace('{os}', device.os) : labels.unknownDevice}
              </span>
              {s.id === currentId && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">{labels.thisDevice}</span>}
              <span className="block text-muted">{labels.lastUsed.replace('{when}', formatWhen(s.lastSeenAt))}</span>
            </li>
          );
        })}
      </ul>
      <SignOutForm label={labels.signOutEverywhere} action={signOutEverywhere} className="mt-3" buttonClassName="btn-secondary w-full sm:w-auto" />
      <p className="mt-2 text-sm text-muted">{labels.hint}</p>
    </div>
  );
}
