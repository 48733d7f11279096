import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CreateTokenBody } from '../../core/identity/contract';
import { api } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../dates';
import { useForm } from '../forms/useForm';
import { orgsOf } from '../shell/org';
import { useMe, type Me } from '../session';
import { TOKENS_KEY, useTokens, type TokenItem } from './api';

const initial = { name: '', scopes: [] as string[], orgCode: '', expiresInDays: '90' };

/** What the API receives from the token form (the organisation only when one is chosen, days as a number). */
export function tokenInput(v: typeof initial) {
  const days = v.expiresInDays.trim();
  return {
    name: v.name,
    scopes: v.scopes,
    ...(v.orgCode ? { orgCode: v.orgCode } : {}),
    expiresInDays: days === '' ? undefined : Number(days),
  };
}

/**
 * The permissions a token may carry: those the person holds; for a holder of every permission
 * (`*`, the platform operator), every permission of the platform's roles.
 */
function useScopes(me: Me): string[] {
  const all = me.permissions.includes('*');
  const roles = useQuery({
    queryKey: ['roles'],
    queryFn: () => api<{ items: { permissions: string[] }[] }>('GET', '/roles'),
    enabled: all,
  });
  const own = me.permissions.filter((p) => p !== '*');
  if (!all) return own;
  return [...new Set([...own, ...(roles.data?.items.flatMap((r) => r.permissions) ?? [])])].filter((p) => p !== '*').sort();
}

function CreateToken({ me, onCreated }: { me: Me; onCreated: (t: TokenItem & { token: string }) => void }) {
  const { t } = useTranslation('account');
  const qc = useQueryClient();
  const form = useForm(CreateTokenBody, initial, { toInput: tokenInput });
  const perms = useScopes(me);
  const orgs = orgsOf(me);
  const scopesMsg = form.message('scopes');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tok-create">
      <Title order={2} size="h3" id="tok-create" mb="sm">
        {t('tokens.createTitle')}
      </Title>
      <ErrorAlert error={form.error} />
      <form
        noValidate
        onSubmit={form.submit(async (data) => {
          const created = await api<TokenItem & { token: string }>('POST', '/account/tokens', data);
          form.reset();
          onCreated(created);
          await qc.invalidateQueries({ queryKey: TOKENS_KEY });
        })}
      >
        <Stack gap="sm">
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            required
            maxLength={100}
            {...form.mantine('name')}
          />
          <Checkbox.Group
            label={t('tokens.scopes')}
            description={t('tokens.scopesHint')}
            value={form.values.scopes}
            onChange={(v) => form.set('scopes', v)}
            error={scopesMsg}
            withAsterisk
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
              {perms.map((p) => (
                <Checkbox key={p} value={p} label={<bdi dir="ltr">{p}</bdi>} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {orgs.length > 0 && (
            <NativeSelect
              label={t('tokens.org')}
              value={form.values.orgCode}
              onChange={(e) => form.set('orgCode', e.currentTarget.value)}
              data={[{ value: '', label: t('tokens.orgAll') }, ...orgs.map((o) => ({ value: o.code, label: o.name }))]}
            />
          )}
          <TextInput
            label={t('tokens.expires')}
            type="number"
            min={1}
            max={365}
            inputMode="numeric"
            required
            maw={200}
            {...form.mantine('expiresInDays')}
          />
          <Group>
            <Button type="submit" loading={form.busy}>
              {t('tokens.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** `/me/tokens`: my API tokens; a new token's secret is shown once, with a copy button. */
export function Tokens() {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const tokens = useTokens();
  const [created, setCreated] = useState<(TokenItem & { token: string }) | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => api('DELETE', `/account/tokens/${id}`),
    onSuccess: async () => {
      setDone(t('tokens.revoked'));
      await qc.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  if (!me) return null;
  const canCreate = me.permissions.length > 0;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('tokens.title')}</Title>
      <Text>{t('tokens.intro')}</Text>
      {created && (
        <Alert color="green" title={t('tokens.createdTitle')} role="status">
          <Text mb="xs">{t('tokens.createdText')}</Text>
          <Code block dir="ltr" data-testid="new-token" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {created.token}
          </Code>
          <Group mt="sm">
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'light' : 'filled'} onClick={copy}>
                  {copied ? t('tokens.copied') : t('tokens.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={() => setCreated(null)}>
              {t('tokens.done')}
            </Button>
          </Group>
        </Alert>
      )}
      {canCreate ? (
        <CreateToken
          me={me}
          onCreated={(c) => {
            setDone(null);
            setCreated(c);
          }}
        />
      ) : (
        <Text c="dimmed">{t('tokens.noPermission')}</Text>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="tok-list">
        <Title order={2} size="h3" id="tok-list" mb="sm">
          {t('tokens.listTitle')}
        </Title>
        {done && (
          <Alert color="green" role="status" mb="sm">
            {done}
          </Alert>
        )}
        <ErrorAlert error={tokens.error ?? revoke.error} />
        {tokens.isPending ? (
          <Loader size="sm" role="status" aria-label={tc('common.loading')} />
        ) : !tokens.data?.items.length ? (
          <Text>{t('tokens.empty')}</Text>
        ) : (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="tokens">
            {tokens.data.items.map((tok) => (
              <Paper component="li" key={tok.id} withBorder p="sm">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={4}>
                    <Text fw={700}>{tok.name}</Text>
                    <Text size="sm">
                      {t('tokens.prefix')} : <Code dir="ltr">{`rqm_${tok.prefix}_…`}</Code>
                      {tok.orgCode && <> · {tok.orgCode}</>}
                    </Text>
                    <Group gap={4}>
                      {tok.scopes.map((s) => (
                        <Badge key={s} variant="light" color="gray" tt="none">
                          <bdi dir="ltr">{s}</bdi>
                        </Badge>
                      ))}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t('tokens.expiresAt')} {formatDate(tok.expiresAt)} · {t('tokens.lastUsed')} :{' '}
                      {tok.lastUsedAt ? formatDate(tok.lastUsedAt, true) : t('tokens.never')}
                    </Text>
                  </Stack>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    loading={revoke.isPending && revoke.variables === tok.id}
                    aria-label={t('tokens.revokeName', { name: tok.name })}
                    onClick={() => revoke.mutate(tok.id)}
                  >
                    {t('tokens.revoke')}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
