/** Placeholder hook point: the GP surrogate view is drawn here when the sweep's method is a Gaussian process. */
export function SurrogateView() {
  return null;
}
