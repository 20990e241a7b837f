/** Acceptance tests of the configuration: private by default, bad input refused with a sentence naming it. */
import { describe, expect, it } from 'vitest';
import { impl } from './target.ts';

describe('configuration', () => {
  it('lets the backend listen on the loopback address only, port 8080, by default', () => {
    expect(impl.readBackendConfig({})).toEqual({ host: '127.0.0.1', port: 8080 });
  });

  it('opens the backend wider only when BACKEND_HOST says so (the container sets 0.0.0.0)', () => {
    expect(impl.readBackendConfig({ BACKEND_HOST: '0.0.0.0', BACKEND_PORT: '9000' })).toEqual({ host: '0.0.0.0', port: 9000 });
  });

  it('reads the API settings with defaults: loopback, port 3000, timeout 1000 ms', () => {
    expect(impl.readApiConfig({ BACKEND_URL: 'http://backend:8080' })).toEqual({
      host: '127.0.0.1',
      port: 3000,
      backendUrl: 'http://backend:8080',
      timeoutMs: 1000,
    });
  });

  it.each([
    ['a port that is not a number', () => impl.readBackendConfig({ BACKEND_PORT: 'eighty' }), /BACKEND_PORT/],
    ['a port above 65535', () => impl.readBackendConfig({ BACKEND_PORT: '70000' }), /BACKEND_PORT/],
    ['a missing BACKEND_URL', () => impl.readApiConfig({}), /BACKEND_URL/],
    ['a BACKEND_URL that is no URL', () => impl.readApiConfig({ BACKEND_URL: 'backend' }), /BACKEND_URL/],
    ['a BACKEND_URL that is not http', () => impl.readApiConfig({ BACKEND_URL: 'ftp://backend' }), /BACKEND_URL/],
    ['a timeout of 0', () => impl.readApiConfig({ BACKEND_URL: 'http://b:1', BACKEND_TIMEOUT_MS: '0' }), /BACKEND_TIMEOUT_MS/],
    ['a timeout that is not a number', () => impl.readApiConfig({ BACKEND_URL: 'http://b:1', BACKEND_TIMEOUT_MS: '1s' }), /BACKEND_TIMEOUT_MS/],
    ['an API_PORT that is negative', () => impl.readApiConfig({ BACKEND_URL: 'http://b:1', API_PORT: '-1' }), /API_PORT/],
  ])('refuses %s with an error naming the variable', (_case, read, name) => {
    expect(read).toThrow(name);
  });
});
