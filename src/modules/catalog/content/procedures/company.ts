import type { ProcedureSource } from '../types';

export const company: ProcedureSource[] = [];
