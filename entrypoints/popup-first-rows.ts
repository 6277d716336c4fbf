/**
 * The popup's first rows, started before its modules load: popup.html runs this small classic script while it
 * is parsed (components/popup/first-rows.ts). No React, no Dexie, no zod here.
 */
import { startFirstRows } from '@/components/popup/first-rows';

export default defineUnlistedScript(() => startFirstRows());
