import { DataPanel } from './data/DataPanel';
import { HyperparamPanel } from './controls/HyperparamPanel';
import { TrainBar } from './controls/TrainBar';
import { LossChart } from './charts/LossChart';
import { LossTable } from './charts/LossTable';
import { RunDetails } from './charts/RunDetails';
import { BoundaryCanvas } from './charts/BoundaryCanvas';
import { SpaceEditor } from './sweep/SpaceEditor';
import { SweepControls } from './sweep/SweepControls';
import { SweepCharts } from './sweep/SweepCharts';
import { TrialTable } from './sweep/TrialTable';
import { ResumeBanner } from './sweep/ResumeBanner';
import { StudyFiles } from './sweep/StudyFiles';
import { CompareView } from './compare/CompareView';
import { StepPanel } from './sweep/StepPanel';
import { LrExplorer } from './learn/LrExplorer';
import { useApp } from './StoreContext';
import { statusLine } from '../state/selectors';
import { t } from './messages/en';

function StatusLine() {
  const line = useApp(statusLine);
  const diverged = useApp((s) => s.runStatus === 'diverged' || s.runStatus === 'error');
  return (
    <p role="status" aria-live="polite" aria-label={t.progress} className={diverged ? 'status warn' : 'status'}>
      {line}
    </p>
  );
}

function Notice() {
  const notice = useApp((s) => s.notice);
  const dismiss = useApp((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{notice}</span>
      <button type="button" onClick={dismiss}>{t.dismiss}</button>
    </div>
  );
}

export function App() {
  return (
    <div className="app">
      <header>
        <h1>{t.appTitle}</h1>
        <p className="tagline">{t.appTagline}</p>
      </header>
      <Notice />
      <main>
        <aside className="sidebar">
          <DataPanel />
          <HyperparamPanel />
        </aside>
        <div className="content">
          <section className="panel" aria-label="Training">
            <TrainBar />
            <StatusLine />
            <div className="train-charts">
              <div>
                <LossChart />
                <LossTable />
                <RunDetails />
              </div>
              <BoundaryCanvas />
            </div>
          </section>
          <section className="panel" aria-labelledby="sweep-heading">
            <h2 id="sweep-heading">{t.sweepHeading}</h2>
            <ResumeBanner />
            <div className="sweep-setup">
              <SpaceEditor />
              <SweepControls />
            </div>
            <StepPanel />
            <SweepCharts />
            <TrialTable />
            <StudyFiles />
          </section>
          <LrExplorer />
          <CompareView />
        </div>
      </main>
    </div>
  );
}
