/** A file refused whole, with the reason the traveller is shown (HTTP 4xx `{error:{code,message}}`). */
import type { ImportRefusal } from '@escale/shared';

export class ImportRefused extends Error {
  constructor(
    readonly code: ImportRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export const refuse = (code: ImportRefusal, message: string): never => {
  throw new ImportRefused(code, message);
};
