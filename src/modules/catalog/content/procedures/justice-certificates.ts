import type { ProcedureSource } from '../types';

export const justiceCertificates: ProcedureSource[] = [];
