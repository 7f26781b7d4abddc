/** The top bar: app name, the screens, language, connection state and sign-out. */
import type { SessionInfo } from '@escale/shared';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus as Status } from '../socket/socket.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ScreenNav } from './ScreenNav.tsx';

interface Props {
  session: SessionInfo | null | undefined;
  /** Forwarded e-mails waiting in the wallet's inbox. */
  inboxCount: number;
  connection: Status;
  onSignOut(): void;
}

export function Header({ session, inboxCount, connection, onSignOut }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true" />
        {t('app.name')}
      </p>
      {session && <ScreenNav inboxCount={inboxCount} />}
      <div className="header-tools">
        {session && <ConnectionStatus status={connection} />}
        <LanguageSwitch />
        {session && (
          <button type="button" className="button button-quiet" onClick={onSignOut} title={t('header.signedInAs', { name: session.traveller.name })}>
            {t('header.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
