/** Whether live suggestions are flowing, said in words (the dot's colour only repeats it). */
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus as Status } from '../socket/socket.ts';

export function ConnectionStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  const text = t(`connection.${status}`);
  return (
    <p className="connection" data-status={status} role="status" title={t('connection.label', { status: text })}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-text">{text}</span>
    </p>
  );
}
