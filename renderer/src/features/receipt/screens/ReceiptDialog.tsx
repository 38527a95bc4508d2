/**
 * The receipt on screen, exactly the lines the printer gets. In the browser host the page prints it itself:
 * the print stylesheet shows only this receipt, at the paper's width.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaldo } from '../../../app/store';

export function ReceiptDialog() {
  const { t } = useTranslation();
  const receipt = useSaldo((state) => state.receipt);
  const pending = useSaldo((state) => state.receiptPrintPending);
  const printed = useSaldo((state) => state.receiptPrinted);
  const error = useSaldo((state) => state.receiptError);
  const { closeReceipt, receiptPrintDone } = useSaldo.getState();
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!receipt) return;
    closeButton.current?.focus();
    if (pending) {
      receiptPrintDone();
      // After the dialog is painted, so the print stylesheet has the receipt to print.
      window.setTimeout(() => window.print(), 50);
    }
  }, [receipt, pending, receiptPrintDone]);

  useEffect(() => {
    if (!receipt) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeReceipt();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [receipt, closeReceipt]);

  if (error && !receipt) {
    return (
      <div className="toast error" role="alert">
        {t(`errors.${error}`)}
        <button type="button" className="secondary" onClick={closeReceipt}>
          {t('receipt.close')}
        </button>
      </div>
    );
  }
  if (!receipt) return null;
  return (
    <div className="dialog-backdrop">
      <div className="dialog receipt-dialog" role="dialog" aria-modal="true" aria-labelledby="receipt-title">
        <h2 id="receipt-title">{t('receipt.title')}</h2>
        {printed && (
          <p className="ok" role="status">
            {t('receipt.printed')}
          </p>
        )}
        <pre className={`receipt receipt-${receipt.widthMm}`} data-testid="receipt" data-columns={receipt.columns} lang={receipt.language}>
          {receipt.lines.join('\n')}
        </pre>
        <div className="actions">
          <button type="button" className="secondary big" onClick={() => window.print()}>
            {t('receipt.print')}
          </button>
          <button ref={closeButton} type="button" className="primary big" onClick={closeReceipt}>
            {t('receipt.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
