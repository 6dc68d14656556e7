// One import for the tests: the gateway on port 0, callers by role, factories, subscriptions.
export * from './client';
export * from './env';
export * from './factories';
export * from './gateway';
export * from './program';
export * from './tcp-proxy';
export * from './tenant';
export * from './ws';
