import { isBusy } from '../../state/selectors';
import { hyperparamDefs, type HyperparamDef } from '../../core/hyperparams';
import { defaultAxis, type AxisDraft } from '../../sweep/draft';
import { useApp } from '../StoreContext';
import { hyperparamText, t } from '../messages/en';

function AxisRow({ def, axis, disabled, onChange }: { def: HyperparamDef; axis: AxisDraft; disabled: boolean; onChange: (a: AxisDraft) => void }) {
  const label = hyperparamText[def.name].label;
  const sweptMode = def.kind === 'choice' ? 'choices' : 'range';
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <select aria-label={t.mode(label)} value={axis.mode} disabled={disabled}
          onChange={(e) => onChange(defaultAxis(def.name, e.target.value as AxisDraft['mode']))}>
          <option value="fixed">{t.modeFixed}</option>
          <option value={sweptMode}>{sweptMode === 'range' ? t.modeRange : t.modeChoices}</option>
        </select>
      </td>
      <td className="axis-detail">
        {axis.mode === 'range' ? (
          <>
            <input aria-label={t.min(label)} type="text" inputMode="decimal" value={axis.low} disabled={disabled} size={8}
              onChange={(e) => onChange({ ...axis, low: e.target.value })} />
            <span aria-hidden="true"> to </span>
            <input aria-label={t.max(label)} type="text" inputMode="decimal" value={axis.high} disabled={disabled} size={8}
              onChange={(e) => onChange({ ...axis, high: e.target.value })} />
            <label className="inline">
              <input type="checkbox" checked={axis.log} disabled={disabled} aria-label={t.logToggle(label)}
                onChange={(e) => onChange({ ...axis, log: e.target.checked })} /> log
            </label>
          </>
        ) : null}
        {axis.mode === 'choices' && def.kind === 'choice' ? (
          <span className="choices">
            {def.choices.map((c) => (
              <label key={c} className="inline">
                <input type="checkbox" aria-label={t.choice(label, c)} checked={axis.choices.includes(c)} disabled={disabled}
                  onChange={(e) => onChange({ ...axis, choices: e.target.checked ? [...axis.choices, c] : axis.choices.filter((x) => x !== c) })} />
                {c}
              </label>
            ))}
          </span>
        ) : null}
        {axis.mode === 'fixed' ? <span className="muted">uses the value set above</span> : null}
      </td>
    </tr>
  );
}

export function SpaceEditor() {
  const draft = useApp((s) => s.draft);
  const setAxis = useApp((s) => s.setAxis);
  const busy = useApp(isBusy);
  return (
    <table className="space-editor">
      <caption>{t.searchSpace}</caption>
      <thead>
        <tr><th scope="col">Hyperparameter</th><th scope="col">Sweep</th><th scope="col">Values</th></tr>
      </thead>
      <tbody>
        {hyperparamDefs.map((def) => (
          <AxisRow key={def.name} def={def} axis={draft[def.name]} disabled={busy} onChange={(a) => setAxis(def.name, a)} />
        ))}
      </tbody>
    </table>
  );
}
