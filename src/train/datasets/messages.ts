/**
 * Every sentence the datasets code shows a student (names, descriptions, notes, errors), in one
 * table, so a second language is one more table of the same type.
 */

/** Up to `max` row numbers, then "…", e.g. "4, 9, 12, …". */
export function listRows(rows: readonly number[], max = 5): string {
  const shown = rows.slice(0, max).join(', ');
  return rows.length > max ? `${shown}, …` : shown;
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const datasetMessagesEn = {
  // Toy sets
  circleName: 'Circle',
  circleDescription: 'A disc of one class inside a ring of the other.',
  xorName: 'Exclusive or',
  xorDescription: 'Four squares: the class depends on whether x1 and x2 have the same sign.',
  gaussianName: 'Two clusters',
  gaussianDescription: 'Two round clouds of points; more noise makes them overlap.',
  blobsName: 'Three clusters',
  blobsDescription: 'Three round clouds of points, one per class.',
  spiralName: 'Spiral',
  spiralDescription: 'Two spirals wound around each other; the hardest toy set.',
  planeName: 'Plane',
  planeDescription: 'The target rises in a straight line with x1 + x2.',
  bumpsName: 'Gaussian bumps',
  bumpsDescription: 'The target has six hills and valleys side by side.',
  waveName: 'Wave',
  waveDescription: 'The target goes up and down like a sine wave.',
  circleClasses: ['outside', 'inside'],
  xorClasses: ['different signs', 'same sign'],
  spiralClasses: ['spiral A', 'spiral B'],
  clusterClass: (i: number) => `cluster ${String.fromCharCode(65 + i)}`,
  toyTarget: 'y',
  toyClassTarget: 'class',
  unknownToy: (id: string) => `There is no toy dataset called "${id}".`,
  badSize: (n: number) => `The number of points must be a whole number from 2 to 100000, not ${n}.`,
  badNoise: (noise: number) => `Noise must be a number from 0 to 1, not ${noise}.`,

  // Tabular sets
  irisName: 'Iris flowers',
  irisDescription: 'Measurements of 150 iris flowers from three species.',
  penguinsName: 'Palmer penguins',
  penguinsDescription: 'Beak, flipper and body measurements of penguins from three species.',
  penguinsMassName: 'Penguin body mass',
  penguinsMassDescription: 'Predict a penguin’s body mass from its beak and flipper sizes.',
  unknownTabular: (id: string) => `There is no built-in dataset called "${id}".`,
  unusedColumns: (names: readonly string[]) =>
    `The ${names.length === 1 ? 'column' : 'columns'} ${andList(names)} ${names.length === 1 ? 'is' : 'are'} not used.`,

  // Rows left out (tabular and CSV); `rows` are line numbers in the file when known.
  rowsMissing: (count: number, rows?: readonly number[]) =>
    `${plural(count, 'row', 'rows')} with missing values ${count === 1 ? 'was' : 'were'} left out` +
    (rows && rows.length > 0 ? ` (${count === 1 ? 'row' : 'rows'} ${listRows(rows)}).` : '.'),
  rowsUnreadable: (count: number, rows: readonly number[]) =>
    `${plural(count, 'row', 'rows')} with missing or unreadable values ${count === 1 ? 'was' : 'were'} left out` +
    ` (${count === 1 ? 'row' : 'rows'} ${listRows(rows)}).`,

  // CSV
  csvName: 'CSV file',
  readAsWindows1252:
    'This file is not UTF-8, so it was read as Windows-1252 (Western European), the way Excel on Windows saves it. If letters look wrong, choose another file encoding.',
  invalidUtf8: 'Some bytes in this file are not valid UTF-8 and show as �. If letters look wrong, choose another file encoding.',
  fileUnreadable: 'The file could not be read. It may have been moved or changed since it was chosen: choose it again.',
  emptyFile: 'The file is empty.',
  headerOnly: 'The file has a header row but no data rows.',
  singleColumn:
    'The file has only one column. It needs at least one feature column and a target column, separated by commas, semicolons or tabs.',
  unclosedQuote: (row: number) => `The quotes on row ${row} do not match up. Check the quotes in the file.`,
  numericHeader: 'The first row holds numbers, but it is read as the column names. Add a header row if the file has none.',
  mostRowsRagged: (header: number) =>
    `Most rows do not have the same number of fields as the header (${header}). Check the header row and the separator.`,
  raggedRows: (count: number, header: number, rows: readonly number[]) =>
    `${plural(count, 'row', 'rows')} ${count === 1 ? 'has' : 'have'} a different number of fields from the header (${header})` +
    ` (${count === 1 ? 'row' : 'rows'} ${listRows(rows)}). Missing fields count as missing values; extra fields are ignored.`,
  blankHeader: (index: number) => `Column ${index + 1} has no name and is called "column ${index + 1}" here.`,
  duplicateHeader: (name: string, renamed: string) => `There are two columns called "${name}"; the second is called "${renamed}" here.`,
  unknownTarget: (target: string, columns: readonly string[]) =>
    `There is no column called "${target}". The columns are: ${columns.join(', ')}.`,
  notNumericColumn: (name: string) => `Column "${name}" is not numeric and was left out.`,
  emptyColumn: (name: string) => `Column "${name}" is empty and was left out.`,
  oneHotColumn: (name: string, values: readonly string[]) =>
    `Column "${name}" was one-hot encoded into ${values.length} columns (${values.slice(0, 6).join(', ')}${values.length > 6 ? ', …' : ''}).`,
  tooManyValuesToEncode: (name: string, count: number, max: number) =>
    `Column "${name}" has ${count} different values (more than ${max}) and was left out.`,
  noNumericFeatures: 'None of the feature columns hold numbers, so there is nothing to learn from.',
  labelMapping: (pairs: readonly (readonly [string, number])[]) =>
    `Labels: ${pairs
      .slice(0, 12)
      .map(([name, i]) => `${name} → ${i}`)
      .join(', ')}${pairs.length > 12 ? ', …' : ''}`,
  autoClassification: (target: string, count: number) =>
    `The target "${target}" has only ${count} different whole numbers, so it is treated as classes (classification).`,
  targetNotNumeric: (target: string) =>
    `The target "${target}" is not numeric, so it cannot be predicted as a number. Choose classification instead.`,
  singleClass: (target: string, label: string) =>
    `Every usable row has the same target "${label}" in "${target}", so there is nothing to tell apart.`,
  constantTarget: (target: string) => `The target "${target}" has the same value in every usable row, so there is nothing to predict.`,
  tooManyClasses: (target: string, count: number, max: number) =>
    `The target "${target}" has ${count} different values, more than ${max} classes. Choose regression if it is a number, or pick another target.`,
  tooFewRows: (count: number, min: number) =>
    `Only ${count} usable ${count === 1 ? 'row' : 'rows'}: need at least ${min} for a training and a validation split.`,

  // Loading
  nothingRead: 'The file has not been read yet: choose it again.',
  tooFewToSplit: (count: number) => `Only ${count} rows: too few for a training and a validation split.`,
  readerFailed: (reason: string) => `The CSV reader stopped unexpectedly${reason ? `: ${reason}` : '.'} Choose the file again.`,
  unknownSource: 'Unknown kind of dataset.',
  loadFailed: (reason: string) => `The dataset could not be loaded: ${reason}`,
};

export type DatasetMessages = typeof datasetMessagesEn;

/** The table in use. English only for now. */
export const messages: DatasetMessages = datasetMessagesEn;
