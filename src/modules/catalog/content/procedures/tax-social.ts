import type { ProcedureSource } from '../types';

export const taxSocial: ProcedureSource[] = [];
