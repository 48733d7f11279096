/** Server texts of the catalog search (error messages), to merge into the catalog manifest's translations. */
import ar from './locales/ar.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

export const searchTranslations = { fr, ar, en };
