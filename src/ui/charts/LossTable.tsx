import { memo, useState } from 'react';
import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import { fmt } from '../format';
import type { EpochMetrics } from '../../train/trainer';

const Row = memo(function Row({ m, classification }: { m: EpochMetrics; classification: boolean }) {
  return (
    <tr>
      <td>{m.epoch}</td>
      <td>{fmt(m.trainLoss, 4)}</td>
      <td>{fmt(m.valLoss, 4)}</td>
      {classification ? <td>{fmt(m.valAccuracy, 3)}</td> : null}
    </tr>
  );
});

/**
 * The numbers behind the loss chart, for screen readers and for anyone who wants them. Its rows are
 * rendered only while it is open (a long run has thousands), and each row once.
 */
export function LossTable() {
  const epochs = useApp((s) => s.epochs);
  const classification = useApp((s) => s.prepared?.dataset.task === 'classification');
  const [open, setOpen] = useState(false);
  if (epochs.length === 0) return null;
  return (
    <details className="loss-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.lossTable}</summary>
      {open ? (
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
            {epochs.map((m) => <Row key={m.epoch} m={m} classification={classification} />)}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}
