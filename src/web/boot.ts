/**
 * Starts the app of a signed-in page once the frame the server drew for it (header, menu, title:
 * src/core/http/ssr.ts `workspaceFrame`) is on screen (ADR 0015). The page carries the app's tags
 * (its entry script, the modulepreloads of the workspace's and the screen's code, their
 * stylesheets' preloads) inert, in `<template id="app-scripts">`, so that nothing but the public
 * stylesheet and the fonts competes with the first paint on a slow network; this script, a few
 * hundred bytes, adds them to the page after that paint, in the same order. The frame is plain
 * HTML (links, the language switch's form): it works before the app runs.
 */
const template = document.getElementById('app-scripts');

const atMost = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A new task (a message to ourselves: no timer clamp), letting the browser paint and handle input in between. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * A stylesheet preload of the template becomes the stylesheet itself: applied now, each sheet is
 * parsed in its own task when it arrives, instead of all of them in the one task where Vite's
 * loader would insert them with the screen's code (it finds them there and adds none). The frame
 * on screen uses none of their classes.
 */
const asStylesheet = (tag: Element) =>
  tag.localName === 'link' && tag.getAttribute('rel') === 'preload' && tag.getAttribute('as') === 'style';

/** Resolves once the sheet is applied or failed (Vite's loader would go on in both cases), or after 10 s. */
const loaded = (link: HTMLLinkElement) =>
  Promise.race([
    new Promise<void>((resolve) => {
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener('error', () => resolve(), { once: true });
    }),
    atMost(10_000),
  ]);

/**
 * Adds the tags to `<head>` in order, in tasks of a few milliseconds: each one starts a request
 * (the first ones open connections), and seventy at once would block a slow phone's main thread.
 * The entry script comes last, once the stylesheets are applied: the screens it draws are never
 * shown unstyled.
 */
async function start(): Promise<void> {
  if (!(template instanceof HTMLTemplateElement)) return;
  const tags = Array.from(template.content.children);
  template.remove();
  const sheets: Promise<void>[] = [];
  const entries: Element[] = [];
  let since = performance.now();
  for (const tag of tags) {
    if (tag.localName === 'script') {
      entries.push(tag);
      continue;
    }
    if (performance.now() - since > 4) {
      await nextTask();
      since = performance.now();
    }
    // Recreated rather than moved: elements parsed inside a <template> belong to an inert document.
    const el = document.createElement(tag.localName);
    for (const { name, value } of Array.from(tag.attributes)) el.setAttribute(name, value);
    if (asStylesheet(tag)) {
      el.setAttribute('rel', 'stylesheet');
      el.removeAttribute('as');
      sheets.push(loaded(el as HTMLLinkElement));
    }
    document.head.append(el);
  }
  await Promise.all(sheets);
  for (const tag of entries) {
    const el = document.createElement('script');
    for (const { name, value } of Array.from(tag.attributes)) el.setAttribute(name, value);
    document.head.append(el);
  }
}

/** After the next frame has been painted (or a second, should the page be hidden meanwhile: no frames then). */
const afterPaint = () =>
  Promise.race([new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))), atMost(1000)]);

if (document.visibilityState === 'hidden') await start();
else {
  // The first frame, then the web fonts its text waits for (the title is drawn in its own font only,
  // `font-display: block`, at most 3 s), then that paint.
  await afterPaint();
  await Promise.race([document.fonts.ready, atMost(3000)]);
  await afterPaint();
  await start();
}

export {};
