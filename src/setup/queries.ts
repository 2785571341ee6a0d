import { anyAccountExists } from '../accounts/users.ts';
import type { DbOrTx } from '../kernel/db/database.ts';
import { listMunicipalities } from '../municipalities/queries.ts';

/** A database with a municipality or an account has been set up (by the demo, the setup page or `sasaeai setup`). */
export async function isSetUp(db: DbOrTx): Promise<boolean> {
  return (await listMunicipalities(db)).length > 0 || (await anyAccountExists(db));
}
