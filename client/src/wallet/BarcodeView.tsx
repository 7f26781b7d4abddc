/**
 * A booking's scannable code, drawn on the phone from the message the source gave (QR, PDF417, Aztec or
 * Code 128, as the source says: a gate reader expects that one). Black on white whatever the theme, with a
 * quiet zone, and "Show larger" fills the screen so a reader at the gate can scan it. bwip-js is loaded
 * only when a code is shown.
 */
import type { Barcode } from '@escale/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../ui/use-modal-dialog.ts';

const SYMBOLOGY: Record<Barcode['format'], string> = { qr: 'qrcode', pdf417: 'pdf417', aztec: 'azteccode', code128: 'code128' };

function CodeCanvas({ barcode, scale, label }: { barcode: Barcode; scale: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void import('bwip-js/browser').then(({ toCanvas }) => {
      if (!live || !canvas.current) return;
      try {
        toCanvas(canvas.current, { bcid: SYMBOLOGY[barcode.format], text: barcode.message, scale, paddingwidth: 4, paddingheight: 4, backgroundcolor: 'FFFFFF', barcolor: '000000' });
        setFailed(false);
      } catch (error) {
        console.warn('The code could not be drawn:', error);
        setFailed(true);
      }
    });
    return () => {
      live = false;
    };
  }, [barcode, scale]);
  return failed ? null : <canvas ref={canvas} className="barcode-canvas" role="img" aria-label={label} data-format={barcode.format} />;
}

export function BarcodeView({ barcode }: { barcode: Barcode }) {
  const { t } = useTranslation();
  const [large, setLarge] = useState(false);
  const dialog = useModalDialog(large, () => setLarge(false), { closeOnBackdrop: true });
  const label = t('wallet.codeLabel', { format: t(`wallet.format.${barcode.format}`) });
  return (
    <section className="barcode" aria-labelledby="barcode-title">
      <h2 id="barcode-title">{t('wallet.code')}</h2>
      <div className="barcode-paper">
        <CodeCanvas barcode={barcode} scale={3} label={label} />
        {barcode.altText && <p className="barcode-alt">{barcode.altText}</p>}
      </div>
      <button type="button" className="button" onClick={() => setLarge(true)}>
        {t('wallet.showLarger')}
      </button>
      <dialog ref={dialog.ref} className="barcode-full" aria-label={label} onCancel={dialog.onCancel} onClick={dialog.onClick}>
        {large && (
          <div className="barcode-full-body">
            <CodeCanvas barcode={barcode} scale={6} label={label} />
            {barcode.altText && <p className="barcode-alt">{barcode.altText}</p>}
            <button type="button" className="button" onClick={() => setLarge(false)} data-autofocus>
              {t('why.close')}
            </button>
          </div>
        )}
      </dialog>
    </section>
  );
}
