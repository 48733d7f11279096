import type { WebModule } from '../../../web/web-module';

/**
 * The reserves back-office screens (issue 5): dashboard, stock, movements, crises (requests,
 * allocation runs, dispatches with waybills, deliveries) and traceability, under `/backoffice/reserves`.
 */
export const reservesWeb: WebModule = {
  id: 'reserves',
  texts: import.meta.glob('./locales/*.json', { import: 'default' }),
  serverTexts: import.meta.glob('../locales/*.json', { import: 'default' }),
  backofficeRoutes: [
    { path: 'reserves', lazy: async () => ({ Component: (await import('./DashboardPage')).DashboardPage }) },
    { path: 'reserves/stock', lazy: async () => ({ Component: (await import('./StockPage')).StockPage }) },
    { path: 'reserves/movements', lazy: async () => ({ Component: (await import('./MovementsPage')).MovementsPage }) },
    { path: 'reserves/movements/new', lazy: async () => ({ Component: (await import('./MovementForm')).NewMovementPage }) },
    { path: 'reserves/supply', lazy: async () => ({ Component: (await import('./SupplyPage')).SupplyPage }) },
    { path: 'reserves/supply/:number', lazy: async () => ({ Component: (await import('./SupplyOrderPage')).SupplyOrderPage }) },
    { path: 'reserves/crises', lazy: async () => ({ Component: (await import('./CrisesPage')).CrisesPage }) },
    { path: 'reserves/crises/:number', lazy: async () => ({ Component: (await import('./CrisisPage')).CrisisPage }) },
    { path: 'reserves/trace', lazy: async () => ({ Component: (await import('./TracePage')).TracePage }) },
    { path: 'reserves/alerts', lazy: async () => ({ Component: (await import('./AlertsPage')).AlertsPage }) },
    { path: 'reserves/equipment', lazy: async () => ({ Component: (await import('./EquipmentPage')).EquipmentPage }) },
    {
      path: 'reserves/equipment/:serial',
      lazy: async () => ({ Component: (await import('./EquipmentUnitPage')).EquipmentUnitPage }),
    },
    { path: 'reserves/work-orders/new', lazy: async () => ({ Component: (await import('./WorkOrderForm')).NewWorkOrderPage }) },
    { path: 'reserves/work-orders/:number', lazy: async () => ({ Component: (await import('./WorkOrderForm')).WorkOrderPage }) },
    { path: 'reserves/imports', lazy: async () => ({ Component: (await import('./ImportsPage')).ImportsPage }) },
    { path: 'reserves/webhooks', lazy: async () => ({ Component: (await import('./WebhooksPage')).WebhooksPage }) },
  ],
};
