import { douyinContent } from '@/lib/adapters/douyin/content';
import { matchesOf } from '@/lib/adapters/manifest';
import { douyinMeta } from '@/lib/adapters/douyin/meta';
import { startOverlay } from '@/lib/overlay/start';

export default defineContentScript({
  // From the adapter's meta.ts (plain data), like every marketplace fact of the manifest.
  matches: matchesOf(douyinMeta),
  allFrames: douyinMeta.allFrames,
  runAt: 'document_start',
  main(ctx) {
    startOverlay(ctx, douyinContent);
  },
});
