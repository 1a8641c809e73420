import { useMemo, useState } from 'react';
import { documentStore } from '../../state/documentStore';
import { shareUrl } from '../../state/share';
import { MAX_SHARE_LINK_CHARS, shareLinkFits } from '../../state/shareDecode';
import { Icon } from '../icons/Icon';
import { Modal } from './Modal';

/** A link that carries the whole diagram in its hash; nothing is uploaded anywhere. */
export function ShareDialog() {
  const url = useMemo(() => shareUrl(documentStore.getState().document, window.location.href), []);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <Modal
      title="Share this diagram"
      subtitle="The link holds the whole diagram, compressed. Anyone who opens it gets their own copy."
      testId="share-dialog"
      width={560}
    >
      <div className="share-row">
        <input
          className="input input--mono"
          readOnly
          value={url}
          data-testid="share-url"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="btn btn--primary" onClick={() => void copy()}>
          <Icon name={copied === 'yes' ? 'check' : 'copy'} size={14} /> {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="modal-note">
        {url.length.toLocaleString()} characters.
        {shareLinkFits(url.slice(url.indexOf('#')))
          ? ''
          : ` Too long to open: a link may hold ${MAX_SHARE_LINK_CHARS.toLocaleString()}. Export JSON instead.`}
        {copied === 'no' ? ' The clipboard is not available here; select the link and copy it.' : ''}
      </p>
    </Modal>
  );
}
