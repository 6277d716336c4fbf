import { douyinAdapter } from '@/lib/adapters/douyin';
import { startOverlay } from '@/lib/overlay/start';
import { freshnessIndicator } from '@/lib/features/freshness-indicator';

export default defineContentScript({
  matches: ['https://fxg.jinritemai.com/*'],
  // The 售后 workbench may sit in a same-origin iframe (marketplaces.md).
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    freshnessIndicator.init(ctx.signal);
    startOverlay(ctx, douyinAdapter);
  },
});
