import type { Executor } from '../../../core/db/client';
import type { SearchDocument } from './indexer';

export async function upsertSearchDocument(_exec: Executor, _doc: SearchDocument): Promise<void> {
  // implemented below in this file as the index lands
}

export async function deleteSearchDocument(_exec: Executor, _procedureId: string): Promise<void> {}
