import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Group, Text } from '@mantine/core';
import { api } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';

/** Revokes a role grant after a confirmation step (two buttons, no modal: keyboard and screen-reader friendly). */
export function RevokeButton({ grantId, label }: { grantId: string; label: string }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const revoke = useMutation({
    mutationFn: () => api('DELETE', `/grants/${grantId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }),
  });
  if (!confirm)
    return (
      <Button size="compact-sm" variant="subtle" color="red" aria-label={label} onClick={() => setConfirm(true)}>
        {t('grants.revoke')}
      </Button>
    );
  return (
    <div role="group" aria-label={label}>
      <ErrorAlert error={revoke.error} />
      <Text size="xs">{t('grants.revokeConfirm')}</Text>
      <Group gap={4}>
        <Button size="compact-sm" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()} autoFocus>
          {t('grants.revokeYes')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => setConfirm(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </div>
  );
}
