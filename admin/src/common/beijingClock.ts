// Imported first by main.tsx, so every date display created afterwards reads Beijing time.
import { defaultToBeijingTime } from './beijingTime';

defaultToBeijingTime();
