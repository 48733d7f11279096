import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { api } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../dates';
import { NOTIFICATIONS_KEY, NOTIFICATIONS_PAGE_SIZE, useNotifications, type NotificationItem } from './api';

/** `/me/notifications`: my notifications, newest first, paginated; mark one or all as read. */
export function Notifications() {
  const { t } = useTranslation('account');
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useNotifications(page, unreadOnly);
  const refresh = () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });

  const markOne = useMutation({
    mutationFn: (id: string) => api('POST', `/notifications/${id}/read`, {}),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => api('POST', '/notifications/read-all', {}),
    onSuccess: async () => {
      setNotice(t('notifications.allRead'));
      await refresh();
    },
  });

  // The server gives the title in the page's language when it has the text (modules' notifications).
  const title = (n: NotificationItem) =>
    n.title ?? tc(n.titleKey, { ...(n.params as Record<string, string>), defaultValue: n.kind });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / NOTIFICATIONS_PAGE_SIZE)) : 1;

  return (
    <Stack gap="md">
      <Title order={1}>{t('notifications.title')}</Title>
      <Group justify="space-between" wrap="wrap">
        <Switch
          label={t('notifications.onlyUnread')}
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.currentTarget.checked);
            setPage(1);
          }}
        />
        <Button
          variant="default"
          loading={markAll.isPending}
          disabled={!data || data.unread === 0}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {notice && (
        <Alert color="green" role="status" withCloseButton={false}>
          {notice}
        </Alert>
      )}
      <ErrorAlert error={list.error ?? markOne.error ?? markAll.error} />
      {list.isPending ? (
        <Loader size="sm" role="status" aria-label={tc('common.loading')} />
      ) : data ? (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('notifications.summary', { total: data.total, unread: data.unread })}
          </Text>
          {data.items.length === 0 ? (
            <Text>{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.items.map((n) => (
                <Paper component="li" key={n.id} withBorder p="sm" data-unread={n.readAt ? undefined : true}>
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                    <div>
                      <Group gap="xs">
                        {!n.readAt && (
                          <Badge color="green" variant="filled" size="sm">
                            {t('notifications.unread')}
                          </Badge>
                        )}
                        <Text fw={n.readAt ? 400 : 700}>{title(n)}</Text>
                      </Group>
                      <Text size="sm" c="dimmed">
                        {formatDate(n.createdAt, true)}
                      </Text>
                    </div>
                    <Group gap="xs">
                      {n.link && (
                        <Anchor component={Link} to={n.link}>
                          {t('notifications.open')}
                        </Anchor>
                      )}
                      {!n.readAt && (
                        <Button
                          size="xs"
                          variant="light"
                          loading={markOne.isPending && markOne.variables === n.id}
                          aria-label={t('notifications.markReadName', { title: title(n) })}
                          onClick={() => markOne.mutate(n.id)}
                        >
                          {t('notifications.markRead')}
                        </Button>
                      )}
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
          {pages > 1 && <Pager page={page} pages={pages} onPage={setPage} />}
        </>
      ) : null}
    </Stack>
  );
}

/** Previous / next with the page number, buttons with text (keyboard and screen readers). */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  const { t } = useTranslation('account');
  return (
    <Group component="nav" aria-label={t('pager.label')} gap="sm" justify="center">
      <Button variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.previous')}
      </Button>
      <Text aria-live="polite">{t('pager.pageOf', { page, pages })}</Text>
      <Button variant="default" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </Button>
    </Group>
  );
}
