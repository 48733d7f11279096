import type { ProcedureSource } from '../types';

export const educationElectionsMre: ProcedureSource[] = [];
