import { hyperparamDefs } from '../../core/hyperparams';
import { useApp } from '../StoreContext';
import { HyperparamControl } from './HyperparamControl';
import { t } from '../messages/en';
import { batchNote, isBusy } from '../../state/selectors';

export function HyperparamPanel() {
  const hp = useApp((s) => s.hp);
  const setParam = useApp((s) => s.setParam);
  const busy = useApp(isBusy);
  const note = useApp(batchNote);
  return (
    <section aria-labelledby="hp-heading" className="panel">
      <h2 id="hp-heading">{t.hyperparamsHeading}</h2>
      {hyperparamDefs.map((def) => (
        <HyperparamControl
          key={def.name}
          def={def}
          value={hp[def.name]}
          disabled={busy}
          note={def.name === 'batchSize' ? note : null}
          // setParam sanitizes by name; the union of value types cannot be narrowed per row here.
          onChange={(v) => setParam(def.name, v as never)}
        />
      ))}
    </section>
  );
}
