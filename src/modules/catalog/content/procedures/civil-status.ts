import type { ProcedureSource } from '../types';

export const civilStatus: ProcedureSource[] = [];
