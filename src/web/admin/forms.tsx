import { useId } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { z } from 'zod';
import { api } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { currentLang } from '../i18n';
import { useForm } from '../forms/useForm';
import type { Role } from './common';

// The same limits as the server's (src/core/access/routes.ts).
const RoleCode = z.string().regex(/^[a-z][a-z0-9_]{2,49}$/);
const Email = z.string().trim().max(254).pipe(z.email());
const OrgCode = z.string().trim().min(1).max(100);

export const GrantFormSchema = z.object({
  orgCode: OrgCode,
  email: Email,
  role: RoleCode,
  includeDescendants: z.boolean(),
});
export const InviteFormSchema = z.object({
  orgCode: OrgCode,
  email: Email,
  displayName: z.string().trim().min(1).max(200),
  role: RoleCode,
  includeDescendants: z.boolean(),
  locale: z.enum(['fr', 'ar', 'en']),
});

function RoleSelect({
  roles,
  value,
  onChange,
  error,
}: {
  roles: Role[] | undefined;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation('admin');
  const lang = currentLang();
  return (
    <NativeSelect
      label={t('grants.role')}
      required
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: t('grants.chooseRole') },
        ...(roles ?? []).map((r) => ({ value: r.code, label: r.name[lang] ?? r.code })),
      ]}
    />
  );
}

/**
 * Grants a role to a colleague (an agent's e-mail) on an organisation, with or without the
 * organisations below it. `orgCode` fixed (organisation page) or typed (roles page).
 */
export function GrantForm({
  roles,
  orgCode,
  defaultOrg,
  email,
  onDone,
}: {
  roles: Role[] | undefined;
  orgCode?: string;
  /** Initial organisation code when `orgCode` is not fixed (the organisation switch's choice). */
  defaultOrg?: string;
  email?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const titleId = useId();
  const form = useForm(
    GrantFormSchema,
    { orgCode: orgCode ?? defaultOrg ?? '', email: email ?? '', role: '', includeDescendants: false },
    { ns: 'admin' },
  );
  const grant = useMutation({
    mutationFn: (v: z.output<typeof GrantFormSchema>) =>
      api('POST', `/orgs/${encodeURIComponent(v.orgCode)}/grants`, {
        email: v.email,
        role: v.role,
        includeDescendants: v.includeDescendants,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['admin'] });
      form.reset({ orgCode: orgCode ?? defaultOrg ?? '', email: email ?? '', role: '', includeDescendants: false });
      onDone?.();
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {t('grants.grantTitle')}
      </Title>
      <form onSubmit={form.submit((v) => grant.mutateAsync(v))} noValidate data-testid="grant-form">
        <Stack gap="sm">
          {grant.isSuccess && (
            <Alert color="green" role="status">
              {t('grants.granted')}
            </Alert>
          )}
          <ErrorAlert error={form.error} />
          {orgCode === undefined && (
            <TextInput {...form.mantine('orgCode')} label={t('grants.org')} description={t('grants.orgHint')} required />
          )}
          {email === undefined && (
            <TextInput {...form.mantine('email')} type="email" label={t('grants.email')} autoComplete="off" required />
          )}
          <RoleSelect
            roles={roles}
            value={String(form.values.role)}
            onChange={(v) => form.set('role', v)}
            error={form.message('role')}
          />
          <Checkbox
            label={t('grants.includeDescendants')}
            checked={Boolean(form.values.includeDescendants)}
            onChange={(e) => form.set('includeDescendants', e.currentTarget.checked)}
          />
          <div>
            <Button type="submit" loading={form.busy}>
              {t('grants.grant')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** Invites an agent (new account) and grants them a role on an organisation (existing invitations API). */
export function InviteForm({ roles, orgCode, defaultOrg }: { roles: Role[] | undefined; orgCode?: string; defaultOrg?: string }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const titleId = useId();
  const initial = {
    orgCode: orgCode ?? defaultOrg ?? '',
    email: '',
    displayName: '',
    role: '',
    includeDescendants: false,
    locale: currentLang(),
  };
  const form = useForm(InviteFormSchema, initial, { ns: 'admin' });
  const invite = useMutation({
    mutationFn: ({ orgCode: code, ...body }: z.output<typeof InviteFormSchema>) =>
      api('POST', `/orgs/${encodeURIComponent(code)}/invitations`, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['admin'] });
      form.reset(initial);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {t('people.inviteTitle')}
      </Title>
      <form onSubmit={form.submit((v) => invite.mutateAsync(v))} noValidate data-testid="invite-form">
        <Stack gap="sm">
          {invite.isSuccess && (
            <Alert color="green" role="status">
              {t('people.invited')}
            </Alert>
          )}
          <ErrorAlert error={form.error} />
          {orgCode === undefined && (
            <TextInput {...form.mantine('orgCode')} label={t('grants.org')} description={t('grants.orgHint')} required />
          )}
          <TextInput {...form.mantine('displayName')} label={t('people.name')} autoComplete="off" required />
          <TextInput {...form.mantine('email')} type="email" label={t('grants.email')} autoComplete="off" required />
          <RoleSelect
            roles={roles}
            value={String(form.values.role)}
            onChange={(v) => form.set('role', v)}
            error={form.message('role')}
          />
          <NativeSelect
            label={t('people.locale')}
            value={String(form.values.locale)}
            onChange={(e) => form.set('locale', e.currentTarget.value)}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'ar', label: 'العربية' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Checkbox
            label={t('grants.includeDescendants')}
            checked={Boolean(form.values.includeDescendants)}
            onChange={(e) => form.set('includeDescendants', e.currentTarget.checked)}
          />
          <div>
            <Button type="submit" loading={form.busy}>
              {t('people.invite')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
