import i18next from 'i18next';
import fr from './locales/fr.json';
import ar from './locales/ar.json';
import en from './locales/en.json';

/**
 * The shell's own texts (namespace `shell`: pagination, breadcrumbs, form buttons), added when the
 * workspace chunk loads, so the public pages never download them.
 */
for (const [lang, texts] of Object.entries({ fr, ar, en })) i18next.addResourceBundle(lang, 'shell', texts, true, false);

export const SHELL_NS = 'shell';
