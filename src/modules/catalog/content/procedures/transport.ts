import type { ProcedureSource } from '../types';

export const transport: ProcedureSource[] = [];
