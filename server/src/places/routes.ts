import type Router from '@koa/router';
import type { Config } from '@baotou/config';
import type { Db } from '../db/client';
import { registerResource } from '../http/resource';
import { buildingsResource } from './buildings';
import { registerClaimRoutes } from './claims';
import { compoundsResource } from './compounds';
import { householdsResource } from './households';
import { ownersResource } from './owners';
import type { PersonalDataCipher } from './personalData';
import { registerPublicPlaceRoutes } from './publicRoutes';
import { regionsResource } from './regions';
import { unitsResource } from './units';
import { registerOwnerContactRoute } from './ownerContact';
import { registerHouseholdMemberRoutes } from './householdMembers';

export function registerPlaceRoutes(router: Router, db: Db, config: Config, cipher: PersonalDataCipher): void {
  registerPublicPlaceRoutes(router, db, config);
  registerOwnerContactRoute(router, db, cipher);
  for (const def of [regionsResource(), compoundsResource(), buildingsResource(), unitsResource(), householdsResource(), ownersResource(cipher)]) {
    registerResource(router, db, def);
  }
  registerClaimRoutes(router, db, cipher, config.claims);
  registerHouseholdMemberRoutes(router, db, cipher);
}
