import { useEffect, useRef } from "react";

/**
 * A password Waymark made, shown once: the server keeps only its hash, and the page keeps it only in memory,
 * so leaving the page loses it for good. It takes focus so the admin is told about it straight away.
 */
export function OneTimePassword({ name, password }: { name: string; password: string }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), [password]);
  return (
    <div className="panel" role="status" tabIndex={-1} ref={panel} aria-labelledby="one-time-password-title">
      <h2 id="one-time-password-title" className="notification__title">
        One-time password for {name}
      </h2>
      <p className="panel__secret" data-testid="one-time-password">
        {password}
      </p>
      <p>
        Give it to {name} in person or by another secure route, not by email. <strong>It will not be shown again.</strong>
      </p>
    </div>
  );
}
