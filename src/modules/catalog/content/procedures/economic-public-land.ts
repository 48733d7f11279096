import type { ProcedureSource } from '../types';

export const economicPublicLand: ProcedureSource[] = [];
