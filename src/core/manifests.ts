import type { ModuleManifest } from './module';
import { accessManifest } from './access/manifest';
import { auditManifest } from './audit/manifest';
import { filesManifest } from './files/manifest';
import { identityManifest } from './identity/manifest';
import { notifyManifest } from './notify/manifest';
import { orgsManifest } from './orgs/manifest';
import { workflowManifest } from './workflow/manifest';

/** The kernel's own features, in seeding order (organisations before the people who belong to them). */
export const coreManifests: ModuleManifest[] = [
  orgsManifest,
  accessManifest,
  identityManifest,
  auditManifest,
  workflowManifest,
  filesManifest,
  notifyManifest,
];
