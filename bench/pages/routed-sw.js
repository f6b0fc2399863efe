// Setup (d): the cheapest worker with our static routing rules (docs/decisions/014 and 015):
// navigations race the network against the fetch handler, and every request not addressed to the
// API origin (given as `?api=`) goes straight to the network. What a controlled page pays for
// its requests under these rules, and no more, is the floor any such worker can reach.
const api = new URL(new URL(location.href).searchParams.get('api'));
self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([
      event.addRoutes?.([
        { condition: { requestMode: 'navigate' }, source: 'race-network-and-fetch-handler' },
        {
          condition: {
            not: {
              urlPattern: {
                protocol: api.protocol.slice(0, -1),
                hostname: api.hostname,
                port: api.port,
              },
            },
          },
          source: 'network',
        },
      ]),
      self.skipWaiting(),
    ]),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (new URL(event.request.url).origin === api.origin) event.respondWith(fetch(event.request));
});
