import { creditSettingsFromEnv, type CreditSettings } from '@baotou/config';

// The credit settings in force. Rule items are recorded deep inside other capabilities'
// transactions (quality, supervision, tickets), which do not carry the config; createApp installs
// the loaded settings here once, and until then (scripts, the seed) the documented defaults hold.
let current: CreditSettings = creditSettingsFromEnv({});

export function useCreditSettings(settings: CreditSettings): void {
  current = settings;
}

export function creditSettings(): CreditSettings {
  return current;
}
