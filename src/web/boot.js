/* global document, PerformanceObserver, setTimeout */
// Starts the app's JavaScript (added to index.html by vite.config.ts, ADR 0015). A page rendered
// by the server is complete without script: its JavaScript (≈ 125 KB) is fetched once the page
// has been painted, so that on a slow network it does not compete with the styles and fonts of
// the first paint. A page without server rendering (the shell of /backoffice and /me) starts at
// once. No inline script: the Content-Security-Policy forbids them.
const config = JSON.parse(document.getElementById('app-scripts').textContent);
let started = false;

function start() {
  if (started) return;
  started = true;
  for (const href of config.preload) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  }
  const script = document.createElement('script');
  script.type = 'module';
  script.crossOrigin = '';
  script.src = config.entry;
  document.head.appendChild(script);
}

const painted = typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint');
if (!document.getElementById('ssr-data') || !painted || document.visibilityState !== 'visible') start();
else {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    start();
  }).observe({ type: 'paint', buffered: true });
  // Never later than this, whatever happens to painting.
  setTimeout(start, 3000);
}
