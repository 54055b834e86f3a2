import type { PaySettings } from '@baotou/config';
import { createPayClient, type PayClient } from './client';

/**
 * The process's WeChat Pay client, built once from the settings when the routes are registered
 * (createApp), so callers of the contract functions (requestRefund) need not carry the settings.
 * One app per process in production; each test file builds one app.
 */
let current: { settings: PaySettings; client: PayClient } | undefined;

export function installPayClient(settings: PaySettings): PayClient {
  if (current?.settings !== settings) current = { settings, client: createPayClient(settings) };
  return current.client;
}

export function payClient(): PayClient {
  if (!current) throw new Error('WeChat Pay client not installed (registerPayRoutes)');
  return current.client;
}

export function paySettingsInUse(): PaySettings {
  if (!current) throw new Error('WeChat Pay client not installed (registerPayRoutes)');
  return current.settings;
}
