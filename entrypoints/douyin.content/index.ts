import { douyinAdapter } from '@/lib/adapters/douyin';
import { startOverlay } from '@/lib/overlay/start';

export default defineContentScript({
  matches: ['https://fxg.jinritemai.com/*'],
  // The 售后 workbench may sit in a same-origin iframe (marketplaces.md).
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    startOverlay(ctx, douyinAdapter);
  },
});
