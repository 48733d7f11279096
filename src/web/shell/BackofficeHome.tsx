import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { currentLang } from '../i18n';
import { useMe } from '../session';

/** The back office's front page: every screen the person may open, as cards. */
export function BackofficeHome() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const lang = currentLang();
  const items = (me?.navigation ?? []).filter((n) => n.path.startsWith('/backoffice/'));
  return (
    <>
      <Title order={1} mb="md">
        {t('workspace.backofficeTitle')}
      </Title>
      {items.length === 0 ? (
        <Text>{t('workspace.nothing')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {items.map((item) => (
            <Card key={item.id} withBorder component={Link} to={item.path}>
              <Text fw={700}>{item.label[lang] ?? item.label.fr}</Text>
              <Text size="sm" c="dimmed">
                {t(`workspace.sections.${item.section}`, { defaultValue: item.section })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
