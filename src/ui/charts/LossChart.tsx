import { useMemo } from 'react';
import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import { fmt } from '../format';
import { downsample } from './downsample';
import { epochTicks } from './axes';
import { CanvasPlot, type PlotAxis, type PlotLine } from './CanvasPlot';
import { guessLoss, runHint } from '../../lr/runHint';

const COLORS = { train: '#2563eb', val: '#ea580c', acc: '#16a34a' };
const formatLoss = (v: number) => fmt(v, 2);
const ACCURACY_AXIS: PlotAxis = { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], format: (v: number) => `${Math.round(v * 100)}%` };

/**
 * Training and validation loss per epoch (and validation accuracy on a 0–100% axis for classification),
 * live. Drawn on a canvas: it redraws several times a second while training (see CanvasPlot).
 */
export function LossChart() {
  const epochs = useApp((s) => s.epochs);
  const total = useApp((s) => s.totalEpochs);
  const classification = useApp((s) => s.prepared?.dataset.task === 'classification');
  const lines = useMemo<PlotLine[]>(() => {
    const data = downsample(epochs);
    const out: PlotLine[] = [
      { id: 0, label: t.trainLoss, color: COLORS.train, width: 2, points: data.map((m) => ({ x: m.epoch, y: m.trainLoss })) },
      { id: 1, label: t.valLoss, color: COLORS.val, width: 2, points: data.map((m) => ({ x: m.epoch, y: m.valLoss })) },
    ];
    if (classification) out.push({ id: 2, label: t.valAccuracy, color: COLORS.acc, width: 1.5, dash: [4, 3], right: true, points: data.map((m) => ({ x: m.epoch, y: m.valAccuracy })) });
    return out;
  }, [epochs, classification]);
  const x = useMemo<PlotAxis>(() => ({ domain: [1, Math.max(2, total)], ticks: epochTicks(total), label: t.epoch }), [total]);
  const status = useApp((s) => s.runStatus);
  // After a finished run: what its loss says about the learning rate (too high: rose; too low: crawled).
  const classes = useApp((s) => (s.prepared?.dataset.task === 'classification' ? s.prepared.dataset.classNames.length : null));
  const hint = useMemo(
    () => (status === 'complete' ? runHint(epochs.map((m) => m.trainLoss), epochs.map((m) => m.valLoss), guessLoss(classes)) : null),
    [status, epochs, classes],
  );
  const last = epochs.at(-1);
  const summary = last
    ? t.lossSummary(epochs.length, fmt(last.trainLoss), fmt(last.valLoss), last.valAccuracy !== undefined ? `${Math.round(last.valAccuracy * 100)}%` : null)
    : t.lossEmpty;
  return (
    <figure className="chart" aria-label={t.lossHeading}>
      <figcaption>{t.lossHeading}</figcaption>
      <ul className="legend" aria-hidden="true">
        <li><span className="swatch" style={{ background: COLORS.train }} />{t.trainLoss}</li>
        <li><span className="swatch" style={{ background: COLORS.val }} />{t.valLoss}</li>
        {classification ? <li><span className="swatch dashed" style={{ borderColor: COLORS.acc }} />{t.valAccuracy} (right axis)</li> : null}
      </ul>
      {epochs.length === 0 ? <p className="chart-empty">{t.lossEmpty}</p> : null}
      <CanvasPlot lines={lines} x={x} {...(classification ? { y2: ACCURACY_AXIS } : {})} yFormat={formatLoss} yName="loss" height={236} summary={summary} />
      {hint ? (
        <p className="note" role="note">
          {hint.kind === 'rose' ? t.hintRose(fmt(hint.first), fmt(hint.last))
            : hint.kind === 'worseThanGuess' ? t.hintWorseThanGuess(fmt(hint.last), fmt(hint.guess), classes !== null)
              : t.hintFlat(fmt(hint.first), fmt(hint.last), Math.round(hint.dropPct))}
        </p>
      ) : null}
    </figure>
  );
}
