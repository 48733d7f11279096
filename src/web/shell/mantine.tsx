// Mantine's base styles only, before any component's: each component's own styles come with its
// code (vite.config.ts, `mantineStylesPerComponent`), so a screen loads the rules it shows.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import { useEffect, type ReactNode } from 'react';
import {
  createTheme,
  DirectionProvider,
  MantineProvider,
  useDirection,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dirOf, isLang } from '../i18n';

// The public design tokens (styles.css): Moroccan green for actions, red kept for errors.
const green: MantineColorsTuple = [
  '#e6f4ec',
  '#cde8d8',
  '#9bd1b1',
  '#66b988',
  '#3aa466',
  '#1f9651',
  '#0a7a3f',
  '#006233',
  '#00522a',
  '#003f20',
];
const red: MantineColorsTuple = [
  '#fdeaeb',
  '#f7cfd1',
  '#eea0a4',
  '#e46e74',
  '#dc454c',
  '#d42e36',
  '#c1272d',
  '#a81f25',
  '#8f191e',
  '#751317',
];

export const theme = createTheme({
  primaryColor: 'green',
  primaryShade: 7,
  colors: { green, red },
  fontFamily: "'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif",
  headings: { fontFamily: "'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif" },
  defaultRadius: 'sm',
  // Visible focus for keyboard users (WCAG 2.4.7 / 2.4.11).
  focusRing: 'auto',
});

/** Secondary ("dimmed") text dark enough for WCAG AA contrast (Mantine's default grey is 3.3:1 on white). */
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#5c636a' },
  dark: {},
});

/** Keeps Mantine's direction in step with the language (Arabic: right-to-left). */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(dirOf(isLang(i18n.language) ? i18n.language : 'fr'));
  }, [i18n.language, setDirection]);
  return null;
}

/**
 * Mantine (component library, RTL-aware) for the signed-in screens only: it is imported by the
 * lazy workspace chunk, so the public pages never download it (ADR 0006).
 */
export function MantineRoot({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DirectionProvider initialDirection={dirOf(isLang(i18n.language) ? i18n.language : 'fr')} detectDirection={false}>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={resolver}>
        <DirectionSync />
        {children}
      </MantineProvider>
    </DirectionProvider>
  );
}
