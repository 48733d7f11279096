import type { ProcedureSource } from '../types';

export const identityTravel: ProcedureSource[] = [];
