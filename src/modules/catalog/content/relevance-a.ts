import type { RelevanceQuery } from './types';

export const relevanceA: RelevanceQuery[] = [];
