import { useEffect, useRef } from "react";

/** The confirmation shown after a save succeeded on the server; it takes focus so the success is announced. */
export function SuccessBanner({ title, children }: { title: string; children?: string }) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => banner.current?.focus(), [title]);
  return (
    <div className="notification notification--success" role="status" tabIndex={-1} ref={banner}>
      <h2 className="notification__title">{title}</h2>
      {children && <p className="notification__body">{children}</p>}
    </div>
  );
}

/** An important notice that is not an error (a warning the user should act on). */
export function WarningText({ children }: { children: string }) {
  return (
    <div className="warning-text">
      <span className="warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="warning-text__text">
        <span className="visually-hidden">Warning: </span>
        {children}
      </strong>
    </div>
  );
}
