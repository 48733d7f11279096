import { useLayoutEffect, useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False on the server and while React takes over a page the server rendered; true once the app
 * runs it. A form that works only through the app (its submit calls the API) keeps its submit
 * button disabled until then: pressed earlier, it would reload the page and lose what was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

type TypedField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isText = (el: Element | null): el is TypedField =>
  (el instanceof HTMLInputElement && !['checkbox', 'radio', 'file', 'hidden', 'submit', 'button'].includes(el.type)) ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement;

/**
 * What a person typed into server-rendered fields before the app took over (a slow phone, a
 * password manager filling the form at load) becomes the form's state when the app starts,
 * instead of being replaced by the empty values React rendered. Read in a layout effect: before
 * any re-render could write the state's values back into the fields. `fields`: each field's
 * element (by id or ref) and what to do with its value.
 */
export function useAdoptTypedValues(fields: () => { el: Element | null; adopt: (value: string) => void }[]): void {
  useLayoutEffect(() => {
    for (const { el, adopt } of fields()) if (isText(el) && el.value !== '') adopt(el.value);
    // Once, when the app takes over.
  }, []);
}
