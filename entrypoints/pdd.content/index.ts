import { pddContent } from '@/lib/adapters/pdd/content';
import { matchesOf } from '@/lib/adapters/manifest';
import { pddMeta } from '@/lib/adapters/pdd/meta';
import { startOverlay } from '@/lib/overlay/start';

export default defineContentScript({
  // From the adapter's meta.ts (plain data), like every marketplace fact of the manifest.
  matches: matchesOf(pddMeta),
  allFrames: pddMeta.allFrames,
  runAt: 'document_start',
  main(ctx) {
    startOverlay(ctx, pddContent);
  },
});
