/**
 * Loads the traveller's push settings when the panel opens, holds the edits, and saves only what changed.
 * The draft is replaced by what the server stored, unless the traveller kept typing while it saved.
 */
import type { PushSettings } from '@escale/shared';
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure, getPushSettings, savePushSettings } from '../api/api.ts';
import { type FieldName, type SettingsDraft, draftFrom, hasChanges, issuesByField, patchFrom } from './draft.ts';

export type LoadState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; saved: PushSettings };
export type FieldIssues = Partial<Record<FieldName, string[]>>;
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string; issues: FieldIssues };

export function usePushSettings() {
  const [load, setLoad] = useState<LoadState>({ kind: 'loading' });
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const reload = useCallback(() => {
    setLoad({ kind: 'loading' });
    getPushSettings().then(
      (settings) => {
        setLoad({ kind: 'loaded', saved: settings });
        setDraft(draftFrom(settings));
      },
      (error: unknown) => setLoad({ kind: 'failed', message: describe(error) }),
    );
  }, []);
  useEffect(reload, [reload]);

  function edit(change: (draft: SettingsDraft) => SettingsDraft): void {
    setDraft((current) => current && change(current));
    // "Saved" no longer describes the form; a failure's field messages stay until the next attempt.
    setSave((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  }

  async function submit(): Promise<void> {
    if (load.kind !== 'loaded' || draft === null || save.kind === 'saving') return;
    const patch = patchFrom(draft, load.saved);
    if (!hasChanges(patch)) return;
    const submitted = draft;
    setSave({ kind: 'saving' });
    try {
      const stored = await savePushSettings(patch);
      setLoad({ kind: 'loaded', saved: stored });
      setDraft((current) => (current === submitted ? draftFrom(stored) : current));
      setSave({ kind: 'saved' });
    } catch (error) {
      const issues = error instanceof ApiFailure ? issuesByField(error.issues) : {};
      setSave({ kind: 'failed', message: describe(error), issues });
    }
  }

  const changed = load.kind === 'loaded' && draft !== null && hasChanges(patchFrom(draft, load.saved));
  return { load, draft, save, changed, edit, submit, reload };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
