/**
 * What the traveller told Escale, to change at any time (linked from My data): the same questions as the
 * onboarding on one page. Without the profile consent nothing is kept, so the page asks for it first.
 */
import type { Consents, ProfileBody, SessionInfo } from '@escale/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Link } from 'react-router';
import { PATHS } from '../app/paths.ts';
import { BudgetField } from './ChoiceFields.tsx';
import { draftFrom, editFrom, type ProfileDraft } from './draft.ts';
import { failureText } from './failure-text.ts';
import { InterestsFields } from './InterestsFields.tsx';
import { PartyFields } from './PartyFields.tsx';
import { getProfile, putProfile } from './profile-api.ts';
import { ProfileConsentAsk } from './ProfileConsentAsk.tsx';

type SaveState = 'idle' | 'saving' | 'saved';

interface Props {
  session: SessionInfo;
  onConsentsChanged(consents: Consents): void;
}

export function ProfileScreen({ session, onConsentsChanged }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState<ProfileBody | null>(null);
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [save, setSave] = useState<SaveState>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const consented = session.consents.profile;

  useEffect(() => {
    getProfile().then(
      (b) => {
        setBody(b);
        setDraft(draftFrom(b.profile));
      },
      (e: unknown) => setFailure(failureText(e, t)),
    );
  }, [t, consented]);

  const edit = (next: ProfileDraft) => {
    setDraft(next);
    setSave('idle');
  };
  const submit = async () => {
    if (!draft) return;
    const checked = editFrom(draft);
    if (!checked.ok) return setFailure(t('profile.invalid', { fields: checked.fields.join(', ') }));
    setSave('saving');
    try {
      const stored = await putProfile(checked.edit);
      setBody(stored);
      setFailure(null);
      setSave('saved');
    } catch (e) {
      setFailure(failureText(e, t));
      setSave('idle');
    }
  };

  return (
    <div className="page mydata profile">
      <p className="breadcrumb">
        <Link to={PATHS.myData}>{t('nav.myData')}</Link>
      </p>
      <h1>{t('profile.title')}</h1>
      <p className="lead">{t('profile.lead')}</p>
      <ErrorNotice error={failure} />
      {!consented ? (
        <section className="mydata-section" aria-labelledby="profile-consent">
          <h2 id="profile-consent">{t('profile.consentTitle')}</h2>
          <ProfileConsentAsk onAllowed={onConsentsChanged} />
        </section>
      ) : !body || !draft ? (
        !failure && <p className="muted">{t('app.loading')}</p>
      ) : (
        <form
          className="profile-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <section className="mydata-section" aria-labelledby="profile-enjoy">
            <h2 id="profile-enjoy">{t('profile.steps.enjoy')}</h2>
            <InterestsFields choices={body.choices} draft={draft} onChange={edit} />
          </section>
          <section className="mydata-section" aria-labelledby="profile-party">
            <h2 id="profile-party">{t('profile.steps.party')}</h2>
            <PartyFields draft={draft} onChange={edit} />
          </section>
          <section className="mydata-section" aria-labelledby="profile-budget">
            <h2 id="profile-budget">{t('profile.budget')}</h2>
            <BudgetField budget={draft.budget} titled onChange={(budget) => edit({ ...draft, budget })} />
            <p className="muted">{t('profile.paceElsewhere')}</p>
          </section>
          <div className="save-bar">
            <button type="submit" className="button button-primary" disabled={save === 'saving'}>
              {save === 'saving' ? t('profile.saving') : t('profile.save')}
            </button>
            <span role="status" className="muted">
              {save === 'saved' ? t('profile.saved') : ''}
            </span>
          </div>
        </form>
      )}
    </div>
  );
}
