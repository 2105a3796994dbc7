/** The shape every dataset takes once loaded: dense, row-major, ready for tensors. */
export type Task = 'classification' | 'regression';

export interface Dataset {
  /** Id of the source, e.g. 'circle', 'iris', 'csv'. */
  id: string;
  /** Human-readable name shown in the UI. */
  name: string;
  task: Task;
  featureNames: string[];
  /** Number of rows. */
  n: number;
  /** Number of features per row. */
  d: number;
  /** Features, row-major, n * d values, all finite. */
  x: Float32Array;
  /** Targets, n values: class index 0..numClasses-1 (classification) or a real value (regression). */
  y: Float32Array;
  /** Class names in index order (classification); empty for regression. */
  classNames: string[];
  /** Name of the target column / quantity. */
  targetName: string;
  /** Things the user should know about how the data was prepared (rows dropped, label mapping, ...). */
  notes: string[];
}

export interface Split {
  train: Dataset;
  validation: Dataset;
}
