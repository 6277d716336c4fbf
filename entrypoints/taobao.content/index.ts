import { taobaoContent } from '@/lib/adapters/taobao/content';
import { matchesOf } from '@/lib/adapters/manifest';
import { taobaoMeta } from '@/lib/adapters/taobao/meta';
import { startOverlay } from '@/lib/overlay/start';

export default defineContentScript({
  // From the adapter's meta.ts (plain data), like every marketplace fact of the manifest.
  matches: matchesOf(taobaoMeta),
  allFrames: taobaoMeta.allFrames,
  runAt: 'document_start',
  main(ctx) {
    startOverlay(ctx, taobaoContent);
  },
});
