import type { ButtonHTMLAttributes } from "react";

/** Primary, secondary or warning button. A saving button says so and cannot be pressed twice. */
export function Button({ variant = "primary", busy = false, children, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "warning"; busy?: boolean }) {
  return (
    <button className={`button button--${variant}`} disabled={busy || rest.disabled} aria-busy={busy || undefined} {...rest}>
      {busy ? "Saving…" : children}
    </button>
  );
}
