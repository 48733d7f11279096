import type { ProcedureSource, RelevanceQuery } from './types';
import { identityTravel } from './procedures/identity-travel';
import { civilStatus } from './procedures/civil-status';
import { justiceCertificates } from './procedures/justice-certificates';
import { transport } from './procedures/transport';
import { educationElectionsMre } from './procedures/education-elections-mre';
import { urbanism } from './procedures/urbanism';
import { economicPublicLand } from './procedures/economic-public-land';
import { company } from './procedures/company';
import { taxSocial } from './procedures/tax-social';
import { relevanceA } from './relevance-a';
import { relevanceB } from './relevance-b';

/** The demo catalog: real Moroccan procedures, French and Arabic (see types.ts). */
export const demoProcedures: ProcedureSource[] = [
  ...identityTravel,
  ...civilStatus,
  ...justiceCertificates,
  ...transport,
  ...educationElectionsMre,
  ...urbanism,
  ...economicPublicLand,
  ...company,
  ...taxSocial,
];

/** The relevance set: queries in French, Arabic, darija and with typos, each with the procedure expected in the top 3. */
export const relevanceSet: RelevanceQuery[] = [...relevanceA, ...relevanceB];
