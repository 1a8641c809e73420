/** The archplay mark (three linked nodes) and wordmark. */
export function Logo() {
  return (
    <span className="logo">
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
        <rect x="0.5" y="0.5" width="23" height="23" rx="6" className="logo-tile" />
        <path d="M7 8.5 12 15.5 17 8.5" className="logo-links" />
        <circle cx="7" cy="8" r="2.4" className="logo-node" />
        <circle cx="17" cy="8" r="2.4" className="logo-node" />
        <circle cx="12" cy="16" r="2.4" className="logo-node" />
      </svg>
      <h1 className="logo-word">archplay</h1>
    </span>
  );
}
