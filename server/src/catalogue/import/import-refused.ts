/** A file the importer refuses whole (unreadable, too large, the wrong format): nothing of it is written. */
export type RefusalCode = 'too_large' | 'unreadable' | 'wrong_format' | 'too_many_places' | 'city_needed' | 'plan_changed';

export class ImportRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}
