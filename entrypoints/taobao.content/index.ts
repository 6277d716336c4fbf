import { taobaoAdapter } from '@/lib/adapters/taobao';
import { startOverlay } from '@/lib/overlay/start';
import { freshnessIndicator } from '@/lib/features/freshness-indicator';

export default defineContentScript({
  matches: ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*'],
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    freshnessIndicator.init(ctx.signal);
    startOverlay(ctx, taobaoAdapter);
  },
});
