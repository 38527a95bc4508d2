/**
 * The receipt on screen, exactly the lines the printer got. One print action: the tap that opened this already
 * printed it (the browser host prints it itself: the print stylesheet shows only this receipt, at the paper's
 * width), so this dialog only shows it and closes; a later print is asked again and says COPIA.
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
  const via = useSaldo((state) => state.receiptVia);
  const { closeReceipt, receiptPrintDone } = useSaldo.getState();
  const closeButton = useRef<HTMLButtonElement>(null);

  const printTimer = useRef<number | null>(null);

  useEffect(() => {
    if (!receipt) return;
    closeButton.current?.focus();
    if (pending) {
      receiptPrintDone();
      // After the dialog is painted, so the print stylesheet has the receipt to print.
      printTimer.current = window.setTimeout(() => {
        printTimer.current = null;
        window.print();
      }, 50);
    }
  }, [receipt, pending, receiptPrintDone]);

  // Closed before the print began: no print (the page would print without the receipt).
  useEffect(
    () => () => {
      if (printTimer.current !== null) window.clearTimeout(printTimer.current);
      printTimer.current = null;
    },
    [receipt],
  );

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
        {(printed || via === 'renderer') && (
          <p className={printed ? 'ok' : 'hint'} role="status">
            {printed ? t('receipt.printed') : t('counter.receipt.browserPrint')}
          </p>
        )}
        <pre className={`receipt receipt-${receipt.widthMm}`} data-testid="receipt" data-columns={receipt.columns} lang={receipt.language}>
          {receipt.lines.join('\n')}
        </pre>
        <div className="actions">
          <button ref={closeButton} type="button" className="primary big" onClick={closeReceipt}>
            {t('receipt.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
