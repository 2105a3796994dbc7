import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import { fmt } from '../format';

/** The numbers behind the loss chart, for screen readers and for anyone who wants them. */
export function LossTable() {
  const epochs = useApp((s) => s.epochs);
  const classification = useApp((s) => s.prepared?.dataset.task === 'classification');
  if (epochs.length === 0) return null;
  return (
    <details className="loss-table">
      <summary>{t.lossTable}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.epoch}</th>
            <th scope="col">{t.trainLoss}</th>
            <th scope="col">{t.valLoss}</th>
            {classification ? <th scope="col">{t.valAccuracy}</th> : null}
          </tr>
        </thead>
        <tbody>
          {epochs.map((m) => (
            <tr key={m.epoch}>
              <td>{m.epoch}</td>
              <td>{fmt(m.trainLoss, 4)}</td>
              <td>{fmt(m.valLoss, 4)}</td>
              {classification ? <td>{fmt(m.valAccuracy, 3)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
