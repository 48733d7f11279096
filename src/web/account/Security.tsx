import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Code, Group, Image, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { ChangePasswordForm, TotpCodeForm } from '../../core/identity/contract';
import { api } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../dates';
import { PasswordRules } from '../forms/PasswordRules';
import { useForm } from '../forms/useForm';
import { fetchMe, ME_KEY, useMe, type Me } from '../session';
import { browserName, groupSecret, SESSIONS_KEY, useSessions } from './api';

function Done({ children }: { children: string | null }) {
  if (!children) return null;
  return (
    <Alert color="green" role="status" mb="sm">
      {children}
    </Alert>
  );
}

function PasswordSection({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const qc = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm(ChangePasswordForm, { currentPassword: '', newPassword: '' }, { context: { email: me.user.email } });
  const rulesId = `${form.idOf('newPassword')}-rules`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sec-password">
      <Title order={2} size="h3" id="sec-password" mb="sm">
        {t('security.password.title')}
      </Title>
      <Done>{done}</Done>
      <ErrorAlert error={form.error} />
      <form
        noValidate
        onSubmit={form.submit(async ({ currentPassword, newPassword }) => {
          setDone(null);
          await api('POST', '/account/password', { currentPassword, newPassword });
          form.reset();
          setDone(t('security.password.done'));
          await qc.invalidateQueries({ queryKey: SESSIONS_KEY });
        })}
      >
        <Stack gap="sm" maw={420}>
          <TextInput
            type="password"
            label={t('security.password.current')}
            autoComplete="current-password"
            dir="ltr"
            required
            {...form.mantine('currentPassword')}
          />
          <TextInput
            type="password"
            label={t('security.password.new')}
            autoComplete="new-password"
            dir="ltr"
            required
            inputWrapperOrder={['label', 'input', 'error', 'description']}
            // The rules are a list: the description is a div, not Mantine's default paragraph.
            descriptionProps={{ component: 'div' } as never}
            description={
              <>
                {t('rules.title')}
                <PasswordRules id={rulesId} password={form.values.newPassword} email={me.user.email} />
              </>
            }
            {...form.mantine('newPassword')}
          />
          <Group>
            <Button type="submit" loading={form.busy}>
              {t('security.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

function CodeForm({
  submitLabel,
  onCode,
  cancel,
}: {
  submitLabel: string;
  onCode: (code: string) => Promise<void>;
  cancel?: () => void;
}) {
  const { t } = useTranslation('account');
  const form = useForm(TotpCodeForm, { code: '' });
  return (
    <form noValidate onSubmit={form.submit(async ({ code }) => onCode(code))}>
      <ErrorAlert error={form.error} />
      <Stack gap="sm" maw={320}>
        <TextInput
          label={t('security.totp.code')}
          description={t('security.totp.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          dir="ltr"
          required
          {...form.mantine('code')}
          onChange={(e) => form.set('code', e.currentTarget.value.replace(/\D/g, ''))}
        />
        <Group>
          <Button type="submit" loading={form.busy}>
            {submitLabel}
          </Button>
          {cancel && (
            <Button variant="default" onClick={cancel}>
              {t('security.totp.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function TotpSection({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const qc = useQueryClient();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const setup = useMutation({
    mutationFn: () => api<Enrolment>('POST', '/account/totp/setup', {}),
    onSuccess: (e) => {
      setDone(null);
      setEnrolment(e);
    },
  });
  const refreshMe = async () => qc.setQueryData(ME_KEY, await fetchMe());
  const on = me.user.totpEnabled === true;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sec-totp">
      <Group gap="sm" mb="sm">
        <Title order={2} size="h3" id="sec-totp">
          {t('security.totp.title')}
        </Title>
        <Badge color={on ? 'green' : 'gray'} variant="light" data-testid="totp-status">
          {on ? t('space.on') : t('space.off')}
        </Badge>
      </Group>
      <Done>{done}</Done>
      {on ? (
        <>
          <Text mb="sm">{t('security.totp.on')}</Text>
          {disabling ? (
            <>
              <Text mb="sm">{t('security.totp.disableIntro')}</Text>
              <CodeForm
                submitLabel={t('security.totp.disableSubmit')}
                cancel={() => setDisabling(false)}
                onCode={async (code) => {
                  await api('POST', '/account/totp/disable', { code });
                  setDisabling(false);
                  setDone(t('security.totp.disabled'));
                  await refreshMe();
                }}
              />
            </>
          ) : (
            <Button variant="default" onClick={() => setDisabling(true)}>
              {t('security.totp.disable')}
            </Button>
          )}
        </>
      ) : enrolment ? (
        <Stack gap="sm">
          <Text>{t('security.totp.scan')}</Text>
          <Image
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt={t('security.totp.qrAlt')}
            w={200}
            h={200}
            fit="contain"
            bg="white"
            data-testid="totp-qr"
          />
          <Text>{t('security.totp.manual')}</Text>
          <Code
            block
            dir="ltr"
            fz="lg"
            data-testid="totp-secret"
            aria-label={t('security.totp.secret')}
            style={{ overflowWrap: 'anywhere' }}
          >
            {groupSecret(enrolment.secret)}
          </Code>
          <Anchor href={enrolment.otpauthUrl} size="sm">
            {t('security.totp.openApp')}
          </Anchor>
          <Text mt="sm">{t('security.totp.confirm')}</Text>
          <CodeForm
            submitLabel={t('security.totp.enable')}
            cancel={() => setEnrolment(null)}
            onCode={async (code) => {
              await api('POST', '/account/totp/enable', { code });
              setEnrolment(null);
              setDone(t('security.totp.enabled'));
              await refreshMe();
            }}
          />
        </Stack>
      ) : (
        <>
          <Text mb="sm">{t('security.totp.off')}</Text>
          <ErrorAlert error={setup.error} />
          <Button loading={setup.isPending} onClick={() => setup.mutate()}>
            {t('security.totp.start')}
          </Button>
        </>
      )}
    </Paper>
  );
}

function SessionsSection() {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const sessions = useSessions();
  const [done, setDone] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => api('DELETE', `/account/sessions/${id}`),
    onSuccess: async () => {
      setDone(t('security.sessions.revoked'));
      await qc.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sec-sessions">
      <Title order={2} size="h3" id="sec-sessions" mb="xs">
        {t('security.sessions.title')}
      </Title>
      <Text mb="sm" c="dimmed">
        {t('security.sessions.intro')}
      </Text>
      <Done>{done}</Done>
      <ErrorAlert error={sessions.error ?? revoke.error} />
      {sessions.isPending ? (
        <Loader size="sm" role="status" aria-label={tc('common.loading')} />
      ) : sessions.data?.items.length === 0 ? (
        <Text>{t('security.sessions.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="sessions">
          {sessions.data?.items.map((s) => {
            const device = browserName(s.userAgent) ?? t('security.sessions.unknown');
            return (
              <Paper component="li" key={s.id} withBorder p="sm" data-current={s.current || undefined}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Group gap="xs">
                      <Text fw={700}>{device}</Text>
                      {s.current && (
                        <Badge color="green" variant="light">
                          {t('security.sessions.thisDevice')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t('security.sessions.ip')} : <bdi dir="ltr">{s.ip ?? '—'}</bdi> · {t('security.sessions.lastSeen')} :{' '}
                      {formatDate(s.lastSeenAt, true)} · {t('security.sessions.started')} {formatDate(s.createdAt, true)}
                    </Text>
                  </div>
                  {!s.current && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      loading={revoke.isPending && revoke.variables === s.id}
                      aria-label={t('security.sessions.revokeName', { device })}
                      onClick={() => revoke.mutate(s.id)}
                    >
                      {t('security.sessions.revoke')}
                    </Button>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

/** `/me/security`: change the password, two-factor authentication (TOTP) with a QR code, open sessions. */
export function Security() {
  const { t } = useTranslation('account');
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('security.title')}</Title>
      <TotpSection me={me} />
      <PasswordSection me={me} />
      <SessionsSection />
    </Stack>
  );
}
