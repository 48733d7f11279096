import type { ProcedureSource } from '../types';

export const urbanism: ProcedureSource[] = [];
