/**
 * The onboarding: a few questions instead of guesses, skippable at every step and offered once. It asks for
 * the profile consent first (the answers are kept only with it), then what the traveller enjoys and would
 * rather not be suggested, who is travelling, the budget and the pace. The answers feed the `interests`,
 * `party` and `budget` signals; the pace is the pause between unasked ideas (a push setting).
 */
import type { Consents, ProfileBody, PushSettings, SessionInfo } from '@escale/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Link, useNavigate } from 'react-router';
import { getPushSettings, savePushSettings } from '../api/api.ts';
import { PATHS } from '../app/paths.ts';
import { BudgetField, PaceField } from './ChoiceFields.tsx';
import { draftFrom, editFrom, type Pace, PACES, paceOf, type ProfileDraft } from './draft.ts';
import { failureText } from './failure-text.ts';
import { InterestsFields } from './InterestsFields.tsx';
import { PartyFields } from './PartyFields.tsx';
import { finishOnboarding, getProfile } from './profile-api.ts';
import { ProfileConsentAsk } from './ProfileConsentAsk.tsx';

const STEPS = ['enjoy', 'party', 'budget'] as const;

interface Props {
  session: SessionInfo;
  onConsentsChanged(consents: Consents): void;
  onOnboarded(): void;
}

export function OnboardingScreen({ session, onConsentsChanged, onOnboarded }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [body, setBody] = useState<ProfileBody | null>(null);
  const [push, setPush] = useState<PushSettings | null>(null);
  const [draft, setDraft] = useState<ProfileDraft>(draftFrom(null));
  const [pace, setPace] = useState<Pace | null>(null);
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const consented = session.consents.profile;

  useEffect(() => {
    Promise.all([getProfile(), getPushSettings()]).then(
      ([b, p]) => {
        setBody(b);
        setDraft(draftFrom(b.profile));
        setPush(p);
        setPace(paceOf(p.minMinutesBetweenPushes));
      },
      (e: unknown) => setFailure(failureText(e, t)),
    );
  }, [t]);
  // Each step's title takes the focus, so a screen reader hears where it is.
  useEffect(() => heading.current?.focus(), [step, consented]);

  const done = () => {
    onOnboarded();
    void navigate(PATHS.ideas);
  };
  const skip = async () => {
    setBusy(true);
    try {
      await finishOnboarding({ outcome: 'skipped' });
      done();
    } catch (e) {
      setFailure(failureText(e, t));
      setBusy(false);
    }
  };
  const save = async () => {
    const edit = editFrom(draft);
    if (!edit.ok) return setFailure(t('profile.invalid', { fields: edit.fields.join(', ') }));
    setBusy(true);
    try {
      await finishOnboarding({ outcome: 'answered', profile: edit.edit });
      if (pace && push && PACES[pace] !== push.minMinutesBetweenPushes) await savePushSettings({ minMinutesBetweenPushes: PACES[pace] });
      done();
    } catch (e) {
      setFailure(failureText(e, t));
      setBusy(false);
    }
  };

  const last = step === STEPS.length - 1;
  return (
    <div className="page onboarding">
      <h1>{t('profile.welcomeTitle', { name: session.traveller.name })}</h1>
      <p className="lead">{t('profile.welcomeLead')}</p>
      <ErrorNotice error={failure} />
      {!consented ? (
        <section className="mydata-section" aria-labelledby="onboarding-step">
          <h2 id="onboarding-step" ref={heading} tabIndex={-1}>
            {t('profile.consentTitle')}
          </h2>
          <ProfileConsentAsk onAllowed={onConsentsChanged} decline={{ label: t('profile.skipForNow'), onDecline: () => void skip() }} />
        </section>
      ) : !body ? (
        !failure && <p className="muted">{t('app.loading')}</p>
      ) : (
        <form
          className="mydata-section"
          aria-labelledby="onboarding-step"
          onSubmit={(e) => {
            e.preventDefault();
            if (last) void save();
            else setStep(step + 1);
          }}
        >
          <p className="step-count">{t('profile.stepOf', { step: step + 1, count: STEPS.length })}</p>
          <h2 id="onboarding-step" ref={heading} tabIndex={-1}>
            {t(`profile.steps.${STEPS[step]}`)}
          </h2>
          {STEPS[step] === 'enjoy' && <InterestsFields choices={body.choices} draft={draft} onChange={setDraft} />}
          {STEPS[step] === 'party' && <PartyFields draft={draft} onChange={setDraft} />}
          {STEPS[step] === 'budget' && (
            <>
              <BudgetField budget={draft.budget} onChange={(budget) => setDraft({ ...draft, budget })} />
              <PaceField pace={pace} custom={push?.minMinutesBetweenPushes ?? null} onChange={setPace} />
            </>
          )}
          <div className="step-actions">
            {step > 0 && (
              <button type="button" className="button" disabled={busy} onClick={() => setStep(step - 1)}>
                {t('profile.back')}
              </button>
            )}
            <button type="submit" className="button button-primary" disabled={busy}>
              {last ? t('profile.finish') : t('profile.next')}
            </button>
            <button type="button" className="link-button" disabled={busy} onClick={() => void skip()}>
              {t('profile.skip')}
            </button>
          </div>
          <p className="muted">
            {t('profile.changeLater')} <Link to={PATHS.myData}>{t('nav.myData')}</Link>
          </p>
        </form>
      )}
    </div>
  );
}
