import type { ReactNode } from 'react';

interface Props<T extends string> {
  label: ReactNode;
  value: T | undefined;
  options: readonly T[];
  text(option: T): string;
  onChange(value: T | undefined): void;
  disabled?: boolean;
  testId?: string;
  /** Allows "none" as a choice (optional fields). */
  optional?: boolean;
}

/** A labelled native select: keyboard-operable (type-ahead, arrows) without extra code. */
export function Choice<T extends string>({ label, value, options, text, onChange, disabled, testId, optional = true }: Props<T>) {
  return (
    <label className="report-choice">
      <span>{label}</span>
      <select data-testid={testId} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value ? (e.target.value as T) : undefined)}>
        {(optional || value === undefined) && <option value="">—</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
