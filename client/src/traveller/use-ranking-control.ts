/**
 * The traveller's ranking settings as the ideas screen uses them: read once, changed from the Why panel
 * ("what if" a signal were off), a card ("fewer like this") or the feed's own switch, each change saved at
 * once (the server re-ranks the open feed) and offered back with an Undo.
 */
import type { FewerLikeBody, PersonalSignalId, RankingSettingsBody, RankingSettingsPatch } from '@escale/shared';
import { useCallback, useEffect, useState } from 'react';
import { askFewer, getRankingSettings, putRankingSettings, takeBackFewer } from '../mydata/privacy-api.ts';

export interface ChangeUndo {
  text: string;
  undo(): Promise<unknown>;
}

export function useRankingControl(onError: (e: unknown) => void) {
  const [ranking, setRanking] = useState<RankingSettingsBody | null>(null);
  const [lastChange, setLastChange] = useState<ChangeUndo | null>(null);

  useEffect(() => {
    getRankingSettings().then(setRanking, onError);
  }, [onError]);

  const change = useCallback(
    async (patch: RankingSettingsPatch, undo?: ChangeUndo) => {
      try {
        setRanking(await putRankingSettings(patch));
        setLastChange(undo ?? null);
      } catch (e) {
        onError(e);
      }
    },
    [onError],
  );

  const signalOff = useCallback(
    (signal: PersonalSignalId, text: string) => {
      const before = ranking?.settings.signalsOff ?? [];
      if (before.includes(signal)) return;
      void change({ signalsOff: [...before, signal] }, { text, undo: () => putRankingSettings({ signalsOff: before }).then(setRanking) });
    },
    [change, ranking],
  );

  const fewer = useCallback(
    async (interest: FewerLikeBody['interest'], text: string) => {
      try {
        await askFewer(interest);
        setLastChange({ text, undo: () => takeBackFewer(interest) });
      } catch (e) {
        onError(e);
      }
    },
    [onError],
  );

  const undoLast = useCallback(() => {
    const last = lastChange;
    setLastChange(null);
    if (last) last.undo().catch(onError);
  }, [lastChange, onError]);

  return { ranking, change, signalOff, fewer, lastChange, undoLast, dismissUndo: useCallback(() => setLastChange(null), []) };
}
