import { useEffect, useState } from 'react';
import type { PasswordPolicy } from '@baotou/shared';
import { API_BASE } from '../dataProvider';

/** The server's defaults (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES), used until its own answer arrives. */
const DEFAULT_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

let loaded: Promise<PasswordPolicy> | undefined;

/** The password rule's settings from GET /api/auth/options (public), asked once per page load. */
function loadPasswordPolicy(): Promise<PasswordPolicy> {
  loaded ??= fetch(`${API_BASE}/auth/options`, { headers: { Accept: 'application/json' } })
    .then((r) => r.json())
    .then((b: { passwordPolicy?: PasswordPolicy }) => b.passwordPolicy ?? DEFAULT_POLICY)
    .catch(() => {
      loaded = undefined;
      return DEFAULT_POLICY;
    });
  return loaded;
}

/** The settings the server checks passwords against, so a form can show the same message on the field. */
export function usePasswordPolicy(): PasswordPolicy {
  const [policy, setPolicy] = useState(DEFAULT_POLICY);
  useEffect(() => {
    let live = true;
    loadPasswordPolicy().then((p) => live && setPolicy(p));
    return () => {
      live = false;
    };
  }, []);
  return policy;
}
