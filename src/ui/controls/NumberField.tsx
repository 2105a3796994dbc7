import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { t } from '../messages/en';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> {
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  /** Called with a valid number: at once while typing when the text is a number in range, else on blur/Enter (clamped). */
  onCommit: (v: number) => void;
}

/**
 * A number box that can be typed into: the text is the user's until it is a valid number in range (then it
 * applies at once) or until they leave the box (then it is clamped, or restored when it is not a number).
 */
export function NumberField({ value, min, max, integer = false, onCommit, ...rest }: Props) {
  const [text, setText] = useState(String(value));
  /** Said after a typed value was out of range and brought back into it. */
  const [note, setNote] = useState<string | null>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(String(value));
  }, [value]);
  const valid = (s: string): number | null => {
    if (s.trim() === '') return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) return null;
    return n;
  };
  const settle = () => {
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n)) {
      const c = Math.min(max, Math.max(min, integer ? Math.round(n) : n));
      onCommit(c);
      setText(String(c));
      setNote(c !== n ? t.numberClamped(text.trim(), c, min, max) : null);
    } else setText(String(value));
  };
  const invalid = focused.current && text.trim() !== '' && valid(text) === null;
  return (
    <>
    <input
      aria-invalid={invalid || undefined}
      {...rest}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      min={min}
      max={max}
      step={integer ? 1 : 'any'}
      value={text}
      onFocus={() => { focused.current = true; }}
      onChange={(e) => {
        setText(e.target.value);
        setNote(null);
        const n = valid(e.target.value);
        if (n !== null) onCommit(n);
      }}
      onBlur={() => {
        focused.current = false;
        settle();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') settle();
      }}
    />
    {note ? <span className="field-note" role="status">{note}</span> : null}
    </>
  );
}
