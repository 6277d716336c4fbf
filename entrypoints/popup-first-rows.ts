/**
 * The popup's first rows, read and written before its modules load: popup.html runs this small classic script
 * while it is parsed (components/popup/early.ts). No React, no Dexie, no zod, no dayjs here.
 */
import { startEarly } from '@/components/popup/early';

export default defineUnlistedScript(() => void startEarly());
