import type { WebModule } from '../web-module';

/**
 * The personal space of every signed-in person (citizen, company, agent), `/me/...`, and the
 * public account pages (sign up, e-mail confirmation, password reset, invitation), whose paths
 * are those of the links in the e-mails (src/core/identity/mails.ts callers). Every page is lazy;
 * texts in the `account` namespace (./locales).
 */
export const accountWeb: WebModule = {
  id: 'account',
  texts: import.meta.glob('./locales/*.json', { import: 'default' }),
  publicRoutes: [
    { path: 'signup', lazy: async () => ({ Component: (await import('../pages/SignUp')).SignUp }) },
    { path: 'verify-email', lazy: async () => ({ Component: (await import('../pages/VerifyEmail')).VerifyEmail }) },
    { path: 'forgot-password', lazy: async () => ({ Component: (await import('../pages/ForgotPassword')).ForgotPassword }) },
    { path: 'reset-password', lazy: async () => ({ Component: (await import('../pages/ResetPassword')).ResetPassword }) },
    {
      path: 'accept-invitation',
      lazy: async () => ({ Component: (await import('../pages/AcceptInvitation')).AcceptInvitation }),
    },
    { path: 'invitation', lazy: async () => ({ Component: (await import('../pages/AcceptInvitation')).AcceptInvitation }) },
  ],
  spaceRoutes: [
    { index: true, lazy: async () => ({ Component: (await import('./MySpace')).MySpace }) },
    { path: 'notifications', lazy: async () => ({ Component: (await import('./Notifications')).Notifications }) },
    { path: 'security', lazy: async () => ({ Component: (await import('./Security')).Security }) },
    { path: 'tokens', lazy: async () => ({ Component: (await import('./Tokens')).Tokens }) },
  ],
};
