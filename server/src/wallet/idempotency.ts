/**
 * Wallet writes that run at most once per Idempotency-Key. The client makes a key per change (a UUID,
 * typically) and sends it again with each retry, such as the phone's offline queue replaying after a lost
 * answer. The first answer is kept with the key in the write's own transaction, so a retry gets that
 * answer without writing again; the same key with another request is refused (409). Two requests with one
 * key at once: the second's key insert fails on the primary key, its transaction rolls back (its write
 * with it), and it answers what the first stored.
 */
import type { Change } from '@escale/shared';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { isUniqueViolation } from '../store/dialect.ts';
import type { Db } from '../store/db.ts';
import { recordWalletWrite } from './wallet-write.ts';

/** 8 to 200 letters, digits or . _ : - (a UUID fits). */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface Answer {
  status: number;
  body: unknown;
}

/** The request's key: null when it sends none (then the write is not protected from a repeat); 400 when malformed. */
export function keyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const key = String(header);
  if (!IDEMPOTENCY_KEY.test(key)) throw new HttpError(400, 'bad_request', 'The Idempotency-Key header must be 8 to 200 letters, digits, or . _ : -, new for each change and the same for its retries.');
  return key;
}

async function storedAnswer(db: Db, travellerId: string, key: string, request: string): Promise<Answer | null> {
  const row = await db.selectFrom('booking_requests').select(['request', 'status', 'response']).where('traveller_id', '=', travellerId).where('idempotency_key', '=', key).executeTakeFirst();
  if (!row) return null;
  if (row.request !== request) throw new HttpError(409, 'idempotency_conflict', 'This Idempotency-Key was already used for another request: use a new key for a new change.');
  return { status: row.status, body: JSON.parse(row.response) as unknown };
}

/**
 * Runs `write` as a wallet write (wallet-write.ts: the wallet locked, trips assigned after it) with its changes
 * (none when the answer is not a success), keeping its answer
 * under `key`; a key seen before gets its first answer instead. An error thrown by `write` (404, 412) rolls
 * everything back and keeps nothing: a retry is judged again.
 */
export async function runOnce(
  ctx: AppContext,
  travellerId: string,
  key: string | null,
  request: string,
  write: (trx: Db) => Promise<Answer>,
  changesOf: (answer: Answer) => Change[],
): Promise<Answer> {
  if (key) {
    const earlier = await storedAnswer(ctx.db, travellerId, key, request);
    if (earlier) return earlier;
  }
  try {
    return await recordWalletWrite(
      ctx.changes,
      travellerId,
      ctx.clock.now(),
      async (trx) => {
        const answer = await write(trx);
        // The key last: a concurrent request with the same key fails here and rolls its write back.
        if (key)
          await trx
            .insertInto('booking_requests')
            .values({ traveller_id: travellerId, idempotency_key: key, request, status: answer.status, response: JSON.stringify(answer.body), created_at: ctx.clock.now().toISOString() })
            .execute();
        return answer;
      },
      (answer) => (answer.status < 300 ? changesOf(answer) : []),
    );
  } catch (err) {
    if (!key || !isUniqueViolation(err)) throw err;
    const first = await storedAnswer(ctx.db, travellerId, key, request);
    if (!first) throw err;
    return first;
  }
}
