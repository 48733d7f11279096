import { z } from 'zod';
import { CODE_RE, MAX_LINE_QUANTITY } from '../contract';

/**
 * Equipment maintenance (issue 5): equipment units (the serial numbers of serial-tracked
 * products), preventive maintenance plans, corrective and preventive work orders, readiness.
 * Shapes of the API under `/api/v1/reserves/equipment`, `/maintenance/plans` and `/work-orders`.
 */

export const MAINT_PERM = {
  /** Open, assign and close work orders, record meter readings, declare a unit out of service (on the platform's region). */
  manage: 'reserves.maintenance.manage',
} as const;

/**
 * What a unit is doing now. `deployed`: not in a warehouse (dispatched or in transit between
 * warehouses); `out_of_service`: declared so; `in_maintenance`: an immobilising work order is open;
 * otherwise `ready`. Ready to deploy = `ready` and no maintenance overdue.
 */
export const UNIT_STATUSES = ['ready', 'in_maintenance', 'out_of_service', 'deployed'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const WO_KINDS = ['preventive', 'corrective'] as const;
export const WO_STATUSES = ['open', 'in_progress', 'closed', 'cancelled'] as const;
export type WoStatus = (typeof WO_STATUSES)[number];
export const WO_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const WO_OUTCOMES = ['ready', 'out_of_service'] as const;
/** Largest meter reading accepted (running hours). */
export const MAX_HOURS = 1_000_000;

export const MAINT_ERR = {
  unitNotFound: 'RESERVES_MAINT_UNIT_NOT_FOUND',
  unitAmbiguous: 'RESERVES_MAINT_UNIT_AMBIGUOUS',
  unitNotInStock: 'RESERVES_MAINT_UNIT_NOT_IN_STOCK',
  hoursBackwards: 'RESERVES_MAINT_HOURS_BACKWARDS',
  planNotFound: 'RESERVES_MAINT_PLAN_NOT_FOUND',
  planCodeTaken: 'RESERVES_MAINT_PLAN_CODE_TAKEN',
  planProduct: 'RESERVES_MAINT_PLAN_PRODUCT',
  planInterval: 'RESERVES_MAINT_PLAN_INTERVAL',
  planRequired: 'RESERVES_MAINT_PLAN_REQUIRED',
  planNotForUnit: 'RESERVES_MAINT_PLAN_NOT_FOR_UNIT',
  faultRequired: 'RESERVES_MAINT_FAULT_REQUIRED',
  orderNotFound: 'RESERVES_MAINT_ORDER_NOT_FOUND',
  orderClosed: 'RESERVES_MAINT_ORDER_CLOSED',
  performedInFuture: 'RESERVES_MAINT_PERFORMED_IN_FUTURE',
  performedBeforeOpened: 'RESERVES_MAINT_PERFORMED_BEFORE_OPENED',
  partProduct: 'RESERVES_MAINT_PART_PRODUCT',
  alertNotFound: 'RESERVES_ALERT_NOT_FOUND',
} as const;
export type MaintErrorCode = (typeof MAINT_ERR)[keyof typeof MAINT_ERR];

const refCode = z.string().trim().min(1).max(64).regex(CODE_RE);
const text = (max: number) => z.string().trim().min(1).max(max);
const serial = z.string().trim().min(1).max(64);
const hours = z.number().int().min(0).max(MAX_HOURS);

// ---------- units ----------
export const EquipmentQuery = z.object({
  platform: refCode.optional(),
  warehouse: refCode.optional(),
  product: refCode.optional(),
  status: z.enum(UNIT_STATUSES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('only units whose maintenance is (or is not) overdue'),
  ready: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('only units ready (or not ready) to deploy'),
  q: z.string().trim().min(1).max(64).optional().describe('serial number (prefix)'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type EquipmentQueryT = z.infer<typeof EquipmentQuery>;

export const EquipmentUnitView = z.object({
  serial: z.string(),
  product: z.string(),
  productName: z.string(),
  category: z.string(),
  platform: z.string(),
  warehouse: z.string(),
  status: z.enum(UNIT_STATUSES),
  hours: z.number(),
  hoursReadAt: z.string().nullable(),
  outOfServiceReason: z.string().nullable(),
  /** Earliest due date over the unit's plans (null: no plan with a day interval). */
  nextDueOn: z.string().nullable(),
  /** Fewest running hours left before a plan with an hour interval is due (negative: overdue). */
  hoursLeft: z.number().nullable(),
  overdue: z.boolean(),
  /** Since when maintenance is overdue (the earliest due date passed), if it is. */
  overdueSince: z.string().nullable(),
  plans: z.number(),
  openOrders: z.number(),
  readyToDeploy: z.boolean(),
});
export type EquipmentUnitViewT = z.infer<typeof EquipmentUnitView>;

export const ReadinessSummary = z.object({
  units: z.number(),
  ready: z.number(),
  readyToDeploy: z.number(),
  inMaintenance: z.number(),
  outOfService: z.number(),
  deployed: z.number(),
  overdue: z.number(),
});
export type ReadinessSummaryT = z.infer<typeof ReadinessSummary>;

export const EquipmentList = z.object({
  items: z.array(EquipmentUnitView),
  total: z.number(),
  summary: ReadinessSummary,
});

export const PlanDueView = z.object({
  code: z.string(),
  title: z.string(),
  scope: z.enum(['product', 'unit']),
  intervalDays: z.number().nullable(),
  intervalHours: z.number().nullable(),
  checklist: z.array(z.string()),
  lastDoneAt: z.string().nullable(),
  lastDoneHours: z.number().nullable(),
  dueOn: z.string().nullable(),
  dueHours: z.number().nullable(),
  overdue: z.boolean(),
});

export const WorkOrderPartView = z.object({
  product: z.string().nullable(),
  productName: z.string().nullable(),
  lot: z.string().nullable(),
  description: z.string().nullable(),
  quantity: z.number(),
  movement: z.string().nullable(),
  warehouse: z.string().nullable(),
});

export const WorkOrderView = z.object({
  number: z.string(),
  kind: z.enum(WO_KINDS),
  status: z.enum(WO_STATUSES),
  priority: z.enum(WO_PRIORITIES),
  serial: z.string(),
  product: z.string(),
  productName: z.string(),
  platform: z.string(),
  warehouse: z.string(),
  plan: z.string().nullable(),
  planTitle: z.string().nullable(),
  fault: z.string().nullable(),
  immobilising: z.boolean(),
  assignee: z.string().nullable(),
  dueOn: z.string().nullable(),
  openedAt: z.string(),
  startedAt: z.string().nullable(),
  performedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  workDone: z.string().nullable(),
  hoursAt: z.number().nullable(),
  outcome: z.enum(WO_OUTCOMES).nullable(),
  checklist: z.array(z.object({ item: z.string(), done: z.boolean(), note: z.string().optional() })).nullable(),
  parts: z.array(WorkOrderPartView),
});
export type WorkOrderViewT = z.infer<typeof WorkOrderView>;

export const EquipmentDetail = EquipmentUnitView.extend({
  planDues: z.array(PlanDueView),
  workOrders: z.array(WorkOrderView.omit({ parts: true, checklist: true })),
});
export type EquipmentDetailT = z.infer<typeof EquipmentDetail>;

export const HoursInput = z.strictObject({
  hours: hours.describe('meter reading (running hours); never lower than the last one'),
  product: refCode.optional().describe('only when the serial number exists for several products'),
});
export const UnitStatusInput = z.strictObject({
  outOfService: z.boolean(),
  reason: text(500).optional().describe('required when declaring out of service'),
  product: refCode.optional(),
});

// ---------- plans ----------
export const PlanInput = z.strictObject({
  code: refCode.describe('e.g. PM-GEN20-250H'),
  product: refCode.describe('a serial-tracked product'),
  serial: serial.optional().describe('a plan for one unit only'),
  title: text(200),
  intervalDays: z.number().int().min(1).max(3650).optional(),
  intervalHours: z.number().int().min(1).max(100_000).optional(),
  checklist: z.array(text(200)).max(50).default([]),
  startsOn: z.iso.date().optional().describe('default today'),
});
export type PlanInputT = z.infer<typeof PlanInput>;

/** Changes to a plan: what is given is changed; `null` removes an interval (one must remain); `active: false` retires it. */
export const PlanUpdateInput = z
  .strictObject({
    title: text(200).optional(),
    intervalDays: z.number().int().min(1).max(3650).nullable().optional(),
    intervalHours: z.number().int().min(1).max(100_000).nullable().optional(),
    checklist: z.array(text(200)).max(50).optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type PlanUpdateInputT = z.infer<typeof PlanUpdateInput>;

export const PlanView = z.object({
  code: z.string(),
  product: z.string(),
  productName: z.string(),
  serial: z.string().nullable(),
  title: z.string(),
  intervalDays: z.number().nullable(),
  intervalHours: z.number().nullable(),
  checklist: z.array(z.string()),
  startsOn: z.string(),
  active: z.boolean(),
});

// ---------- work orders ----------
export const WorkOrderInput = z.strictObject({
  kind: z.enum(WO_KINDS),
  serial,
  product: refCode.optional(),
  plan: refCode.optional().describe('preventive: the plan carried out'),
  fault: text(2000).optional().describe('corrective: the fault found'),
  priority: z.enum(WO_PRIORITIES).default('normal'),
  assignee: text(200).optional().describe('mechanic or team'),
  immobilising: z
    .boolean()
    .optional()
    .describe('the unit is unavailable while the order is open (default: corrective yes, preventive no)'),
  dueOn: z.iso.date().optional(),
});
export type WorkOrderInputT = z.infer<typeof WorkOrderInput>;

export const WorkOrderQuery = z.object({
  platform: refCode.optional(),
  status: z.enum(WO_STATUSES).optional(),
  kind: z.enum(WO_KINDS).optional(),
  serial: serial.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const PartInput = z
  .strictObject({
    product: refCode.optional().describe('a stock product: taken out of the ledger'),
    lot: z.string().trim().min(1).max(64).optional(),
    warehouse: refCode.optional().describe('where the part is taken from (default: the unit’s warehouse)'),
    description: text(200).optional().describe('a part that is not a stock product'),
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  })
  .refine((p) => p.product || p.description, { message: 'product or description', path: ['product'] });
export type PartInputT = z.infer<typeof PartInput>;

export const PartsInput = z.strictObject({ parts: z.array(PartInput).min(1).max(50) });

export const StartInput = z.strictObject({ assignee: text(200).optional() });

export const CloseInput = z.strictObject({
  workDone: text(4000),
  performedAt: z.iso.datetime({ offset: true }).optional().describe('when the work was done (default now)'),
  hours: hours.optional().describe('meter reading when the work was done'),
  checklist: z
    .array(z.strictObject({ item: text(200), done: z.boolean(), note: text(500).optional() }))
    .max(50)
    .optional(),
  parts: z.array(PartInput).max(50).default([]),
  outcome: z.enum(WO_OUTCOMES).default('ready'),
});
export type CloseInputT = z.infer<typeof CloseInput>;

export const CancelInput = z.strictObject({ reason: text(500) });
