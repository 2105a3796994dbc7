// vega-datasets' penguins.json, reached through the 'vega-datasets-penguins' alias in vite.config.ts.
// A script file (no imports/exports), so this declares the module rather than augmenting one.
declare module 'vega-datasets-penguins' {
  export interface PenguinRecord {
    Species: string | null;
    Island: string | null;
    'Beak Length (mm)': number | null;
    'Beak Depth (mm)': number | null;
    'Flipper Length (mm)': number | null;
    'Body Mass (g)': number | null;
    Sex: string | null;
  }
  const penguins: PenguinRecord[];
  export default penguins;
}
