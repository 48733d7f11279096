import type { RelevanceQuery } from './types';

export const relevanceB: RelevanceQuery[] = [];
