import type { RequestContext } from '../access/context';
import type { DeadlineUnit } from './calendar';

/**
 * A workflow is a declared table: state → allowed actions, each with its permission, guard and
 * deadline effects (learned from OpenCRVS's allowed-actions table). Modules declare theirs in
 * `contract.ts`; the server enforces it and the web app reads the same table (without the guard
 * functions) through `describeWorkflow` to show only the allowed buttons.
 */

export interface DeadlineSpec {
  /** Name of the legal deadline (`instruction`, `reply`…), unique per record. */
  kind: string;
  amount: number;
  unit: DeadlineUnit;
}

/** A guard returns `true`, or the stable error code explaining why the action is refused now. */
export type Guard<R> = (record: R, ctx: RequestContext) => true | string;

export interface ActionDef<R = unknown> {
  to: string;
  permission: string;
  guard?: Guard<R>;
  /** Starts (or restarts) a deadline when the action is taken. */
  deadline?: DeadlineSpec;
  /** Pauses the running deadline of this kind (or all, with `true`): waiting for the applicant. */
  pausesDeadline?: string | true;
  /** Resumes the paused deadline of this kind (or all, with `true`). */
  resumesDeadline?: string | true;
  /** Meets the open deadline of this kind (or all, with `true`). Entering a final state meets them all. */
  meetsDeadline?: string | true;
  /** Cancels the open deadline of this kind (or all, with `true`). */
  cancelsDeadline?: string | true;
  requiresComment?: boolean;
}

export interface StateDef<R = unknown> {
  actions?: Record<string, ActionDef<R>>;
  final?: boolean;
}

export interface WorkflowDefinition<R = unknown> {
  id: string;
  entityType: string;
  initial: string;
  states: Record<string, StateDef<R>>;
}

/** Checks a definition (every target state exists, final states have no actions) and returns it. */
export function defineWorkflow<R = unknown>(def: WorkflowDefinition<R>): WorkflowDefinition<R> {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_.-]*$/.test(def.id)) problems.push(`invalid id "${def.id}"`);
  if (!def.states[def.initial]) problems.push(`initial state "${def.initial}" is not declared`);
  for (const [name, state] of Object.entries(def.states)) {
    const actions = Object.entries(state.actions ?? {});
    if (state.final && actions.length) problems.push(`final state "${name}" has actions`);
    for (const [action, a] of actions) {
      if (!def.states[a.to]) problems.push(`${name}.${action} goes to undeclared state "${a.to}"`);
      if (!a.permission) problems.push(`${name}.${action} has no permission`);
      if (a.deadline && (!Number.isInteger(a.deadline.amount) || a.deadline.amount < 1))
        problems.push(`${name}.${action} has an invalid deadline amount`);
    }
  }
  if (problems.length) throw new Error(`Workflow ${def.id}: ${problems.join('; ')}`);
  return def;
}

export interface ActionDescription {
  to: string;
  permission: string;
  guarded: boolean;
  requiresComment: boolean;
  deadline?: DeadlineSpec;
  pausesDeadline?: string | true;
  resumesDeadline?: string | true;
  meetsDeadline?: string | true;
  cancelsDeadline?: string | true;
}

export interface WorkflowDescription {
  id: string;
  entityType: string;
  initial: string;
  states: Record<string, { final: boolean; actions: Record<string, ActionDescription> }>;
}

/** The table as JSON (no functions), for the web app and GET /api/v1/workflows/{id}. */
export function describeWorkflow(def: WorkflowDefinition<never> | WorkflowDefinition<unknown>): WorkflowDescription {
  const states: WorkflowDescription['states'] = {};
  for (const [name, s] of Object.entries(def.states as Record<string, StateDef<unknown>>)) {
    const actions: Record<string, ActionDescription> = {};
    for (const [action, a] of Object.entries(s.actions ?? {})) {
      actions[action] = {
        to: a.to,
        permission: a.permission,
        guarded: typeof a.guard === 'function',
        requiresComment: a.requiresComment ?? false,
        ...(a.deadline ? { deadline: { ...a.deadline } } : {}),
        ...(a.pausesDeadline !== undefined ? { pausesDeadline: a.pausesDeadline } : {}),
        ...(a.resumesDeadline !== undefined ? { resumesDeadline: a.resumesDeadline } : {}),
        ...(a.meetsDeadline !== undefined ? { meetsDeadline: a.meetsDeadline } : {}),
        ...(a.cancelsDeadline !== undefined ? { cancelsDeadline: a.cancelsDeadline } : {}),
      };
    }
    states[name] = { final: s.final ?? false, actions };
  }
  return { id: def.id, entityType: def.entityType, initial: def.initial, states };
}

const registry = new Map<string, WorkflowDefinition<never>>();

/** Makes a definition readable by the web app (GET /api/v1/workflows). Modules call it from their manifest file. */
export function registerWorkflow<R>(def: WorkflowDefinition<R>): WorkflowDefinition<R> {
  const existing = registry.get(def.id);
  if (existing && existing !== (def as unknown)) throw new Error(`Workflow ${def.id} is already registered`);
  registry.set(def.id, def as unknown as WorkflowDefinition<never>);
  return def;
}

export function getWorkflow(id: string): WorkflowDefinition<unknown> | undefined {
  return registry.get(id) as WorkflowDefinition<unknown> | undefined;
}

export function listWorkflows(): WorkflowDefinition<unknown>[] {
  return [...registry.values()].sort((a, b) => a.id.localeCompare(b.id)) as WorkflowDefinition<unknown>[];
}
