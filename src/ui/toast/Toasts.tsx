import { Icon } from '../icons/Icon';
import { dismissToast, useToasts } from './toastStore';

/** The stack of transient messages at the bottom centre of the canvas. */
export function Toasts() {
  const toasts = useToasts();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast--${t.tone}`}
          role={t.tone === 'error' ? 'alert' : 'status'}
          data-testid="toast"
        >
          <Icon name={t.tone === 'error' ? 'alert' : t.tone === 'success' ? 'check' : 'info'} size={14} />
          <span className="toast-message">{t.message}</span>
          <button
            type="button"
            className="btn-icon btn-icon--xs"
            aria-label="Dismiss"
            onClick={() => dismissToast(t.id)}
          >
            <Icon name="x" size={12} />
          </button>
        </div>
      ))}
    </div>
  );
}
