import { type ReactNode, useEffect, useRef } from 'react';
import { closeDialog } from '../../state/sessionStore';
import { Icon } from '../icons/Icon';

interface Props {
  title: string;
  subtitle?: string;
  testId: string;
  /** CSS width: pixels, or any CSS length (a wide dialog shrinks with the window). */
  width?: number | string;
  children: ReactNode;
  footer?: ReactNode;
  /** Extra class of the dialog box (a wider or taller variant). */
  className?: string;
  /** What closing does (Escape, the close button, a backdrop click); default: close the dialog. */
  onClose?: () => void;
}

/** A centred dialog over a dimmed app; Escape, the close button or a backdrop click closes it. */
export function Modal({
  title,
  subtitle,
  testId,
  width = 520,
  children,
  footer,
  className,
  onClose = closeDialog,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    ref.current?.focus();
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a backdrop click closes the dialog; Escape and the close button do the same from the keyboard.
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        style={{ width }}
        tabIndex={-1}
        ref={ref}
      >
        <div className="modal-head">
          <div>
            <h2 className="modal-title">{title}</h2>
            {subtitle ? <p className="modal-subtitle">{subtitle}</p> : null}
          </div>
          <button
            type="button"
            className="btn-icon"
            aria-label="Close"
            data-testid="dialog-close"
            onClick={onClose}
          >
            <Icon name="x" size={16} />
          </button>
        </div>
        <div className="modal-body">{children}</div>
        {footer ? <div className="modal-foot">{footer}</div> : null}
      </div>
    </div>
  );
}
