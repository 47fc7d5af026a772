/** The claims panel before its claims (or its code) have arrived: it says so instead of counting none. */
export function PanelLoading() {
  return (
    <section aria-labelledby="claims-heading" aria-busy="true" className="space-y-3">
      <h2 id="claims-heading" className="text-sm font-semibold">
        Tagged claims
      </h2>
      <p role="status" className="text-sm text-muted" data-testid="claims-loading">
        Loading claims…
      </p>
    </section>
  );
}
