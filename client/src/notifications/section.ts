/** What every part of the notifications form receives: the draft, the server's issues, and a way to edit. */
import type { SettingsDraft } from './draft.ts';
import type { FieldIssues } from './use-push-settings.ts';

export interface SectionProps {
  draft: SettingsDraft;
  issues: FieldIssues;
  edit(change: (draft: SettingsDraft) => SettingsDraft): void;
}
