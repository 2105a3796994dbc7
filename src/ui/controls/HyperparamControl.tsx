import { useId } from 'react';
import type { HyperparamDef, Hyperparams, HyperparamName } from '../../core/hyperparams';
import { hyperparamText, optimizerText, t } from '../messages/en';
import { fmt } from '../format';
import { NumberField } from './NumberField';

interface Props {
  def: HyperparamDef;
  value: Hyperparams[HyperparamName];
  disabled: boolean;
  note?: string | null;
  onChange: (v: number | string) => void;
}

/** One hyperparameter: its control, its value, and a one-line explanation. */
export function HyperparamControl({ def, value, disabled, note, onChange }: Props) {
  const id = useId();
  const text = hyperparamText[def.name];
  const helpId = `${id}-help`;
  if (def.kind === 'choice') {
    return (
      <div className="control">
        <label htmlFor={id}>{text.label}</label>
        <select id={id} value={String(value)} disabled={disabled} aria-describedby={helpId} onChange={(e) => onChange(e.target.value)}>
          {def.choices.map((c) => (
            <option key={c} value={c}>
              {def.name === 'optimizer' ? optimizerText[c] ?? c : c}
            </option>
          ))}
        </select>
        <p id={helpId} className="help">{text.help}</p>
      </div>
    );
  }
  const v = value as number;
  const toSlider = (x: number) => (def.log ? Math.log10(Math.max(x, def.min)) : x);
  const fromSlider = (s: number) => {
    const raw = Math.min(def.max, def.log ? 10 ** s : s);
    return def.int ? Math.round(raw) : def.log ? Number(raw.toPrecision(2)) : raw;
  };
  const step = def.log ? 0.05 : def.step ?? (def.max - def.min) / 100;
  const sliderMin = toSlider(def.min);
  // A whole number of steps, so the slider's end reaches the maximum (the value is clamped to it).
  const sliderMax = sliderMin + Math.ceil((toSlider(def.max) - sliderMin) / step - 1e-9) * step;
  const offAtZero = def.allowZero && v === 0;
  return (
    <div className="control">
      <label htmlFor={id}>
        {text.label}
        {def.log ? <span className="scale"> ({t.logScale})</span> : null}
      </label>
      <div className="slider-row">
        <input
          id={id}
          type="range"
          min={def.allowZero ? sliderMin - step : sliderMin}
          max={sliderMax}
          step={step}
          value={offAtZero ? sliderMin - step : toSlider(v)}
          aria-valuetext={fmt(v)}
          aria-describedby={helpId}
          disabled={disabled}
          onChange={(e) => {
            const s = Number(e.target.value);
            onChange(def.allowZero && s < sliderMin ? 0 : fromSlider(s));
          }}
        />
        <NumberField
          className="value"
          aria-label={`${text.label} value`}
          value={def.int ? v : Number(v.toPrecision(4))}
          min={def.allowZero ? 0 : def.min}
          max={def.max}
          integer={def.int}
          disabled={disabled}
          onCommit={onChange}
        />
      </div>
      <p id={helpId} className="help">{text.help}</p>
      {note ? <p className="note" role="note">{note}</p> : null}
    </div>
  );
}
