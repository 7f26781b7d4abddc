/**
 * A local time, always on the 24-hour clock ("22:00"), whatever the browser's own language: a native
 * `<input type="time">` follows the browser, so a French screen in an American browser asked "10:00 PM".
 * Typed as text ("2230", "8:00" and "8h" are understood when the field is left); the server judges validity.
 */
import { type InputHTMLAttributes, useEffect, useState } from 'react';

/** "8:00" → "08:00", "2230" → "22:30", "8h" → "08:00"; anything else is left as typed for the server to refuse. */
export function normaliseClock(text: string): string {
  const t = text.trim().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:[:hH.]?(\d{2}))?[hH]?$/.exec(t);
  if (!m) return text.trim();
  const hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  if (hours > 23 || minutes > 59) return text.trim();
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & { value: string; onChange(value: string): void };

export function TimeInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <input
      {...rest}
      type="text"
      className="time-input"
      inputMode="numeric"
      autoComplete="off"
      placeholder="22:00"
      maxLength={5}
      size={5}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(normaliseClock(e.target.value));
      }}
      onBlur={() => setText(normaliseClock(text))}
    />
  );
}
