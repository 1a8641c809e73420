import { selectBanner, setBanner, useSession } from '../state/sessionStore';
import { Icon } from './icons/Icon';

/** A start-up problem (corrupt autosave, broken share link) stated plainly above the canvas. */
export function Banner() {
  const banner = useSession(selectBanner);
  if (!banner) return null;
  return (
    <div className={`banner banner--${banner.tone}`} role="alert" data-testid="banner">
      <Icon name={banner.tone === 'info' ? 'info' : 'alert'} size={16} />
      <div className="banner-text">
        <div className="banner-title">{banner.title}</div>
        {banner.details.length > 0 ? (
          <ul className="banner-details">
            {banner.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button
        type="button"
        className="btn-icon btn-icon--xs"
        aria-label="Dismiss"
        onClick={() => setBanner(null)}
      >
        <Icon name="x" size={14} />
      </button>
    </div>
  );
}
